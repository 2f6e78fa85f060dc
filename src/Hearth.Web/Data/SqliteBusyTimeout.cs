using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hearth.Web.Data;

/// <summary>
/// SQLite has one writer at a time. Without a busy timeout SQLite answers "busy" at once and
/// Microsoft.Data.Sqlite retries after a coarse sleep, so under many concurrent check-ins a writer
/// could wait far longer than the lock was actually held (docs/performance.md). With SQLite's own busy
/// handler the writer waits inside SQLite and takes the lock within milliseconds of its release. The
/// same 30 seconds as the command timeout: nothing waits longer than before.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hearth.Web.Data;

/// <summary>
/// SQLite has one writer at a time. Without a busy timeout SQLite answers "busy" at once and
/// Microsoft.Data.Sqlite retries after a coarse sleep, so under many concurrent check-ins a writer
/// could wait far longer than the lock was actually held (docs/performance.md). With SQLite's own busy
/// handler the writer waits inside SQLite and takes the lock within milliseconds of its release. The
/// same 30 seconds as the command timeout: nothing waits longer than before.
/// </summary>
/// <remarks>
/// EF Core opens a (pooled) connection for every query, so this runs once per query: it calls SQLite's
/// C function directly rather than preparing and running a <c>PRAGMA busy_timeout</c> statement, which
/// doubled the number of statements a page ran (the pair dashboard's 17 queries were 34 statements).
/// </remarks>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public const int Milliseconds = 30_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            SQLitePCL.raw.sqlite3_busy_timeout(handle, Milliseconds);
        }
    }
}

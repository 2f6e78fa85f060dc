using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hearth.Web.Data;

/// <summary>
/// SQLite has one writer at a time. Without a busy timeout SQLite answers "busy" at once and
/// Microsoft.Data.Sqlite retries after a coarse sleep, so under many concurrent check-ins a writer
/// could wait far longer than the lock was actually held (docs/performance.md). With SQLite's own busy
/// handler the writer waits inside SQLite and takes the lock within milliseconds of its release. The
/// same 30 seconds as the command timeout: nothing waits longer than before. It also turns on
/// <c>PRAGMA secure_delete</c> once per native connection, so deleted content is zeroed.
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

    /// <summary>Native connections that already have secure_delete on (a pooled connection keeps it).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> SecureDeleteOn = [];

    /// <summary>For a connection opened outside EF Core (SqliteSessionReads).</summary>
    internal static void ApplyTo(DbConnection connection) => Apply(connection);

    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            SQLitePCL.raw.sqlite3_busy_timeout(handle, Milliseconds);

            // Deleted rows are overwritten with zeros, not left in free space (an account deletion
            // must leave nothing behind in the file: docs/privacy.md). Once per native connection.
            if (!SecureDeleteOn.TryGetValue(handle, out _))
            {
                SQLitePCL.raw.sqlite3_exec(handle, "PRAGMA secure_delete=ON;");
                SecureDeleteOn.AddOrUpdate(handle, SecureDeleteOn);
            }
        }
    }
}

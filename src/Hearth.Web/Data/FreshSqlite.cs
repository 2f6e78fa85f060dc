using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hearth.Web.Data;

/// <summary>
/// A new install on SQLite, the embedded default (ADR 52): an empty file gets the current schema in
/// one step, made from the model (<see cref="RelationalDatabaseFacadeExtensions.GenerateCreateScript"/>),
/// and every migration is recorded as applied, in one transaction. Applying the 20-odd migrations one
/// by one built each one's target model (large methods the JIT compiles once and never again) and was
/// about half of the first start. Every later start, and every database that already has a table, goes
/// through the migrations as before. The test <c>A_new_database_made_in_one_step_has_the_schema_the_migrations_make</c>
/// holds the two ways to the same tables, columns, indexes and foreign keys.
/// </summary>
public static class FreshSqlite
{
    /// <summary>Creates the schema in one step when the file has no table at all; false (nothing done) otherwise.</summary>
    public static async Task<bool> TryCreateAsync(HearthDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return false;
        }

        var history = db.GetService<IHistoryRepository>();
        var migrations = db.Database.GetMigrations().ToList();
        var script = db.Database.GenerateCreateScript();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (Convert.ToInt64(await ScalarAsync(connection, tx, "SELECT count(*) FROM sqlite_master WHERE type = 'table'", ct), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                return false;
            }

            await RunAsync(connection, tx, history.GetCreateScript(), ct);
            await RunAsync(connection, tx, script, ct);
            var version = ProductInfo.GetVersion();
            foreach (var id in migrations)
            {
                await RunAsync(connection, tx, history.GetInsertScript(new HistoryRow(id, version)), ct);
            }

            await tx.CommitAsync(ct);
            return true;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    private static async Task RunAsync(DbConnection connection, DbTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}

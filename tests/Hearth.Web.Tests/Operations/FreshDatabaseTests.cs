using Hearth.Web.Data;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Tests.Operations;

/// <summary>
/// A new SQLite install gets its schema in one step from the model (ADR 52, FreshSqlite); every other
/// database goes through the migrations. Both ways must give the same database, or a new install and
/// an upgraded one would drift apart.
/// </summary>
public sealed class FreshDatabaseTests
{
    [Fact]
    public async Task A_new_database_made_in_one_step_has_the_schema_the_migrations_make()
    {
        await using var factory = new SqliteHearthFactory();
        var folder = Directory.CreateTempSubdirectory("hearth-fresh-");
        try
        {
            var oneStep = Path.Combine(folder.FullName, "one-step.db");
            var migrated = Path.Combine(folder.FullName, "migrated.db");
            await using (var db = Context(factory, oneStep))
            {
                Assert.True(await FreshSqlite.TryCreateAsync(db));
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());

                // Once there is a table, it is no new database: nothing is done.
                Assert.False(await FreshSqlite.TryCreateAsync(db));
            }

            await using (var db = Context(factory, migrated))
            {
                await db.Database.MigrateAsync();
            }

            var expected = Schema(migrated);
            var actual = Schema(oneStep);
            Assert.True(expected.Count > 40, $"only {expected.Count} tables");
            var differences = expected.Keys.Union(actual.Keys)
                .Where(t => expected.GetValueOrDefault(t) != actual.GetValueOrDefault(t))
                .Select(t => $"{t}:\n  migrations: {expected.GetValueOrDefault(t)}\n  one step:   {actual.GetValueOrDefault(t)}")
                .ToList();
            Assert.True(differences.Count == 0, string.Join('\n', differences));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static SqliteHearthDbContext Context(SqliteHearthFactory factory, string file) =>
        new(new DbContextOptionsBuilder<SqliteHearthDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString())
            .UseApplicationServiceProvider(factory.Services)
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning))
            .Options);

    /// <summary>
    /// Every table's columns (name, type, not null, key), indexes (unique, columns) and foreign keys, in a
    /// stable order. Not the column defaults: a migration that adds a column to a table with rows gives it a
    /// default to fill them ("0", "'0001-01-01'"), which the model does not have; Hearth writes every column
    /// of every row it inserts, so a default is never used. Not EF's own lock table either, which the
    /// migrations create on their first run (and will on the next migration of a one-step database).
    /// </summary>
    private static Dictionary<string, string> Schema(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        var tables = Rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsLock'").Select(r => r[0]).ToList();
        var schema = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var columns = Rows(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')").Select(r => string.Join(' ', r)).Order(StringComparer.Ordinal);
            var indexes = Rows(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}')")
                .Where(r => r[2] != "pk")
                .Select(r => $"{r[0]} unique={r[1]} ({string.Join(',', Rows(connection, $"SELECT name FROM pragma_index_info('{r[0]}') ORDER BY seqno").Select(c => c[0]))})")
                .Order(StringComparer.Ordinal);
            var keys = Rows(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')").Select(r => string.Join(' ', r)).Order(StringComparer.Ordinal);
            schema[table] = $"columns [{string.Join("; ", columns)}] indexes [{string.Join("; ", indexes)}] keys [{string.Join("; ", keys)}]";
        }

        return schema;
    }

    private static List<string[]> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        }

        return rows;
    }
}

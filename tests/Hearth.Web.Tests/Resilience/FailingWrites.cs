using System.Collections.Concurrent;
using System.Data.Common;
using Hearth.Web.Data;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hearth.Web.Tests.Resilience;

/// <summary>One log line as the app wrote it: its level, category and text (with the exception).</summary>
public sealed record LogLine(LogLevel Level, string Category, string Text);

/// <summary>
/// A factory whose database can be made to refuse writes the way real failures do: a table that
/// refuses inserts (a trigger, the way a broken constraint fails), or a full disk (SQLite: the
/// database may not grow, PRAGMA max_page_count on every connection the app opens; PostgreSQL: a
/// trigger on every table and on DDL raising SQLSTATE disk_full). It keeps every log line.
/// </summary>
public interface IFailingWritesFactory
{
    ConcurrentQueue<LogLine> Logs { get; }

    HearthFactory Factory { get; }

    Task RefuseInsertsAsync(string table);

    Task AllowInsertsAsync(string table);

    Task FillDiskAsync();

    Task FreeDiskAsync();
}

internal sealed class CapturingLoggerProvider(ConcurrentQueue<LogLine> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new LogLine(logLevel, category, $"{formatter(state, exception)} {exception}"));
    }
}

internal static class FailingWritesSetup
{
    /// <summary>Runs the test's own SQL (table names from the test, never from input).</summary>
    public static Task RunSqlAsync(this HearthFactory factory, string sql) => factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    public static void Configure(IWebHostBuilder builder, ConcurrentQueue<LogLine> logs)
    {
        // Hearth notes a lost race at Debug: keep those, to count the races the test exercised.
        builder.UseSetting("Logging:LogLevel:Hearth.Database", "Debug");
        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(logs)));
    }
}

public sealed class FailingWritesSqliteFactory : SqliteHearthFactory, IFailingWritesFactory
{
    private readonly PageLimit limit = new();

    public ConcurrentQueue<LogLine> Logs { get; } = new();

    public HearthFactory Factory => this;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        FailingWritesSetup.Configure(builder, Logs);
        builder.ConfigureServices(services => services.ConfigureDbContext<SqliteHearthDbContext>(o => o.AddInterceptors(limit)));
    }

    public Task RefuseInsertsAsync(string table) => this.RunSqlAsync(
        $"CREATE TRIGGER \"test_refuse_{table}\" BEFORE INSERT ON \"{table}\" BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");

    public Task AllowInsertsAsync(string table) => this.RunSqlAsync($"DROP TRIGGER IF EXISTS \"test_refuse_{table}\";");

    public async Task FillDiskAsync()
    {
        // No free pages left inside the file: a write that needs room needs the file to grow, and it may not.
        await WithDbAsync(db => db.Database.ExecuteSqlRawAsync("VACUUM;"));
        limit.Full = true;
        SqliteConnection.ClearAllPools();
    }

    public Task FreeDiskAsync()
    {
        limit.Full = false;
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }

    /// <summary>SQLite's own limit on the file's size, applied to each connection as the app opens it.</summary>
    private sealed class PageLimit : DbConnectionInterceptor
    {
        public volatile bool Full;

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();

            // A limit below the file's size holds it at its size; the large one is SQLite's usual.
            command.CommandText = Full ? "PRAGMA max_page_count = 1;" : "PRAGMA max_page_count = 1073741823;";
            command.ExecuteNonQuery();
        }
    }
}

public sealed class FailingWritesPostgresFactory : PostgresHearthFactory, IFailingWritesFactory
{
    public ConcurrentQueue<LogLine> Logs { get; } = new();

    public HearthFactory Factory => this;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        FailingWritesSetup.Configure(builder, Logs);
    }

    public Task RefuseInsertsAsync(string table) => this.RunSqlAsync(
        $"""
        CREATE OR REPLACE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
        CREATE TRIGGER test_refuse BEFORE INSERT ON "{table}" FOR EACH ROW EXECUTE FUNCTION test_refuse();
        """);

    public Task AllowInsertsAsync(string table) => this.RunSqlAsync($"DROP TRIGGER IF EXISTS test_refuse ON \"{table}\";");

    public Task FillDiskAsync() => WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
        """
        CREATE OR REPLACE FUNCTION test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$;
        DO $$ DECLARE t text; BEGIN
          FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
            EXECUTE format('CREATE TRIGGER test_disk_full BEFORE INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION test_disk_full()', t);
          END LOOP;
        END $$;
        CREATE OR REPLACE FUNCTION test_disk_full_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$;
        CREATE EVENT TRIGGER test_disk_full_ddl ON ddl_command_start EXECUTE FUNCTION test_disk_full_ddl();
        """));

    public Task FreeDiskAsync() => WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
        """
        DROP EVENT TRIGGER IF EXISTS test_disk_full_ddl;
        DO $$ DECLARE t text; BEGIN
          FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
            EXECUTE format('DROP TRIGGER IF EXISTS test_disk_full ON %I', t);
          END LOOP;
        END $$;
        """));
}

public static class FailingWritesExtensions
{
    /// <summary>The table refuses inserts once it holds <paramref name="rows"/> rows (a failure part-way through a long write).</summary>
    public static Task RefuseInsertsOnceFullAsync(this HearthFactory factory, string table, int rows) => factory.ProviderName == "sqlite"
        ? factory.RunSqlAsync($"CREATE TRIGGER \"test_refuse_{table}\" BEFORE INSERT ON \"{table}\" WHEN (SELECT COUNT(*) FROM \"{table}\") >= {rows} BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;")
        : factory.RunSqlAsync(
            $$"""
            CREATE OR REPLACE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF (SELECT count(*) FROM "{{table}}") >= {{rows}} THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER test_refuse BEFORE INSERT ON "{{table}}" FOR EACH ROW EXECUTE FUNCTION test_refuse();
            """);

    /// <summary>Rows in every table but sessions and data keys (which sign-in makes): what a write left behind.</summary>
    public static Task<Dictionary<string, long>> RowCountsAsync(this HearthFactory factory) => factory.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = factory.ProviderName == "sqlite"
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT tablename FROM pg_tables WHERE schemaname = 'public'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => t is not ("UserSessions" or "MemberKeys")))
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    });
}

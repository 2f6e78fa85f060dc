using Hearth.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hearth.Web.Tests.Infrastructure;

/// <summary>
/// Hosts the real Hearth app over a real database: a fresh SQLite file in a temporary data folder,
/// or a fresh database on a real PostgreSQL server. Only the clock is replaced (and nothing leaves
/// the machine: e-mail goes to the outbox folder, which tests read).
/// </summary>
public abstract class HearthFactory : WebApplicationFactory<Program>
{
    /// <summary>
    /// Worlds watch files (configuration, versioned static files) by polling: dozens are alive at once,
    /// and each watcher would otherwise hold one of the user's 128 inotify instances (FileWatcherTests).
    /// </summary>
    static HearthFactory() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    /// <summary>A fixed start, so two test worlds built the same way see the same instants.</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    public TestClock Clock { get; init; } = new(Start);

    /// <summary>A fresh temporary folder; a test may point a second factory at the first one's folder to simulate a restart.</summary>
    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "hearth-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Set when the folder belongs to another factory (a second instance on the same data): it is then left for that one to delete.</summary>
    public bool KeepDataDirectory { get; init; }

    public string OutboxDirectory => Path.Combine(DataDirectory, "outbox");

    public abstract string ProviderName { get; }

    /// <summary>
    /// Hearth:PublicUrl: the address every link starts with, as an operator sets it (the test
    /// server has no listening address to fall back on). Null for a factory on real Kestrel that
    /// listens on loopback, where links take that address instead.
    /// </summary>
    public string? PublicUrl { get; init; } = "https://localhost";

    /// <summary>Sign-in/up attempts allowed per minute; high by default so tests are not throttled by accident.</summary>
    public virtual int AccountAttemptsPerMinute => 100_000;

    /// <summary>
    /// PBKDF2 iterations for passphrase hashes. One by default: every sign-up and sign-in hashes, and
    /// the production setting (100,000 or more) makes each one cost real time on a two-core machine.
    /// Null keeps the production setting, for the tests about how passphrases are stored.
    /// </summary>
    public int? PasswordHashIterations { get; init; } = 1;

    protected abstract string? ConnectionString { get; }

    /// <summary>Switches the pseudo-locale qps-Ploc on (Hearth:Languages:Pseudo), as Development has it.</summary>
    public bool PseudoLocale { get; init; }

    /// <summary>
    /// Practice mode (Hearth:Practice:Enabled, ADR 46). On in tests, so every suite reaches the
    /// counsellor pages and endpoints; PracticeOffTests checks that they are all 404 with it off.
    /// </summary>
    public bool Practice { get; init; } = true;

    /// <summary>Call first in every test: skips (or fails, in CI) when this provider is not available here.</summary>
    public virtual void RequireAvailable()
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Hearth:DataDirectory", DataDirectory);
        builder.UseSetting("Hearth:Database:Provider", ProviderName);
        if (PublicUrl is not null)
        {
            builder.UseSetting("Hearth:PublicUrl", PublicUrl);
        }
        if (ConnectionString is not null)
        {
            builder.UseSetting("Hearth:Database:ConnectionString", ConnectionString);
        }

        builder.UseSetting("Hearth:RateLimits:AccountPerMinute", AccountAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Hearth:RateLimits:RequestsPerMinute", "0");
        builder.UseSetting("Hearth:Languages:Pseudo", PseudoLocale ? "true" : "false");
        builder.UseSetting("Hearth:Practice:Enabled", Practice ? "true" : "false");

        // Background housekeeping would run on the real clock beside the test's own; tests call it directly.
        builder.UseSetting("Hearth:Background:Enabled", "false");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(BatchPause);
            if (PasswordHashIterations is { } iterations)
            {
                services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = iterations);
            }
        });
    }

    /// <summary>Holds a large write (an import batch) open after it is saved, when a test asks for it.</summary>
    public BatchPause BatchPause { get; } = new();

    /// <summary>A new, separate person's browser: its own cookies. https so the __Host- cookies are kept. It sends X-Hearth-Request, as Hearth's own scripts do.</summary>
    public HttpClient NewClient()
    {
        var cookies = new System.Net.CookieContainer();
        var http = CreateDefaultClient(new Uri("https://localhost"), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies));

        // Like Hearth's own scripts, this client says it is not a form from another site (ADR 13);
        // the forgery tests build requests without it.
        http.DefaultRequestHeaders.Add("X-Hearth-Request", "1");
        jars.Add(http, cookies);
        return http;
    }

    /// <summary>The cookie header a client made by <see cref="NewClient"/> sends.</summary>
    public string CookieHeaderOf(HttpClient http) =>
        jars.TryGetValue(http, out var cookies) ? cookies.GetCookieHeader(new Uri("https://localhost/")) : "";

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, System.Net.CookieContainer> jars = [];

    /// <summary>Runs a query with a fresh DbContext outside any request (no space scope: filters off).</summary>
    public async Task<T> WithDbAsync<T>(Func<HearthDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HearthDbContext>();
        return await work(db);
    }

    public IReadOnlyList<string> ReadOutbox() =>
        Directory.Exists(OutboxDirectory)
            ? Directory.GetFiles(OutboxDirectory, "*.eml").OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText).ToList()
            : [];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        // Only this world's pool (the app's own connection string): ClearAllPools closed
        // every other running world's idle connections too, and a world whose last connection closed
        // lost its WAL file in the middle of a test that reads it (CanaryScanTests).
        using (var own = new Microsoft.Data.Sqlite.SqliteConnection(Hearth.Web.Data.DatabaseSetup.SqliteConnectionString(Path.Combine(DataDirectory, "db", "hearth.db"))))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(own);
        }

        if (KeepDataDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>Hearth on a real SQLite file (the default install).</summary>
public class SqliteHearthFactory : HearthFactory
{
    public override string ProviderName => "sqlite";

    protected override string? ConnectionString => null;

    public string SqliteFile => Path.Combine(DataDirectory, "db", "hearth.db");
}

/// <summary>Hearth on a fresh database of a real PostgreSQL server (HEARTH_TEST_POSTGRES).</summary>
public class PostgresHearthFactory : HearthFactory
{
    private readonly string databaseName = "hearth_t_" + Guid.NewGuid().ToString("N")[..12];
    private string? connectionString;

    public override string ProviderName => "postgres";

    protected override string? ConnectionString => connectionString ??= Create();

    public override void RequireAvailable()
    {
        if (string.IsNullOrWhiteSpace(TestEnvironment.PostgresConnectionString))
        {
            TestEnvironment.Unavailable("PostgreSQL tests need HEARTH_TEST_POSTGRES (a connection string to a throwaway server); .ci/run sets it.", TestEnvironment.PostgresRequired);
        }
    }

    private string Create()
    {
        var admin = TestEnvironment.PostgresConnectionString
            ?? throw new InvalidOperationException("HEARTH_TEST_POSTGRES is not set.");
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{databaseName}\"";
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = databaseName }.ToString();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (connectionString is null || TestEnvironment.PostgresConnectionString is not { } admin)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}

public static class DbContextTestExtensions
{
    public static IQueryable<T> All<T>(this DbSet<T> set)
        where T : class => set.IgnoreQueryFilters();

    public static IQueryable<T> IgnoreFiltersForTests<T>(this DbSet<T> set)
        where T : class => set.IgnoreQueryFilters();
}

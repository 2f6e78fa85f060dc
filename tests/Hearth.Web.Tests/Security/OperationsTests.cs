using System.Net;
using System.Net.Http.Json;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Tests.Security;

public abstract class MigrationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    [Fact]
    public async Task The_migrations_match_the_model_and_are_all_applied()
    {
        factory.RequireAvailable();
        Assert.False(await factory.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())), "Run tools/add-migration.sh: the model changed without a migration.");
        Assert.Empty(await factory.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
    }
}

public sealed class MigrationsOnSqlite(SqliteHearthFactory factory) : MigrationTests<SqliteHearthFactory>(factory);

public sealed class MigrationsOnPostgres(PostgresHearthFactory factory) : MigrationTests<PostgresHearthFactory>(factory);

/// <summary>A factory with a tight limit, to see the limiter answer 429.</summary>
public sealed class TightLimitFactory : SqliteHearthFactory
{
    public override int AccountAttemptsPerMinute => 3;
}

public sealed class RateLimitTests(TightLimitFactory factory) : IClassFixture<TightLimitFactory>
{
    [Fact]
    public async Task Too_many_account_attempts_from_one_address_get_a_quick_429()
    {
        var http = factory.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await http.PostAsJsonAsync("/api/v1/account/sign-in", new { email = "x@example.org", password = "not a real passphrase here" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
                Assert.Contains("wait", (await Expect.ProblemAsync(HttpStatusCode.TooManyRequests, response)).Detail(), StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}

public sealed class KeyRingTests
{
    [Fact]
    public async Task Starting_with_a_database_but_without_its_key_ring_fails_closed_with_a_clear_message()
    {
        await using var first = new SqliteHearthFactory();
        var person = await Person.RegisterAsync(first);
        await person.CreateSpaceAsync(label: "needs the keys");
        var data = first.DataDirectory;

        // Copy the data folder without its keys, as a careless restore would.
        var restored = Path.Combine(Path.GetTempPath(), "hearth-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(restored, "db"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using (var source = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data, "db", "hearth.db")}"))
        await using (var target = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(restored, "db", "hearth.db")};Pooling=false"))
        {
            await source.OpenAsync();
            await target.OpenAsync();
            source.BackupDatabase(target);
        }

        await using var second = new RestoredFactory(restored);
        var error = Assert.ThrowsAny<Exception>(() => second.Services);
        var keyError = error as KeyRingMissingException ?? error.InnerException as KeyRingMissingException;
        Assert.NotNull(keyError);
        Assert.Contains("keys folder", keyError.Message, StringComparison.Ordinal);
    }

    private sealed class RestoredFactory(string dataDirectory) : SqliteHearthFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Hearth:DataDirectory", dataDirectory);
        }
    }
}

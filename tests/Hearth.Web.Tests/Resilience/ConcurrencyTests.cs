using System.Net;
using System.Net.Http.Json;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Resilience;

/// <summary>Two people acting at the same moment get sensible answers, never a 500.</summary>
public abstract class ConcurrencyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    [Fact]
    public async Task Both_members_saving_the_first_settings_at_once_both_succeed()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var ben = await Person.RegisterAsync(factory);
        var spaceId = await ana.PairWithAsync(ben);
        var answers = await Task.WhenAll(
            ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/settings", new { livingApart = true }),
            ben.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/settings", new { dailyGoalMinutes = 30 }));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
    }

    [Fact]
    public async Task Many_first_writes_at_once_agree_on_one_data_key()
    {
        factory.RequireAvailable();
        var sam = await Person.RegisterAsync(factory);
        var spaceId = await sam.CreateSpaceAsync("friends");
        var writes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            sam.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/memories", new { title = $"at once {i}", text = "together", kind = "shared-experience", date = "2026-05-01", shared = false })));
        Assert.All(writes, w => Assert.Equal(HttpStatusCode.Created, w.StatusCode));
        var titles = (await sam.GetJsonAsync($"/api/v1/spaces/{spaceId}/memories")).GetProperty("memories").EnumerateArray().Select(m => m.GetProperty("title").GetString()).ToList();
        Assert.Equal(6, titles.Count(t => t!.StartsWith("at once", StringComparison.Ordinal)));
    }
}

public sealed class ConcurrencyOnSqlite(SqliteHearthFactory factory) : ConcurrencyTests<SqliteHearthFactory>(factory);

public sealed class ConcurrencyOnPostgres(PostgresHearthFactory factory) : ConcurrencyTests<PostgresHearthFactory>(factory);

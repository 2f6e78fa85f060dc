using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Tests.DataRights;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Hearth.Web.Tests.CheckIns;

/// <summary>
/// A check-in belongs for ever to the week in which it was sent: changing the ritual (day, time or
/// zone) never moves, merges or reveals a stored check-in, and never asks for a second one in a week
/// already done. Each test runs in its own world, because the clock moves.
/// </summary>
public abstract class CheckInWeekInvariantTests
{
    /// <summary>A new world whose sessions outlast the months the clock travels (no sign-in after every step).</summary>
    protected abstract HearthFactory NewWorld();

    protected abstract string Provider { get; }

    [Fact]
    public async Task Changing_the_ritual_back_and_forth_never_reveals_a_week_the_other_person_skipped()
    {
        await using var world = NewWorld();
        world.RequireAvailable();
        var ana = await Person.RegisterAsync(world, "Ana");
        var ben = await Person.RegisterAsync(world, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        var api = $"/api/v1/spaces/{spaceId}/check-in";

        // Monday 1 June 2026: the ritual is Monday, and Ben checks in.
        await ben.SetRitualAsync(spaceId, "monday", "19:00", "UTC");
        var bens = await ben.CheckInOkAsync(spaceId, new { satisfaction = 4, needs = "Ben-monday" });
        Assert.Equal("2026-06-01", bens.GetProperty("week").GetProperty("week").GetString());

        // Saturday: Ben moves the ritual to Sunday. The next Friday Ana checks in; Ben skipped that week.
        Travel(world, new DateTimeOffset(2026, 6, 6, 12, 0, 0, TimeSpan.Zero));
        await ben.SetRitualAsync(spaceId, "sunday", "19:00", "UTC");
        Travel(world, new DateTimeOffset(2026, 6, 12, 12, 0, 0, TimeSpan.Zero));
        var anas = await ana.CheckInOkAsync(spaceId, new { satisfaction = 9, needs = "Ana-friday-canary" });
        var anaWeek = anas.GetProperty("week").GetProperty("week").GetString();
        Assert.Equal("2026-06-07", anaWeek);
        Assert.False((await ben.GetJsonAsync($"{api}/weeks/{anaWeek}")).GetProperty("theirs").GetProperty("revealed").GetBoolean());

        // Ben sets it back to Monday. Nothing of Ana's Friday may reach Ben, and Ana is not asked again.
        await ben.SetRitualAsync(spaceId, "monday", "19:00", "UTC");
        var bensWeek = await ben.GetJsonAsync($"{api}/weeks/2026-06-01");
        Assert.Equal("Ben-monday", bensWeek.GetProperty("yours").GetProperty("needs").GetString());
        var leaks = new List<string>();
        foreach (var url in new[] { $"{api}/weeks/2026-06-01", $"{api}/weeks/2026-06-07", $"{api}/weeks/2026-06-08", api, $"/api/v1/spaces/{spaceId}/trends", $"/api/v1/spaces/{spaceId}/dashboard" })
        {
            if ((await ben.Http.GetStringAsync(new Uri(url, UriKind.Relative))).Contains("Ana-friday-canary", StringComparison.Ordinal))
            {
                leaks.Add(url);
            }
        }

        var (_, benExport, _) = await DataWorld.ExportAsync(ben);
        if (benExport.Contains("Ana-friday-canary", StringComparison.Ordinal))
        {
            leaks.Add("Ben's export");
        }

        var anasNow = await ana.GetJsonAsync(api);
        var again = await ana.CheckInAsync(spaceId, new { satisfaction = 1 });
        SecurityReport.Record(
            "check-in week invariant under ritual changes", Provider, 8,
            leaks.Count + (anasNow.GetProperty("canCheckIn").GetBoolean() ? 1 : 0) + (again.StatusCode == HttpStatusCode.Created ? 1 : 0),
            $"{GetType().Name}.{nameof(Changing_the_ritual_back_and_forth_never_reveals_a_week_the_other_person_skipped)}",
            "Monday -> Sunday -> Monday with a week one member skipped: six views and the export, the other's status and a second check-in");
        Assert.Empty(leaks);
        Assert.False(bensWeek.GetProperty("theirs").GetProperty("revealed").GetBoolean());
        Assert.False(anasNow.GetProperty("canCheckIn").GetBoolean());
        Assert.Equal("Ana-friday-canary", anasNow.GetProperty("yours").GetProperty("needs").GetString());
        await Expect.ProblemAsync(HttpStatusCode.Conflict, again);
        Assert.DoesNotContain("Something new in Hearth", await ana.Http.GetStringAsync(new Uri("/spaces", UriKind.Relative)), StringComparison.Ordinal);
    }

    /// <summary>Moves the world's clock to <paramref name="to"/> (never backwards).</summary>
    internal static void Travel(HearthFactory world, DateTimeOffset to)
    {
        Assert.True(to >= world.Clock.GetUtcNow(), "The clock only moves forward.");
        world.Clock.Advance(to - world.Clock.GetUtcNow());
    }

    /// <summary>Sessions that last as long as the test's travels: the clock moves months in a few seconds.</summary>
    internal static void LongSessions(IWebHostBuilder builder)
    {
        builder.UseSetting("Hearth:Security:IdleTimeoutMinutes", "10000000");
        builder.UseSetting("Hearth:Security:ConfirmAfterIdleMinutes", "10000000");
    }
}

public sealed class CheckInWeekInvariantOnSqlite : CheckInWeekInvariantTests
{
    protected override string Provider => "sqlite";

    protected override HearthFactory NewWorld() => new LongSqlite();

    private sealed class LongSqlite : SqliteHearthFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            LongSessions(builder);
        }
    }
}

public sealed class CheckInWeekInvariantOnPostgres : CheckInWeekInvariantTests
{
    protected override string Provider => "postgres";

    protected override HearthFactory NewWorld() => new LongPostgres();

    private sealed class LongPostgres : PostgresHearthFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            LongSessions(builder);
        }
    }
}

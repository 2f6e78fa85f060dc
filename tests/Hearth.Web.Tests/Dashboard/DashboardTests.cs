using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Tests.CheckIns;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Dashboard;

/// <summary>
/// The pair dashboard (space page and GET /api/v1/spaces/{id}/dashboard): today's question, this
/// week's check-in, the next check-in time and time together — each person's own state, and the
/// other's only once revealed. Ben's dashboard must not change at all while Ana answers alone.
/// </summary>
public abstract class DashboardTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    [Fact]
    public async Task The_dashboard_shows_each_person_their_own_day_and_the_pairs_only_once_both_took_part()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        var url = $"/api/v1/spaces/{spaceId}/dashboard";

        var first = await ana.GetJsonAsync(url);
        Assert.Equal("paired", first.GetProperty("space").GetProperty("state").GetString());
        var today = first.GetProperty("today");
        var question = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/prompt/today")).GetProperty("text").GetString();
        Assert.Equal(question, today.GetProperty("text").GetString());
        Assert.Equal("open", today.GetProperty("state").GetString());
        Assert.False(first.GetProperty("thisWeek").GetProperty("ritualSet").GetBoolean());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("thisWeek").GetProperty("nextRitual").ValueKind);
        Assert.Equal(0, first.GetProperty("time").GetProperty("todayMinutes").GetInt32());

        // Ana sets the ritual (shared by both), so Ben's "before" is taken after it.
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/ritual", new { day = "sunday", time = "19:00", timeZoneId = "Europe/London" }));
        var benBefore = await ben.Http.GetStringAsync(new Uri(url, UriKind.Relative));
        var benPageBefore = await MainOfAsync(ben, $"/spaces/{spaceId}");

        // Ana answers today's question and checks in, alone.
        var date = today.GetProperty("date").GetString();
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/prompt/days/{date}/answer", new { text = "dashboard-marker-answer" }));
        await ana.CheckInOkAsync(spaceId, new { satisfaction = 7, needs = "dashboard-marker-needs" });
        var anaAlone = await ana.GetJsonAsync(url);
        Assert.Equal("answered", anaAlone.GetProperty("today").GetProperty("state").GetString());
        Assert.False(anaAlone.GetProperty("today").GetProperty("bothAnswered").GetBoolean());
        Assert.True(anaAlone.GetProperty("thisWeek").GetProperty("youCheckedIn").GetBoolean());
        Assert.False(anaAlone.GetProperty("thisWeek").GetProperty("bothCheckedIn").GetBoolean());
        // 19:00 in London in June, on Ana's own clock (UTC): 18:00.
        Assert.Equal("Sunday 7 June, 6:00 PM (Etc/UTC)", anaAlone.GetProperty("thisWeek").GetProperty("nextRitual").GetString());
        Assert.DoesNotContain("dashboard-marker", anaAlone.GetRawText(), StringComparison.Ordinal);

        // Nothing Ana did alone shows on Ben's dashboard, API or page: byte for byte the same.
        Assert.Equal(benBefore, await ben.Http.GetStringAsync(new Uri(url, UriKind.Relative)));
        Assert.Equal(benPageBefore, await MainOfAsync(ben, $"/spaces/{spaceId}"));

        // Ben takes part too: now both see that they both did, and time together shows for both.
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/prompt/days/{date}/answer", new { text = "Our walk by the river." }));
        await ben.CheckInOkAsync(spaceId, new { satisfaction = 6 });
        await Expect.StatusAsync(HttpStatusCode.Created, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/quality-time/entries", new { minutes = 25 }));
        foreach (var person in new[] { ana, ben })
        {
            var both = await person.GetJsonAsync(url);
            Assert.True(both.GetProperty("today").GetProperty("bothAnswered").GetBoolean());
            Assert.True(both.GetProperty("thisWeek").GetProperty("bothCheckedIn").GetBoolean());
            Assert.Equal(25, both.GetProperty("time").GetProperty("todayMinutes").GetInt32());
            Assert.Equal(25, both.GetProperty("time").GetProperty("weekMinutes").GetInt32());
        }

        var page = await MainOfAsync(ana, $"/spaces/{spaceId}");
        Assert.Contains(question!, System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("You've both answered.", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("You've both checked in this week.", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("Time together today: 25 of", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_space_shows_only_that_it_is_closed_and_a_stranger_gets_not_found()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var cy = await Person.RegisterAsync(factory, "Cy");
        var spaceId = await ana.PairWithAsync(ben);
        var url = $"/api/v1/spaces/{spaceId}/dashboard";

        await Expect.ProblemAsync(HttpStatusCode.NotFound, await cy.Http.GetAsync(new Uri(url, UriKind.Relative)));
        await Expect.StatusAsync(HttpStatusCode.NoContent, await ben.LeaveAsync(spaceId));

        var closed = await ana.GetJsonAsync(url);
        Assert.Equal("closed", closed.GetProperty("space").GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("today").ValueKind);
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("thisWeek").ValueKind);
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("time").ValueKind);
        Assert.False(closed.GetProperty("somethingNew").GetBoolean());
    }

    /// <summary>The page's main content, with the per-request antiforgery tokens blanked.</summary>
    private static async Task<string> MainOfAsync(Person person, string url) =>
        PageText.WithoutAntiforgery((await person.Http.GetPageAsync(url)).QuerySelector("main")!.InnerHtml);
}

public sealed class DashboardTestsOnSqlite(SqliteHearthFactory factory) : DashboardTests<SqliteHearthFactory>(factory);

public sealed class DashboardTestsOnPostgres(PostgresHearthFactory factory) : DashboardTests<PostgresHearthFactory>(factory);

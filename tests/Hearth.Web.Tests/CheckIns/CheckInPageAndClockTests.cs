using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Features.CheckIns;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Tests.CheckIns;

/// <summary>The check-in pages as forms, and a ritual across clock changes, each in its own world (the clock moves).</summary>
public sealed class CheckInPageAndClockTests
{
    [Slow("walks a ritual and its check-ins through both clock changes of a year")]
    [Fact]
    public async Task Clock_changes_never_move_or_double_a_ritual_or_a_check_in_week()
    {
        // Sunday 01:30 in London: on 25 October 2026 that time happens twice, on 28 March 2027 not at all.
        await using var world = new SqliteHearthFactory();
        var ana = await Person.RegisterAsync(world, "Ana");
        var ben = await Person.RegisterAsync(world, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        await ana.SetTimeZoneAsync("Europe/London");
        await ana.SetRitualAsync(spaceId, "sunday", "01:30");

        world.Clock.Advance(new DateTimeOffset(2026, 10, 19, 12, 0, 0, TimeSpan.Zero) - world.Clock.GetUtcNow());
        await ana.SignInAsync();
        var autumn = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/ritual")).GetProperty("next").EnumerateArray().ToList();
        Assert.Equal(["2026-10-25", "2026-11-01", "2026-11-08", "2026-11-15"], autumn.Select(o => o.GetProperty("date").GetString()));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), autumn[0].GetProperty("instant").GetDateTimeOffset());
        Assert.Contains("happens twice", autumn[0].GetProperty("note").GetString(), StringComparison.Ordinal);

        // A check-in each side of the change lands in two different weeks, seven days apart.
        await ana.CheckInOkAsync(spaceId, new { satisfaction = 6 });
        world.Clock.Advance(TimeSpan.FromDays(7));
        await ana.SignInAsync();
        await ana.CheckInOkAsync(spaceId, new { satisfaction = 7 });
        var weeks = await world.WithDbAsync(db => db.Set<WeeklyCheckIn>().All().Where(c => c.SpaceId == spaceId).Select(c => c.Week).OrderBy(w => w).ToListAsync());
        Assert.Equal([new DateOnly(2026, 10, 18), new DateOnly(2026, 10, 25)], weeks);

        world.Clock.Advance(new DateTimeOffset(2027, 3, 22, 12, 0, 0, TimeSpan.Zero) - world.Clock.GetUtcNow());
        await ana.SignInAsync();
        var spring = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/ritual")).GetProperty("next").EnumerateArray().ToList();
        Assert.Equal(["2027-03-28", "2027-04-04", "2027-04-11", "2027-04-18"], spring.Select(o => o.GetProperty("date").GetString()));
        // 01:30 does not exist that night: read with the offset from before the gap, as a calendar
        // app reads the ICS feed's TZID time (RFC 5545), it is 01:30 UTC, which is 02:30 summer time.
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero), spring[0].GetProperty("instant").GetDateTimeOffset());
        Assert.Contains("2:30 AM", spring[0].GetProperty("forYou").GetString(), StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2027, 4, 4, 0, 30, 0, TimeSpan.Zero), spring[1].GetProperty("instant").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_pages_check_in_with_messages_beside_the_fields_and_reveal_once_both_answered()
    {
        await using var world = new SqliteHearthFactory();
        var ana = await Person.RegisterAsync(world, "Ana");
        var ben = await Person.RegisterAsync(world, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        var url = $"/spaces/{spaceId}/check-in";

        var page = await ana.Http.GetPageAsync(url);
        Assert.Contains("Before you talk it through", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var bad = await ana.Http.SubmitAsync(url, new Dictionary<string, string> { ["Satisfaction"] = "12", ["PhoneFreeMinutes"] = "lots", ["Needs"] = "", ["NeedsDimension"] = "emotional" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var shown = await bad.ParseAsync();
        Assert.Contains("whole number", shown.FieldError("PhoneFreeMinutes"), StringComparison.Ordinal);
        bad = await ana.Http.SubmitAsync(url, new Dictionary<string, string> { ["Satisfaction"] = "12" });
        shown = await bad.ParseAsync();
        Assert.Contains("between 0 and 10", shown.FieldError("Satisfaction"), StringComparison.Ordinal);
        bad = await ana.Http.SubmitAsync(url, new Dictionary<string, string> { ["NeedsDimension"] = "emotional" });
        Assert.NotNull((await bad.ParseAsync()).FieldError("NeedsDimension"));
        Assert.Equal(0, await world.WithDbAsync(db => db.Set<WeeklyCheckIn>().All().CountAsync()));

        var ok = await ana.Http.SubmitAsync(url, new Dictionary<string, string> { ["Satisfaction"] = "8", ["Closeness"] = "5", ["Needs"] = "Ana-page-canary: more dancing", ["NeedsDimension"] = "experiential" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var mine = (await ana.Http.GetPageAsync(url + "?done=true")).QuerySelector("main")!.TextContent;
        Assert.Contains("Ana-page-canary", mine, StringComparison.Ordinal);
        Assert.Contains("They'll show here once you've both checked in this week.", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana-page-canary", (await ben.Http.GetPageAsync(url)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        await ben.Http.SubmitAsync(url, new Dictionary<string, string> { ["Satisfaction"] = "7", ["NoTension"] = "true" });
        Assert.Contains("Ana-page-canary", (await ben.Http.GetPageAsync(url)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var anaNow = (await ana.Http.GetPageAsync(url)).QuerySelector("main")!.TextContent;
        Assert.Contains("Ben's answers", anaNow, StringComparison.Ordinal);
        Assert.Contains("No tension this week", anaNow, StringComparison.Ordinal);

        // Trends and ritual pages render; the ritual form puts its message beside the field.
        var trends = (await ana.Http.GetPageAsync($"/spaces/{spaceId}/trends")).QuerySelector("main")!;
        Assert.NotNull(trends.QuerySelector("svg.chart.trend"));
        Assert.NotNull(trends.QuerySelector("table.data"));
        // The tables list the weeks that have a number, not a year of dashes (one week answered so far).
        var firstTable = trends.QuerySelector("table.data")!;
        Assert.Single(firstTable.QuerySelectorAll("tbody tr"));
        Assert.All(trends.QuerySelectorAll("table.data tbody tr"), row => Assert.Contains(row.QuerySelectorAll("td"), td => td.TextContent.Trim() != "\u2013"));
        var ritual = await ana.Http.SubmitAsync($"/spaces/{spaceId}/ritual", new Dictionary<string, string> { ["Day"] = "sunday", ["Time"] = "25:00", ["TimeZoneId"] = "Europe/London" }, handler: "Ritual");
        Assert.Equal(HttpStatusCode.BadRequest, ritual.StatusCode);
        Assert.Contains("isn't a time of day", (await ritual.ParseAsync()).FieldError("Time"), StringComparison.Ordinal);
        var saved = await ana.Http.SubmitAsync($"/spaces/{spaceId}/ritual", new Dictionary<string, string> { ["Day"] = "sunday", ["Time"] = "19:00", ["TimeZoneId"] = "Europe/London" }, handler: "Ritual");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Every Sunday at 7:00 PM (Europe/London)", (await ben.Http.GetPageAsync($"/spaces/{spaceId}/ritual")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The calendar link is made on the ritual page and shown once.
        var feedPage = await ana.Http.SubmitAsync($"/spaces/{spaceId}/ritual", new Dictionary<string, string>(), handler: "CreateFeed");
        var link = (await feedPage.ParseAsync()).QuerySelector("#feed-link")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.OK, (await world.NewClient().GetAsync(new Uri(new Uri(link).PathAndQuery, UriKind.Relative))).StatusCode);
        Assert.Null((await ana.Http.GetPageAsync($"/spaces/{spaceId}/ritual")).QuerySelector("#feed-link"));
        Assert.Equal(HttpStatusCode.Redirect, (await ana.Http.SubmitAsync($"/spaces/{spaceId}/ritual", new Dictionary<string, string>(), handler: "RevokeFeed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.NewClient().GetAsync(new Uri(new Uri(link).PathAndQuery, UriKind.Relative))).StatusCode);
    }
}

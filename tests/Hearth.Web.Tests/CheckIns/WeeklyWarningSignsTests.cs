using System.Net;
using System.Text.Json;
using Hearth.Web.Features.CheckIns;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Tests.CheckIns;

/// <summary>
/// Issue 17, rules 2 and 5, through the running app: the optional weekly warning-signs item on the page
/// and through the API (bad input refused with nothing written, skipping loses nothing), kept from the
/// other member until both checked in, and weeks of check-ins that bring the new insights: sharp
/// moments rising, and what is working.
/// </summary>
public abstract class WeeklyWarningSignsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    private async Task<(Person Ana, Person Ben, Guid SpaceId)> PairAsync()
    {
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        return (ana, ben, await ana.PairWithAsync(ben));
    }

    [Fact]
    public async Task The_item_is_asked_on_the_page_and_skipping_it_loses_nothing()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        var url = $"/spaces/{spaceId}/check-in";

        var form = await ana.Http.GetPageAsync(url);
        var choices = form.QuerySelectorAll("form input[name='WarningSigns']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(["1", "2", "3", "4", "5"], choices);
        var legend = WebUtility.HtmlDecode(form.QuerySelector("form input[name='WarningSigns']")!.Closest("fieldset")!.QuerySelector("legend")!.TextContent);
        Assert.Contains("getting defensive", legend, StringComparison.Ordinal);

        var bad = await ana.Http.SubmitAsync(url, new Dictionary<string, string> { ["Satisfaction"] = "8", ["WarningSigns"] = "9" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("Please choose how often it happened, from 1 (never) to 5 (very often).", WebUtility.HtmlDecode((await bad.ParseAsync()).FieldError("WarningSigns")));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<WeeklyCheckIn>().IgnoreQueryFilters().CountAsync(c => c.SpaceId == spaceId)));

        var ok = await ana.Http.SubmitAsync(url, new Dictionary<string, string> { ["Satisfaction"] = "8", ["WarningSigns"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var skipped = await ben.Http.SubmitAsync(url, new Dictionary<string, string> { ["Satisfaction"] = "7" });
        Assert.Equal(HttpStatusCode.Redirect, skipped.StatusCode);

        var week = await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}/check-in");
        Assert.Equal(JsonValueKind.Null, week.GetProperty("yours").GetProperty("warningSigns").ValueKind);
        Assert.Equal(7, week.GetProperty("yours").GetProperty("satisfaction").GetInt32());
        Assert.Equal(2, week.GetProperty("theirs").GetProperty("answers").GetProperty("warningSigns").GetInt32());
    }

    [Fact]
    public async Task Bad_input_through_the_api_is_a_clear_400_and_writes_nothing()
    {
        factory.RequireAvailable();
        var (ana, _, spaceId) = await PairAsync();

        foreach (var value in new[] { 0, 6, -1 })
        {
            var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.CheckInAsync(spaceId, new { satisfaction = 8, warningSigns = value }));
            Assert.Equal(["Please choose how often it happened, from 1 (never) to 5 (very often)."], problem.FieldErrors("warningSigns"));
        }

        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<WeeklyCheckIn>().IgnoreQueryFilters().CountAsync(c => c.SpaceId == spaceId)));
        var week = await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/check-in");
        Assert.Equal(JsonValueKind.Null, week.GetProperty("yours").ValueKind);
    }

    [Fact]
    public async Task The_other_member_sees_the_answer_only_once_both_checked_in()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        await ana.CheckInOkAsync(spaceId, new { satisfaction = 8, warningSigns = 4 });

        var before = await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}/check-in");
        Assert.False(before.GetProperty("theirs").GetProperty("revealed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("theirs").GetProperty("answers").ValueKind);
        var trendsBefore = await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}/trends");
        Assert.DoesNotContain("warningSigns", trendsBefore.GetProperty("together").GetRawText(), StringComparison.Ordinal);

        await ben.CheckInOkAsync(spaceId, new { satisfaction = 7 });

        var after = await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}/check-in");
        Assert.True(after.GetProperty("theirs").GetProperty("revealed").GetBoolean());
        Assert.Equal(4, after.GetProperty("theirs").GetProperty("answers").GetProperty("warningSigns").GetInt32());
    }

    [Fact]
    public async Task Sharp_moments_creeping_up_over_weeks_are_named_gently()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        int[] warning = [1, 1, 1, 1, 2, 2, 3];
        for (var w = 0; w < warning.Length; w++)
        {
            if (w > 0)
            {
                await CheckInDriver.NextWeekAsync(factory, ana, ben);
            }

            await ana.CheckInOkAsync(spaceId, new { satisfaction = 7, closeness = 4, warningSigns = warning[w] });
            await ben.CheckInOkAsync(spaceId, new { satisfaction = 7, closeness = 4, warningSigns = 1 });
        }

        var insights = await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}/insights");
        var rising = insights.GetProperty("insights").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "warningSignsRising");
        Assert.Equal("both", rising.GetProperty("audience").GetString());
        Assert.Contains("can ease again", rising.GetProperty("message").GetString(), StringComparison.Ordinal);
        var trend = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/trends")).GetProperty("yours").EnumerateArray().Single(t => t.GetProperty("measure").GetString() == "warningSigns");
        Assert.Equal("decline", trend.GetProperty("change").GetProperty("direction").GetString());
        Assert.Contains("more often", trend.GetProperty("change").GetProperty("message").GetString(), StringComparison.Ordinal);

        var page = (await ana.Http.GetPageAsync($"/spaces/{spaceId}/trends")).QuerySelector("main")!;
        Assert.NotNull(page.QuerySelector("article.insight-warningSignsRising"));
    }

    [Fact]
    public async Task Good_weeks_name_what_is_working_for_both()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        for (var w = 0; w < 4; w++)
        {
            if (w > 0)
            {
                await CheckInDriver.NextWeekAsync(factory, ana, ben);
            }

            await ana.CheckInOkAsync(spaceId, new { satisfaction = 9, closeness = 6, feltHeard = 6, phoneFreeMinutes = 200 });
            await ben.CheckInOkAsync(spaceId, new { satisfaction = 8, closeness = 6, feltHeard = 3, phoneFreeMinutes = 60 });
        }

        var insights = await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}/insights");
        var strengths = insights.GetProperty("insights").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "everydayStrength").ToList();
        var closeness = Assert.Single(strengths, s => s.GetProperty("audience").GetString() == "both");
        Assert.Equal(["closeness"], closeness.GetProperty("measures").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("keep doing this", closeness.GetProperty("message").GetString(), StringComparison.Ordinal);

        // Ana's own steady "felt heard" and time together are hers alone: Ben's answers were lower.
        var anas = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/insights")).GetProperty("insights").EnumerateArray()
            .Where(i => i.GetProperty("kind").GetString() == "everydayStrength" && i.GetProperty("audience").GetString() == "you")
            .SelectMany(i => i.GetProperty("measures").EnumerateArray().Select(m => m.GetString()))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["feltHeard", "phoneFreeMinutes"], anas);
        Assert.DoesNotContain(strengths, s => s.GetProperty("audience").GetString() == "you" && s.GetRawText().Contains("feltHeard", StringComparison.Ordinal));

        var page = WebUtility.HtmlDecode((await ana.Http.GetPageAsync($"/spaces/{spaceId}/trends")).QuerySelector("main")!.TextContent);
        Assert.Contains("You two have felt close, week after week.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("patterns show up here", page, StringComparison.Ordinal);
    }
}

public sealed class WeeklyWarningSignsOnSqlite(SqliteHearthFactory factory) : WeeklyWarningSignsTests<SqliteHearthFactory>(factory);

public sealed class WeeklyWarningSignsOnPostgres(PostgresHearthFactory factory) : WeeklyWarningSignsTests<PostgresHearthFactory>(factory);

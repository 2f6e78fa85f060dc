using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Core.Dimensions;
using Hearth.Core.Practices;
using Hearth.Core.Prompts;
using Hearth.Web.Tests.CheckIns;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Insights;

/// <summary>
/// Issue 17, rule 6: a pair on two continents who said "we live apart" is never offered something
/// that needs them in the same room. Eight weeks of check-ins with a drop and hardly any phone-free
/// time give a fading insight, a quality-time shortfall and a reconnect plan; the test then walks
/// every place Hearth suggests a practice (the insights API and the trends page, the plan's steps,
/// the practice list in the API and on the page, for every kind of closeness, and today's question)
/// and fails listing each in-person-only practice it was offered.
/// </summary>
public abstract class LivingApartSuggestionsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    private static readonly object Steady = new { satisfaction = 8, closeness = 6, feltHeard = 6, phoneFreeMinutes = 200, appreciation = 4, repair = 6 };
    private static readonly object LowAndApart = new { satisfaction = 3, closeness = 2, feltHeard = 5, phoneFreeMinutes = 20, appreciation = 2, noTension = true };

    [Fact]
    public async Task A_pair_who_live_apart_is_offered_nothing_that_needs_them_in_one_place()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/settings", new { livingApart = true }));
        for (var week = 1; week <= 8; week++)
        {
            await ana.CheckInOkAsync(spaceId, week <= 5 ? Steady : LowAndApart);
            await ben.CheckInOkAsync(spaceId, week <= 5 ? Steady : LowAndApart);
            if (week < 8)
            {
                await CheckInDriver.NextWeekAsync(factory, ana, ben);
            }
        }

        var offered = new List<(string Where, string PracticeId)>();
        var insights = await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/insights");
        var kinds = insights.GetProperty("insights").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ToList();
        Assert.Contains("qualityTimeShortfall", kinds); // the scenario holds: this insight suggests time together
        Assert.Contains("fading", kinds);
        foreach (var insight in insights.GetProperty("insights").EnumerateArray())
        {
            offered.AddRange(insight.GetProperty("practices").EnumerateArray()
                .Select(p => ($"insights API, {insight.GetProperty("kind").GetString()}", p.GetProperty("id").GetString()!)));
        }

        await Expect.StatusAsync(HttpStatusCode.Created, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/reconnect-plan", new { weeks = 3 }));
        var plan = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/insights")).GetProperty("plan");
        offered.AddRange(plan.GetProperty("steps").EnumerateArray().Select(s => ("reconnect plan step", s.GetProperty("practiceId").GetString()!)));

        // The trends page names the suggested practices by title.
        var byTitle = PracticeCatalog.Default.Practices.ToDictionary(p => p.Title, p => p.Id, StringComparer.Ordinal);
        var trends = await ana.Http.GetPageAsync($"/spaces/{spaceId}/trends");
        offered.AddRange(trends.QuerySelectorAll("article.insight a")
            .Select(a => WebUtility.HtmlDecode(a.TextContent).Trim())
            .Where(byTitle.ContainsKey)
            .Select(t => ("trends page", byTitle[t])));

        // The practice list, as the API and the page give it, without and with each kind of closeness.
        foreach (var dimension in new string?[] { null }.Concat(DimensionCatalog.All.Select(d => d.WireName())))
        {
            var query = dimension is null ? "" : $"?dimension={dimension}";
            var list = await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/practices{query}");
            offered.AddRange(list.GetProperty("practices").EnumerateArray().Select(p => ($"practices API{query}", p.GetProperty("id").GetString()!)));
            var page = await ana.Http.GetPageAsync($"/spaces/{spaceId}/practices{query}");
            offered.AddRange(page.QuerySelectorAll("input[name=PracticeId]").Select(i => ($"practices page{query}", i.GetAttribute("value")!)));
        }

        var inPerson = offered
            .Where(o => PracticeCatalog.Default.TryGet(o.PracticeId, out var p) && !p.WorksAtDistance)
            .Select(o => $"{o.Where}: {o.PracticeId}")
            .Distinct()
            .ToList();
        Assert.True(inPerson.Count == 0, "In-person-only practices offered to a pair who live apart:\n" + string.Join("\n", inPerson));
        Assert.Contains(offered, o => o.PracticeId == "practice.walk-on-a-call"); // the adapted walk, not silence

        // The plan's steps read right at a distance: no "hug hello" for a pair on two continents.
        var planText = WebUtility.HtmlDecode(trends.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("a hug hello", planText, StringComparison.Ordinal);
        Assert.Contains("a good-morning message, a voice note", planText, StringComparison.Ordinal);

        // Today's question works over a call, a video chat or messages.
        var today = await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/prompt/today");
        var promptId = today.GetProperty("promptId").GetString()!;
        Assert.True(PromptCatalog.Default.Prompts.Single(p => p.Id == promptId).WorksAtDistance, promptId);
    }
}

public sealed class LivingApartSuggestionsOnSqlite(SqliteHearthFactory factory) : LivingApartSuggestionsTests<SqliteHearthFactory>(factory);

public sealed class LivingApartSuggestionsOnPostgres(PostgresHearthFactory factory) : LivingApartSuggestionsTests<PostgresHearthFactory>(factory);

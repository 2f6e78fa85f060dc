using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Core.Insights;
using Hearth.Core.Practices;
using Hearth.Web.Tests.CheckIns;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Insights;

/// <summary>
/// One space, two languages: Ana reads Hearth in German, Ben in English. The same weeks give both the
/// same insights and the same reconnect plan (what is stored is ids), each worded in their own
/// language on the trends page and in the API, with German numbers, dates, messages and refusals for Ana.
/// </summary>
public abstract class InsightsLanguageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    private static readonly object Steady = new { satisfaction = 8, closeness = 6, feltHeard = 6, phoneFreeMinutes = 200, appreciation = 4, repair = 6 };
    // Feeling heard stays as it was: a fall in it with satisfaction would be the tension wording (TensionRule), not this test's subject.
    private static readonly object Low = new { satisfaction = 3, closeness = 2, feltHeard = 6, phoneFreeMinutes = 200, appreciation = 2, noTension = true };

    private static readonly InsightTexts German = InsightTexts.For("de");

    private async Task<(Person Ana, Person Ben, Guid SpaceId)> EightWeeksWithADropAsync()
    {
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        ana.Http.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "de-DE,de;q=0.9");
        ben.Http.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "en-GB,en;q=0.9");
        for (var week = 1; week <= 8; week++)
        {
            await ana.CheckInOkAsync(spaceId, week <= 5 ? Steady : Low);
            await ben.CheckInOkAsync(spaceId, week <= 5 ? Steady : Low);
            if (week < 8)
            {
                await CheckInDriver.NextWeekAsync(factory, ana, ben);
            }
        }

        return (ana, ben, spaceId);
    }

    private static JsonElement Fading(JsonElement insights) =>
        insights.GetProperty("insights").EnumerateArray().First(i => i.GetProperty("kind").GetString() == "fading");

    [Fact]
    public async Task Each_member_reads_the_same_insights_and_plan_in_their_own_language()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await EightWeeksWithADropAsync();

        var anaSees = await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/insights");
        var benSees = await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}/insights");
        var anaFading = Fading(anaSees);
        var benFading = Fading(benSees);
        Assert.Equal(German.Say("fading.shared/message"), anaFading.GetProperty("message").GetString());
        Assert.Equal(InsightTexts.Default.Say("fading.shared/message"), benFading.GetProperty("message").GetString());
        Assert.Contains("Check-ins zu „Wie glücklich ihr wart“", anaFading.GetProperty("why").GetString(), StringComparison.Ordinal);
        Assert.Contains("check-ins about how happy you've been together", benFading.GetProperty("why").GetString(), StringComparison.Ordinal);
        Assert.Contains(anaFading.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("detail").GetString() == "Schnitt über drei Wochen: „Wie glücklich ihr wart“" && e.GetProperty("whose").GetString() == "du");
        Assert.Contains(benFading.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("detail").GetString() == "3-week average of how happy you've been together" && e.GetProperty("whose").GetString() == "you");
        Assert.Equal(
            PracticeCatalog.For("de").Practices.Single(p => p.Id == PracticeIds.IStatementTalk).Title,
            anaFading.GetProperty("practices").EnumerateArray().First().GetProperty("title").GetString());
        Assert.Equal(
            PracticeCatalog.Default.Practices.Single(p => p.Id == PracticeIds.IStatementTalk).Title,
            benFading.GetProperty("practices").EnumerateArray().First().GetProperty("title").GetString());
        Assert.Equal(German.SentenceStarters, anaSees.GetProperty("sentenceStarters").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(InsightTexts.Default.SentenceStarters, benSees.GetProperty("sentenceStarters").EnumerateArray().Select(s => s.GetString()));
        // Kinds, audiences, evidence sources and values are wire values: the same for both.
        Assert.Equal(Shape(anaSees), Shape(benSees));

        // The plan Ana starts is the pair's: the same steps, each in their reader's words.
        await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/reconnect-plan", new { weeks = 3 }));
        var anaSteps = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/insights")).GetProperty("plan").GetProperty("steps").EnumerateArray().ToList();
        var benSteps = (await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}/insights")).GetProperty("plan").GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(anaSteps.Select(s => s.GetProperty("id").GetString()), benSteps.Select(s => s.GetProperty("id").GetString()));
        var germanPlan = ReconnectPlan.Create(new NodaTime.LocalDate(2026, 1, 4), 3, German);
        var englishPlan = ReconnectPlan.Create(new NodaTime.LocalDate(2026, 1, 4), 3);
        Assert.Equal(germanPlan.Steps.Select(s => s.Title), anaSteps.Select(s => s.GetProperty("title").GetString()));
        Assert.Equal(germanPlan.Steps.Select(s => s.Description), anaSteps.Select(s => s.GetProperty("description").GetString()));
        Assert.Equal(englishPlan.Steps.Select(s => s.Title), benSteps.Select(s => s.GetProperty("title").GetString()));

        // The trends page, each in their own language.
        var anaPage = (await ana.Http.GetPageAsync($"/spaces/{spaceId}/trends")).QuerySelector("main")!.TextContent;
        var benPage = (await ben.Http.GetPageAsync($"/spaces/{spaceId}/trends")).QuerySelector("main")!.TextContent;
        foreach (var german in new[] { "Wie es gerade läuft", "Was Hearth aufgefallen ist", "Warum du das siehst", "Plan zum Wiederannähern", "Woche 1 von 3.", "Die Distanz behutsam ansprechen", "Deine Check-ins", "Wie glücklich du warst (0 bis 10)", "Schnitt über 3 Wochen", "Wie ihr das ehrliche Gespräch beginnen könnt", German.Say("fading.shared/message") })
        {
            Assert.Contains(german, anaPage, StringComparison.Ordinal);
            Assert.DoesNotContain(german, benPage, StringComparison.Ordinal);
        }

        foreach (var english in new[] { "How things are going", "What Hearth noticed", "Why you're seeing this", "Reconnect plan", "Week 1 of 3.", "Name the distance, gently", "Your check-ins", "How happy you've been (0 to 10)", "3-week average", "Ways to start the honest talk", InsightTexts.Default.Say("fading.shared/message") })
        {
            Assert.Contains(english, benPage, StringComparison.Ordinal);
            Assert.DoesNotContain(english, anaPage, StringComparison.Ordinal);
        }

        // German numbers and dates in Ana's table: a decimal comma, "1. Juni" style week labels.
        Assert.Matches(@"\d\d?\. (Jan\.|Feb\.|März|Apr\.|Mai|Juni|Juli|Aug\.|Sept\.|Okt\.|Nov\.|Dez\.)", anaPage);
        Assert.Matches(@"\d,\d", anaPage);
    }

    [Fact]
    public async Task Refusals_and_bad_input_come_in_the_members_language()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await EightWeeksWithADropAsync();

        var anaBad = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/reconnect-plan", new { weeks = 6 }));
        var benBad = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/reconnect-plan", new { weeks = 6 }));
        Assert.Equal("Ein Plan zum Wiederannähern dauert 2 bis 4 Wochen. Bitte wähl eine dieser Längen.", anaBad.FieldErrors("weeks")[0]);
        Assert.Equal("A reconnect plan lasts 2 to 4 weeks. Please choose one of those.", benBad.FieldErrors("weeks")[0]);

        await Expect.StatusAsync(HttpStatusCode.Created, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/reconnect-plan", new { weeks = 2 }));
        var anaAgain = await Expect.ProblemAsync(HttpStatusCode.Conflict, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/reconnect-plan", new { weeks = 2 }));
        var benAgain = await Expect.ProblemAsync(HttpStatusCode.Conflict, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/reconnect-plan", new { weeks = 2 }));
        Assert.Equal("Ein Plan zum Wiederannähern läuft schon. Du findest ihn weiter unten.", anaAgain.Detail());
        Assert.Equal("A reconnect plan is already under way. You'll find it below.", benAgain.Detail());

        // Beside the field on the page, in German.
        var page = await ana.Http.GetPageAsync($"/spaces/{spaceId}/trends");
        var form = page.QuerySelector("form[action*='handler=StartPlan']");
        Assert.Null(form); // the plan is under way: nothing to start, and the page says where it is
        Assert.Contains("Woche 1 von 2.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private static List<string> Shape(JsonElement insights) =>
        insights.GetProperty("insights").EnumerateArray().Select(i =>
            $"{i.GetProperty("kind").GetString()}|{i.GetProperty("audience").GetString()}|{string.Join(",", i.GetProperty("evidence").EnumerateArray().Select(e => $"{e.GetProperty("source").GetString()}:{e.GetProperty("value").GetDouble()}:{string.Join(",", e.GetProperty("weeks").EnumerateArray().Select(w => w.GetString()))}"))}|{string.Join(",", i.GetProperty("practices").EnumerateArray().Select(p => p.GetProperty("id").GetString()))}")
        .ToList();
}

public sealed class InsightsLanguageOnSqlite(SqliteHearthFactory factory) : InsightsLanguageTests<SqliteHearthFactory>(factory);

public sealed class InsightsLanguageOnPostgres(PostgresHearthFactory factory) : InsightsLanguageTests<PostgresHearthFactory>(factory);

using System.Net;
using System.Net.Http.Json;
using Hearth.Core.Assessments;
using Hearth.Core.Spaces;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Assessments;

/// <summary>
/// The assessment, the results and the shared map in each member's own language: Ana reads German,
/// Ben reads English, in the same space and round. (Until the per-member language setting lands, the
/// language travels as Accept-Language, as a browser sends it.)
/// </summary>
public abstract class AssessmentLanguageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    private static void SpeaksGerman(Person person) => person.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");

    private static string MainText(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("main")!.TextContent;

    [Fact]
    public async Task A_German_member_sees_the_assessment_and_the_map_in_German_and_the_other_in_English()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        SpeaksGerman(ana);

        var start = MainText(await ana.Http.GetPageAsync($"/spaces/{spaceId}/assessment"));
        Assert.Contains("Deine Karte der Nähe", start, StringComparison.Ordinal);
        Assert.Contains("Deine Antworten gehören dir. Niemand sonst sieht sie.", start, StringComparison.Ordinal);
        Assert.DoesNotContain("Your closeness map", start, StringComparison.Ordinal);
        Assert.Contains("Your closeness map", MainText(await ben.Http.GetPageAsync($"/spaces/{spaceId}/assessment")), StringComparison.Ordinal);

        // A step: the progress, the answer choices and a message beside the question, in German.
        await ana.Http.SubmitAsync($"/spaces/{spaceId}/assessment", new Dictionary<string, string>(), handler: "Start");
        var step = await ana.Http.GetPageAsync($"/spaces/{spaceId}/assessment/step/anchor");
        Assert.Contains("Schritt 1 von", step.QuerySelector(".progress")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Möchte ich nicht sagen", MainText(step), StringComparison.Ordinal);
        // The questions come from the assessment content in her language (AssessmentContent.For), ids unchanged.
        var anchor = AssessmentContent.For("de").ItemsFor(RelationshipKind.Romantic, sexualOptIn: false).Where(i => i.Item.Section == AssessmentSection.Anchor).ToList();
        Assert.NotEmpty(anchor);
        Assert.All(anchor, item => Assert.Contains(item.Text, MainText(step), StringComparison.Ordinal));
        var bad = await ana.Http.SubmitAsync($"/spaces/{spaceId}/assessment/step/anchor", new Dictionary<string, string> { ["a[anchor.2]"] = "12", ["Go"] = "next" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var marked = await bad.ParseAsync();
        Assert.Equal("Antworten auf „anchor.2“ müssen zwischen 1 und 7 liegen.", marked.QuerySelector("#q-anchor-2 .field-error")!.TextContent.Trim());
        var share = MainText(await ana.Http.GetPageAsync($"/spaces/{spaceId}/assessment/step/share"));
        Assert.Contains("Emotionale Nähe", share, StringComparison.Ordinal);
        Assert.Contains("Abschließen und Ergebnisse ansehen", share, StringComparison.Ordinal);

        // The map waits in each language, then both finish and each reads it in their own.
        Assert.Contains("Die Karte erscheint hier, sobald ihr beide dieselbe Runde abgeschlossen habt.", MainText(await ana.Http.GetPageAsync($"/spaces/{spaceId}/assessment/map")), StringComparison.Ordinal);
        var answers = AssessmentContent.Baseline.ItemsFor(RelationshipKind.Romantic, sexualOptIn: false)
            .Where(i => !i.Item.IsSafety)
            .ToDictionary(i => i.Id, i => (object)AssessmentDriver.Uniform(5)(i.Item));
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/answers", new { answers }));
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/complete", new { shareCareWays = true }));
        await ben.TakeAsync(spaceId, AssessmentDriver.Uniform(5));

        var results = MainText(await ana.Http.GetPageAsync($"/spaces/{spaceId}/assessment/results"));
        Assert.Contains("Deine Ergebnisse", results, StringComparison.Ordinal);
        Assert.Contains("Fünf Arten von Nähe", results, StringComparison.Ordinal);
        Assert.Contains("Eine private Frage zu deiner Sicherheit", results, StringComparison.Ordinal);
        var anaMap = MainText(await ana.Http.GetPageAsync($"/spaces/{spaceId}/assessment/map"));
        Assert.Contains("Eure gemeinsame Karte", anaMap, StringComparison.Ordinal);
        Assert.Contains("Runde 1, so wie du und Ben es jeweils seht.", anaMap, StringComparison.Ordinal);
        Assert.Contains("Geistige Nähe", anaMap, StringComparison.Ordinal);
        Assert.DoesNotContain("Closeness of minds", anaMap, StringComparison.Ordinal);
        var benMap = MainText(await ben.Http.GetPageAsync($"/spaces/{spaceId}/assessment/map"));
        Assert.Contains("Your shared map", benMap, StringComparison.Ordinal);
        Assert.Contains("Closeness of minds", benMap, StringComparison.Ordinal);
        Assert.DoesNotContain("Geistige Nähe", benMap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_gives_a_German_member_German_problems()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var spaceId = await ana.CreateSpaceAsync();
        SpeaksGerman(ana);

        var none = await Expect.ProblemAsync(HttpStatusCode.Conflict, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/answers", new { answers = new Dictionary<string, object> { ["anchor.1"] = 5 } }));
        Assert.Equal("Keine Runde angefangen", none.GetProperty("title").GetString());
        Assert.Equal("Fang zuerst eine Runde an. Deine abgeschlossenen Runden bleiben, wie sie sind.", none.Detail());
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/start", new { sexualOptIn = false }));
        var bad = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/answers", new { answers = new Dictionary<string, object> { ["anchor.2"] = 12 } }));
        Assert.Equal(["Antworten auf „anchor.2“ müssen zwischen 1 und 7 liegen."], bad.FieldErrors("answers.anchor.2"));
        var word = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/answers", new { answers = new Dictionary<string, object> { ["anchor.1"] = "viel" } }));
        Assert.StartsWith("Eine Antwort ist eine Zahl auf der Skala der Frage", Assert.Single(word.FieldErrors("answers.anchor.1")), StringComparison.Ordinal);
    }
}

public sealed class AssessmentLanguageOnSqlite(SqliteHearthFactory factory) : AssessmentLanguageTests<SqliteHearthFactory>(factory);

public sealed class AssessmentLanguageOnPostgres(PostgresHearthFactory factory) : AssessmentLanguageTests<PostgresHearthFactory>(factory);

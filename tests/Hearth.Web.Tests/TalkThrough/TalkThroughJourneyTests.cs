using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Tests.CheckIns;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.TalkThrough;

/// <summary>The talk-through after the weekly check-in, on each database: nothing before both checked in, the agenda after, one agreement onto "our list".</summary>
public abstract class TalkThroughJourneyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    private async Task<(Person Ana, Person Ben, Guid SpaceId)> PairAsync()
    {
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        return (ana, ben, spaceId);
    }

    /// <summary>The page's main text as a person reads it (entities decoded, spaces collapsed).</summary>
    private static string Read(AngleSharp.Html.Dom.IHtmlDocument page) =>
        System.Text.RegularExpressions.Regex.Replace(page.QuerySelector("main")!.TextContent, "\\s+", " ");

    private static Task<HttpResponseMessage> AgreeAsync(Person person, Guid spaceId, string? practiceId) =>
        person.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/check-in/talk/agreement", new { practiceId });

    [Fact]
    public async Task Nothing_of_either_check_in_shows_until_both_checked_in_then_the_agenda_leads_to_one_agreement_on_our_list()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        var url = $"/api/v1/spaces/{spaceId}/check-in/talk";
        var benBefore = (await ben.GetJsonAsync(url)).GetRawText();

        await ana.CheckInOkAsync(spaceId, new { satisfaction = 8, closeness = 6, feltHeard = 2, phoneFreeMinutes = 200, appreciation = 4, repair = 6, needs = "ANA-NEED-MARK more walks" });

        // Before Ben checks in: not ready for either, nothing of Ana's words, and Ben's view is exactly as before.
        var anaWaiting = await ana.GetJsonAsync(url);
        Assert.False(anaWaiting.GetProperty("ready").GetBoolean());
        Assert.DoesNotContain("ANA-NEED-MARK", anaWaiting.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(anaWaiting.GetProperty("wentWell").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, anaWaiting.GetProperty("workOn").ValueKind);
        var benWaiting = (await ben.GetJsonAsync(url)).GetRawText();
        Assert.Equal(benBefore, benWaiting);
        Assert.DoesNotContain("ANA-NEED-MARK", benWaiting, StringComparison.Ordinal);
        var early = await Expect.ProblemAsync(HttpStatusCode.Conflict, await AgreeAsync(ana, spaceId, "practice.walk-and-talk"));
        Assert.Contains("once you've both checked in", early.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/practices/ours")).EnumerateArray());

        await ben.CheckInOkAsync(spaceId, new { satisfaction = 7, closeness = 5, feltHeard = 5, phoneFreeMinutes = 90, appreciation = 3, repair = 5, needs = "BEN-NEED-MARK a quiet evening" });

        var talk = await ana.GetJsonAsync(url);
        Assert.True(talk.GetProperty("ready").GetBoolean());
        Assert.Equal(
            ["appreciations", "wentWell", "workOn", "need", "agreement"],
            talk.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("id").GetString()!));
        Assert.Equal("feltHeard", talk.GetProperty("workOn").GetString());
        Assert.Equal(["satisfaction", "closeness", "phoneFreeMinutes", "appreciation", "repair"], talk.GetProperty("wentWell").EnumerateArray().Select(m => m.GetString()!));
        Assert.Contains("feeling listened to was harder", talk.GetProperty("steps")[2].GetProperty("points")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("ANA-NEED-MARK", talk.GetProperty("yourNeed").GetString(), StringComparison.Ordinal);
        Assert.Contains("BEN-NEED-MARK", talk.GetProperty("theirNeed").GetString(), StringComparison.Ordinal);
        Assert.Contains("BEN-NEED-MARK", (await ben.GetJsonAsync(url)).GetProperty("yourNeed").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(talk.GetProperty("groundRules").EnumerateArray());
        var suggestion = talk.GetProperty("suggestions")[0].GetProperty("id").GetString()!;

        // Bad input: said beside the field, nothing written.
        var none = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await AgreeAsync(ana, spaceId, null));
        Assert.Contains("Choose one practice", none.FieldErrors("practiceId")[0], StringComparison.Ordinal);
        var unknown = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await AgreeAsync(ana, spaceId, "practice.not-a-practice"));
        Assert.Contains("isn't one we know", unknown.FieldErrors("practiceId")[0], StringComparison.Ordinal);
        Assert.Empty((await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/practices/ours")).EnumerateArray());

        // The agreement lands on the one shared list, for both.
        await Expect.StatusAsync(HttpStatusCode.OK, await AgreeAsync(ana, spaceId, suggestion));
        Assert.Contains(suggestion, (await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}/practices/ours")).EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.DoesNotContain(suggestion, (await ana.GetJsonAsync(url)).GetProperty("suggestions").EnumerateArray().Select(p => p.GetProperty("id").GetString()));

        // A new week: nothing until both check in again.
        await CheckInDriver.NextWeekAsync(factory, ana, ben);
        Assert.False((await ana.GetJsonAsync(url)).GetProperty("ready").GetBoolean());
    }

    [Fact]
    public async Task The_page_shows_the_agenda_once_both_checked_in_and_the_agreement_form_says_what_is_missing()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        var page = $"/spaces/{spaceId}/check-in/talk";
        var waiting = Read(await ana.Http.GetPageAsync(page));
        Assert.Contains("Once you've both checked in this week", waiting, StringComparison.Ordinal);
        Assert.Contains("Not today", waiting, StringComparison.Ordinal);

        await ana.CheckInOkAsync(spaceId, new { satisfaction = 8, closeness = 6, feltHeard = 6, phoneFreeMinutes = 20, appreciation = 4, noTension = true, needs = "ANA-PAGE-MARK" });
        var benWaiting = Read(await ben.Http.GetPageAsync(page));
        Assert.DoesNotContain("ANA-PAGE-MARK", benWaiting, StringComparison.Ordinal);
        Assert.Contains("Once you've both checked in this week", benWaiting, StringComparison.Ordinal);
        var space = Read(await ben.Http.GetPageAsync($"/spaces/{spaceId}"));
        Assert.DoesNotContain("talk it through together", space, StringComparison.Ordinal);

        await ben.CheckInOkAsync(spaceId, new { satisfaction = 7, closeness = 6, feltHeard = 6, phoneFreeMinutes = 300, appreciation = 3, noTension = true });
        Assert.Contains("talk it through together", Read(await ben.Http.GetPageAsync($"/spaces/{spaceId}")), StringComparison.Ordinal);
        var agenda = await ben.Http.GetPageAsync(page);
        var text = Read(agenda);
        Assert.Contains("Appreciations first", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Appreciations first", StringComparison.Ordinal) < text.IndexOf("What went well", StringComparison.Ordinal));
        Assert.Contains("You both felt listened to.", text, StringComparison.Ordinal);
        Assert.Contains("Time together with phones away was short this week.", text, StringComparison.Ordinal);
        Assert.Contains("ANA-PAGE-MARK", text, StringComparison.Ordinal);
        Assert.NotNull(agenda.QuerySelector("button[data-timer-minutes][hidden]"));

        var missing = await ben.Http.SubmitAsync(page, new Dictionary<string, string>(), handler: "Agree");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Choose one practice", (await missing.ParseAsync()).FieldError("PracticeId"), StringComparison.Ordinal);

        var choice = agenda.QuerySelector("input[name=PracticeId]")!.GetAttribute("value")!;
        var done = await ben.Http.SubmitAsync(page, new Dictionary<string, string> { ["PracticeId"] = choice }, handler: "Agree");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = Read(await ben.Http.GetPageAsync(done.Headers.Location!.OriginalString));
        Assert.Contains("is on your list now", after, StringComparison.Ordinal);
        Assert.Contains(choice, (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/practices/ours")).EnumerateArray().Select(p => p.GetProperty("id").GetString()));
    }
}

public sealed class TalkThroughJourneyOnSqlite(SqliteHearthFactory factory) : TalkThroughJourneyTests<SqliteHearthFactory>(factory);

public sealed class TalkThroughJourneyOnPostgres(PostgresHearthFactory factory) : TalkThroughJourneyTests<PostgresHearthFactory>(factory);

using System.Net;
using System.Net.Http.Json;
using Hearth.Web.Features.CheckIns;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Tests.CheckIns;

/// <summary>
/// The weekly check-in in each member's own language: a German member reads the page, the messages
/// beside the fields and the API's problems in German, while the other member, in English, reads
/// their own page in English, in the same space and the same week. (Until the per-member language
/// setting lands, the language travels as Accept-Language, as a browser sends it.)
/// </summary>
public abstract class CheckInLanguageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    private static void SpeaksGerman(Person person) => person.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");

    private static string MainText(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("main")!.TextContent;

    [Fact]
    public async Task A_German_member_checks_in_in_German_while_the_other_reads_English()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        SpeaksGerman(ana);
        var url = $"/spaces/{spaceId}/check-in";

        var german = MainText(await ana.Http.GetPageAsync(url));
        Assert.Contains("Der Check-in dieser Woche", german, StringComparison.Ordinal);
        Assert.Contains("Zwei private Fragen, nur für dich", german, StringComparison.Ordinal);
        Assert.Contains("Emotionale Nähe", german, StringComparison.Ordinal);
        // The questions come from the check-in content in her language (CheckInContent.For), ids unchanged.
        var questions = Hearth.Core.CheckIns.CheckInContent.For("de");
        Assert.Contains(questions.GroundRules.Title, german, StringComparison.Ordinal);
        Assert.All(questions.Items, item => Assert.Contains(item.Text, german, StringComparison.Ordinal));
        Assert.DoesNotContain("This week's check-in", german, StringComparison.Ordinal);
        Assert.DoesNotContain("Two private questions", german, StringComparison.Ordinal);
        var english = MainText(await ben.Http.GetPageAsync(url));
        Assert.Contains("This week's check-in", english, StringComparison.Ordinal);
        Assert.Contains("Emotional closeness", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Der Check-in dieser Woche", english, StringComparison.Ordinal);

        // Beside the field, in German: a word where a number goes, a number off the scale, a tag without words.
        var bad = await ana.Http.SubmitAsync(url, new Dictionary<string, string> { ["Satisfaction"] = "12", ["PhoneFreeMinutes"] = "viele" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var shown = await bad.ParseAsync();
        Assert.Equal("Bitte gib hier eine ganze Zahl ein oder lass das Feld leer.", shown.FieldError("PhoneFreeMinutes"));
        bad = await ana.Http.SubmitAsync(url, new Dictionary<string, string> { ["Satisfaction"] = "12", ["NeedsDimension"] = "emotional" });
        shown = await bad.ParseAsync();
        Assert.Equal("Antworten auf „satisfaction“ müssen zwischen 0 und 10 liegen.", shown.FieldError("Satisfaction"));
        Assert.StartsWith("Eine Zuordnung gehört zu ein paar Worten", shown.FieldError("NeedsDimension"), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<WeeklyCheckIn>().All().CountAsync(c => c.SpaceId == spaceId)));

        // Both check in; each reads the other's answers under a heading in their own language.
        var ok = await ana.Http.SubmitAsync(url, new Dictionary<string, string> { ["Satisfaction"] = "8", ["Needs"] = "Mehr Spaziergänge", ["NeedsDimension"] = "experiential" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var done = MainText(await ana.Http.GetPageAsync(url + "?done=true"));
        Assert.Contains("Danke. Das war dein Check-in für diese Woche.", done, StringComparison.Ordinal);
        Assert.Contains("Sie erscheinen hier, sobald ihr beide diese Woche eingecheckt habt.", done, StringComparison.Ordinal);
        Assert.Contains("Mehr Spaziergänge (Das Leben gemeinsam gestalten)", done, StringComparison.Ordinal);
        await ben.CheckInOkAsync(spaceId, new { satisfaction = 6 });
        var anaSees = MainText(await ana.Http.GetPageAsync(url));
        Assert.Contains("Die Antworten von Ben", anaSees, StringComparison.Ordinal);
        Assert.Contains("Diesmal nichts", anaSees, StringComparison.Ordinal);
        var benSees = MainText(await ben.Http.GetPageAsync(url));
        Assert.Contains("Ana's answers", benSees, StringComparison.Ordinal);
        Assert.Contains("Mehr Spaziergänge (Doing life together)", benSees, StringComparison.Ordinal);
        Assert.DoesNotContain("Die Antworten von", benSees, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_answers_a_German_member_with_German_problems_and_the_English_member_with_English()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        SpeaksGerman(ana);

        var tooLong = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.CheckInAsync(spaceId, new { needs = new string('a', 1001) }));
        Assert.Equal(["Bitte halte dich an höchstens 1.000 Zeichen. Gerade sind es 1.001."], tooLong.FieldErrors("needs"));
        var minutes = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.CheckInAsync(spaceId, new { phoneFreeMinutes = 20000, week = "gestern" }));
        Assert.Equal(["Die Minuten ohne Handy müssen zwischen 0 und 10080 liegen – so viele Minuten hat eine Woche."], minutes.FieldErrors("phoneFreeMinutes"));
        Assert.StartsWith("Bitte gib die Woche als Jahr-Monat-Tag an", Assert.Single(minutes.FieldErrors("week")), StringComparison.Ordinal);
        var english = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ben.CheckInAsync(spaceId, new { needs = new string('a', 1001) }));
        Assert.Equal(["Please keep this to 1,000 characters. It has 1,001 now."], english.FieldErrors("needs"));

        await ana.CheckInOkAsync(spaceId, new { satisfaction = 7 });
        var again = await Expect.ProblemAsync(HttpStatusCode.Conflict, await ana.CheckInAsync(spaceId, new { satisfaction = 7 }));
        Assert.Equal("Schon eingecheckt", again.GetProperty("title").GetString());
        Assert.StartsWith("Du hast diese Woche schon eingecheckt.", again.Detail(), StringComparison.Ordinal);
        await ben.CheckInOkAsync(spaceId, new { satisfaction = 5 });
        var benAgain = await Expect.ProblemAsync(HttpStatusCode.Conflict, await ben.CheckInAsync(spaceId, new { satisfaction = 5 }));
        Assert.Contains("already checked in", benAgain.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_language_falls_back_to_English_never_a_500()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var spaceId = await ana.CreateSpaceAsync();
        ana.Http.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "xx-!!, tlh;q=0.9");

        Assert.Contains("This week's check-in", MainText(await ana.Http.GetPageAsync($"/spaces/{spaceId}/check-in")), StringComparison.Ordinal);
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.CheckInAsync(spaceId, new { satisfaction = 11 }));
        Assert.Equal(["Answers to 'satisfaction' must be between 0 and 10."], problem.FieldErrors("satisfaction"));
    }
}

public sealed class CheckInLanguageOnSqlite(SqliteHearthFactory factory) : CheckInLanguageTests<SqliteHearthFactory>(factory);

public sealed class CheckInLanguageOnPostgres(PostgresHearthFactory factory) : CheckInLanguageTests<PostgresHearthFactory>(factory);

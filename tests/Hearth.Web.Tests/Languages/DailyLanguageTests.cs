using System.Net;
using System.Net.Http.Json;
using Hearth.Core.Languages;
using Hearth.Core.Practices;
using Hearth.Core.Prompts;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Languages;

/// <summary>
/// Today's question and the practices speak each member's language (here the request's), on each
/// database: both members of one space get the same prompt of the day, one in German and one in
/// English, and a German member reads German pages, field messages and ProblemDetails.
/// </summary>
public abstract class DailyLanguageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    [Fact]
    public async Task Both_members_get_the_same_prompt_of_the_day_each_in_their_own_language()
    {
        var (ana, ben, spaceId) = await GermanAnaAndEnglishBenAsync();

        var hers = await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/prompt/today");
        var his = await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}/prompt/today");

        var id = hers.GetProperty("promptId").GetString()!;
        Assert.Equal(id, his.GetProperty("promptId").GetString());
        Assert.True(PromptCatalog.For(HearthLanguages.German).TryGet(id, out var german));
        Assert.True(PromptCatalog.Default.TryGet(id, out var english));
        Assert.NotEqual(english.Text, german.Text);
        Assert.Equal(german.Text, hers.GetProperty("text").GetString());
        Assert.Equal(english.Text, his.GetProperty("text").GetString());
        // Wire values stay the same in every language.
        Assert.Equal(his.GetProperty("dimension").GetString(), hers.GetProperty("dimension").GetString());
        Assert.Equal(his.GetProperty("depth").GetString(), hers.GetProperty("depth").GetString());
        // Why it was chosen: German for her, the known English sentence for him.
        Assert.Equal("Heute eine leichtere Frage.", hers.GetProperty("explanation").GetString());
        Assert.Equal("A lighter one today.", his.GetProperty("explanation").GetString());

        var herPage = await ana.Http.GetPageAsync($"/spaces/{spaceId}/today");
        var hisPage = await ben.Http.GetPageAsync($"/spaces/{spaceId}/today");
        Assert.Equal(german.Text, herPage.QuerySelector(".prompt-text")!.TextContent.Trim());
        Assert.Equal(english.Text, hisPage.QuerySelector(".prompt-text")!.TextContent.Trim());
        Assert.Equal("Die Frage des Tages", herPage.QuerySelector("#prompt-heading")!.TextContent.Trim());
        Assert.Equal("Today's question", hisPage.QuerySelector("#prompt-heading")!.TextContent.Trim());
        Assert.Contains("Antwort teilen", herPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Share my answer", hisPage.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_german_member_reads_the_prompts_refusals_in_german_and_an_english_one_in_english()
    {
        var (ana, ben, spaceId) = await GermanAnaAndEnglishBenAsync();
        var date = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/prompt/today")).GetProperty("date").GetString();
        var answer = $"/api/v1/spaces/{spaceId}/prompt/days/{date}/answer";

        var empty = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(answer, new { text = "   " }));
        Assert.Equal("Schreib ein paar Worte oder überspring diese Frage. Überspringen ist immer in Ordnung.", Assert.Single(empty.FieldErrors("text")));
        var badDate = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/prompt/days/not-a-date/answer", new { text = "hallo" }));
        Assert.StartsWith("Bitte gib das Datum", Assert.Single(badDate.FieldErrors("date")), StringComparison.Ordinal);
        var passed = await Expect.ProblemAsync(HttpStatusCode.Conflict, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/prompt/days/2001-01-01/answer", new { text = "hallo" }));
        Assert.Equal("Der Tag dieser Frage ist vorbei. Die Frage von heute wartet auf dich.", passed.Detail());

        var his = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ben.Http.PostAsJsonAsync(answer, new { text = "   " }));
        Assert.Equal("Write a few words, or skip this one. Skipping is always fine.", Assert.Single(his.FieldErrors("text")));

        // On the page, beside the field.
        var page = await (await ana.Http.SubmitAsync($"/spaces/{spaceId}/today", new Dictionary<string, string> { ["Text"] = " " }, "Answer")).ParseAsync();
        Assert.Equal("Schreib ein paar Worte oder überspring diese Frage. Überspringen ist immer in Ordnung.", page.FieldError("Text"));
    }

    [Fact]
    public async Task The_practices_come_in_the_members_language_with_the_same_ids()
    {
        var (ana, ben, spaceId) = await GermanAnaAndEnglishBenAsync();
        var hers = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/practices")).GetProperty("practices").EnumerateArray().ToList();
        var his = (await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}/practices")).GetProperty("practices").EnumerateArray().ToList();

        Assert.Equal(his.Select(p => p.GetProperty("id").GetString()), hers.Select(p => p.GetProperty("id").GetString()));
        var german = PracticeCatalog.For(HearthLanguages.German);
        Assert.All(hers, p =>
        {
            Assert.True(german.TryGet(p.GetProperty("id").GetString()!, out var practice));
            Assert.Equal(practice.Title, p.GetProperty("title").GetString());
            Assert.Equal(practice.HowTo, p.GetProperty("howTo").GetString());
            Assert.Equal(practice.Why, p.GetProperty("why").GetString());
        });
        Assert.All(his, p =>
        {
            Assert.True(PracticeCatalog.Default.TryGet(p.GetProperty("id").GetString()!, out var practice));
            Assert.Equal(practice.Title, p.GetProperty("title").GetString());
        });

        var bad = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.GetAsync(new Uri($"/api/v1/spaces/{spaceId}/practices?dimension=money", UriKind.Relative)));
        Assert.StartsWith("Wähle eine davon", Assert.Single(bad.FieldErrors("dimension")), StringComparison.Ordinal);

        var page = await ana.Http.GetPageAsync($"/spaces/{spaceId}/practices");
        Assert.Equal("Übungen zum Ausprobieren", page.QuerySelector("h1")!.TextContent.Trim());
        var first = german.Practices.First(p => p.Id == hers[0].GetProperty("id").GetString());
        Assert.Contains(first.Title, page.QuerySelectorAll(".practice h3").Select(h => h.TextContent.Trim()));
        Assert.Contains("Warum es hilft:", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Why it helps", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("option"), o => o.TextContent.Trim() == "Emotionale Nähe");
    }

    [Fact]
    public async Task Notes_speak_german_to_a_german_member_on_the_page_beside_the_field_and_in_problem_details()
    {
        var (ana, ben, spaceId) = await GermanAnaAndEnglishBenAsync();
        var notes = $"/api/v1/spaces/{spaceId}/notes";

        var empty = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(notes, new { kind = "appreciation", text = "  " }));
        Assert.Equal("Schreib ein paar Worte darüber, was du schätzt. Ein Satz reicht völlig.", Assert.Single(empty.FieldErrors("text")));
        var tooLong = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(notes, new { kind = "appreciation", text = new string('a', 2001) }));
        Assert.Equal("Bitte bleib bei höchstens 2.000 Zeichen. Im Moment sind es 2.001.", Assert.Single(tooLong.FieldErrors("text")));
        var kind = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(notes, new { kind = "love-letter", text = "hallo" }));
        Assert.Equal("Bitte wähle eine Wertschätzung oder ein „Ich denk an dich“.", Assert.Single(kind.FieldErrors("kind")));
        var englishTooLong = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ben.Http.PostAsJsonAsync(notes, new { kind = "appreciation", text = new string('a', 2001) }));
        Assert.Equal("Please keep this to 2,000 characters. It has 2,001 now.", Assert.Single(englishTooLong.FieldErrors("text")));

        var solo = await ana.CreateSpaceAsync("friends");
        var refused = await Expect.ProblemAsync(HttpStatusCode.Conflict, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{solo}/notes", new { kind = "appreciation", text = "hallo" }));
        Assert.Equal("Warten auf die andere Person", refused.GetProperty("title").GetString());
        Assert.Contains("sobald die befreundete Person dabei ist", refused.Detail(), StringComparison.Ordinal);
        Assert.Contains("Notizen brauchen zwei", (await ana.Http.GetPageAsync($"/spaces/{solo}/notes")).Body!.TextContent, StringComparison.Ordinal);

        var page = await (await ana.Http.SubmitAsync($"/spaces/{spaceId}/notes", new Dictionary<string, string> { ["Input.Text"] = " " }, "Send")).ParseAsync();
        Assert.Equal("Schreib ein paar Worte darüber, was du schätzt. Ein Satz reicht völlig.", page.FieldError("Input.Text"));
        Assert.Equal("Notizen", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Ideen für jede Art der Zuwendung", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Liebe Worte", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Kind words", page.Body!.TextContent, StringComparison.Ordinal);

        // A wordless "thinking of you" from him reads in her language, and the other way round.
        await Expect.StatusAsync(HttpStatusCode.Created, await ben.Http.PostAsJsonAsync(notes, new { kind = "thinking-of-you" }));
        await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync(notes, new { kind = "thinking-of-you" }));
        Assert.Equal("Ich denk an dich.", (await ana.GetJsonAsync(notes)).GetProperty("received").EnumerateArray().Single().GetProperty("text").GetString());
        Assert.Equal("Thinking of you.", (await ben.GetJsonAsync(notes)).GetProperty("received").EnumerateArray().Single().GetProperty("text").GetString());
        var suggestions = (await ana.GetJsonAsync(notes)).GetProperty("careWays").EnumerateArray().SelectMany(w => w.GetProperty("suggestions").EnumerateArray()).Select(x => x.GetString()!).ToList();
        Assert.Contains("Bedank dich für etwas Kleines, das sonst meist untergeht.", suggestions);
    }

    [Fact]
    public async Task Memories_speak_german_to_a_german_member_and_english_to_an_english_one()
    {
        var (ana, ben, spaceId) = await GermanAnaAndEnglishBenAsync();
        var memories = $"/api/v1/spaces/{spaceId}/memories";
        var today = (await ana.GetJsonAsync(memories)).GetProperty("today").GetString()!;
        var yearAgo = DateOnly.ParseExact(today, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddYears(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var noTitle = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(memories, new { date = yearAgo, kind = "first", title = " " }));
        Assert.Equal("Gib dieser Erinnerung einen kurzen Titel, ein paar Worte reichen.", Assert.Single(noTitle.FieldErrors("title")));
        var future = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(memories, new { date = "2999-01-01", kind = "first", title = "Bald" }));
        Assert.StartsWith("Dieser Tag kommt erst noch.", Assert.Single(future.FieldErrors("date")), StringComparison.Ordinal);
        var longTitle = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(memories, new { date = yearAgo, kind = "first", title = new string('t', 121) }));
        Assert.Equal("Titel können bis zu 120 Zeichen lang sein. Die Geschichte selbst kann darunter stehen.", Assert.Single(longTitle.FieldErrors("title")));
        var englishTitle = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ben.Http.PostAsJsonAsync(memories, new { date = yearAgo, kind = "first", title = " " }));
        Assert.Equal("Give this memory a short title, even just a few words.", Assert.Single(englishTitle.FieldErrors("title")));

        await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync(memories, new { date = yearAgo, kind = "reflection", title = "Die Bushaltestelle", shared = true }));
        var hers = await ana.GetJsonAsync(memories);
        var his = await ben.GetJsonAsync(memories);
        Assert.Equal("Heute vor einem Jahr", hers.GetProperty("onThisDay").EnumerateArray().Single().GetProperty("heading").GetString());
        Assert.Equal("One year ago today", his.GetProperty("onThisDay").EnumerateArray().Single().GetProperty("heading").GetString());
        Assert.Equal("Was uns nahegebracht hat", hers.GetProperty("memories").EnumerateArray().Single().GetProperty("kindLabel").GetString());
        Assert.Equal("reflection", hers.GetProperty("memories").EnumerateArray().Single().GetProperty("kind").GetString());

        var page = await ana.Http.GetPageAsync($"/spaces/{spaceId}/memories");
        Assert.Equal("Erinnerungen", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("von dir geteilt", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("#memory-kind option"), o => o.TextContent.Trim() == "Ein erstes Mal");
        var hisPage = await ben.Http.GetPageAsync($"/spaces/{spaceId}/memories");
        Assert.Contains("shared by Ana", hisPage.Body!.TextContent, StringComparison.Ordinal);

        var form = await (await ana.Http.SubmitAsync($"/spaces/{spaceId}/memories", new Dictionary<string, string> { ["Input.Title"] = " ", ["Input.Date"] = yearAgo })).ParseAsync();
        Assert.Equal("Gib dieser Erinnerung einen kurzen Titel, ein paar Worte reichen.", form.FieldError("Input.Title"));
    }

    [Fact]
    public async Task Time_together_speaks_german_to_a_german_member_with_german_durations_and_week()
    {
        var (ana, ben, spaceId) = await GermanAnaAndEnglishBenAsync();
        var entries = $"/api/v1/spaces/{spaceId}/quality-time/entries";

        var zero = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(entries, new { minutes = 0 }));
        Assert.Equal("Trag mindestens eine Minute ein.", Assert.Single(zero.FieldErrors("minutes")));
        var missing = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(entries, new { }));
        Assert.Equal("Wie viele Minuten habt ihr zusammen verbracht?", Assert.Single(missing.FieldErrors("minutes")));
        var englishZero = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ben.Http.PostAsJsonAsync(entries, new { minutes = 0 }));
        Assert.Equal("Add at least one minute.", Assert.Single(englishZero.FieldErrors("minutes")));
        var notRunning = await Expect.ProblemAsync(HttpStatusCode.Conflict, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/quality-time/timer/stop", new { }));
        Assert.Equal("Läuft nicht", notRunning.GetProperty("title").GetString());
        Assert.StartsWith("Der Timer läuft nicht", notRunning.Detail(), StringComparison.Ordinal);

        await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync(entries, new { minutes = 65 }));
        var hers = await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/quality-time");
        var his = await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}/quality-time");
        Assert.StartsWith("Ihr zwei habt diese Woche 1 Stunde und 5 Minuten füreinander gefunden.", hers.GetProperty("week").GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("You two found 1 hour and 5 minutes together this week.", his.GetProperty("week").GetProperty("summary").GetString(), StringComparison.Ordinal);

        var page = await ana.Http.GetPageAsync($"/spaces/{spaceId}/time");
        Assert.Equal("Zeit zusammen", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Ihr hattet heute 1 Stunde und 5 Minuten zusammen", page.Body!.TextContent, StringComparison.Ordinal);
        var week = await ana.Http.GetPageAsync($"/spaces/{spaceId}/time/week");
        Assert.Equal("Eure Woche zusammen", week.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(" bis ", week.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);

        var form = await (await ana.Http.SubmitAsync($"/spaces/{spaceId}/time", new Dictionary<string, string> { ["Input.Minutes"] = "0" }, "Add")).ParseAsync();
        Assert.Equal("Trag mindestens eine Minute ein.", form.FieldError("Input.Minutes"));
    }

    private async Task<(Person Ana, Person Ben, Guid SpaceId)> GermanAnaAndEnglishBenAsync()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        ana.Http.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "de-DE,de;q=0.9");
        ben.Http.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "en-GB,en;q=0.8");
        return (ana, ben, spaceId);
    }
}

public sealed class DailyLanguageOnSqlite(SqliteHearthFactory factory) : DailyLanguageTests<SqliteHearthFactory>(factory);

public sealed class DailyLanguageOnPostgres(PostgresHearthFactory factory) : DailyLanguageTests<PostgresHearthFactory>(factory);

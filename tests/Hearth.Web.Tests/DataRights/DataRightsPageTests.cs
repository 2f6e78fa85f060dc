using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.DataRights;

/// <summary>The data pages without JavaScript: read your export, bring a file in, delete the account.</summary>
public sealed class DataRightsPageTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    [Fact]
    public async Task The_data_page_offers_the_download_and_the_readable_view_shows_your_words_as_text()
    {
        var world = await DataWorld.CreateAsync(factory, "PG" + Guid.NewGuid().ToString("N")[..6]);
        await Expect.StatusAsync(HttpStatusCode.OK, await world.Ana.Http.PutAsync(
            new Uri($"/api/v1/spaces/{world.Solo}/label", UriKind.Relative),
            new StringContent("""{"label":"<b>ours</b>"}""", Encoding.UTF8, "application/json")));

        var page = await world.Ana.Http.GetPageAsync("/account/data");
        Assert.NotNull(page.QuerySelector("a[href='/api/v1/account/export'][download]"));
        Assert.Equal("Hearth", page.Title);

        var view = await world.Ana.Http.GetAsync(new Uri("/account/data/view", UriKind.Relative));
        var html = await view.Content.ReadAsStringAsync();
        Assert.Contains(world.M("memory-ana-private-text"), html, StringComparison.Ordinal);
        Assert.Contains(world.M("note-ben"), html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;ours&lt;/b&gt;", html, StringComparison.Ordinal);

        // The weekly check-in part: hers, his for the week they both checked in, the ritual and the plans in words.
        var text = (await view.ParseAsync()).QuerySelector("main")!.TextContent;
        Assert.Contains("Your weekly check-ins", text, StringComparison.Ordinal);
        Assert.Contains(world.M("checkin-ana-1"), text, StringComparison.Ordinal);
        Assert.Contains("Their check-ins, for weeks you both checked in", text, StringComparison.Ordinal);
        Assert.Contains(world.M("checkin-ben-1"), text, StringComparison.Ordinal);
        Assert.Contains("Your weekly check-in time", text, StringComparison.Ordinal);
        Assert.Contains("Europe/Lisbon", text, StringComparison.Ordinal);
        Assert.Contains("Their waking hours", text, StringComparison.Ordinal);
        Assert.Contains("Name the distance, gently", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pulse", html, StringComparison.OrdinalIgnoreCase);
        foreach (var never in world.NeverForAna)
        {
            Assert.DoesNotContain(never, html, StringComparison.Ordinal);
        }
    }

    /// <summary>The headings the readable page has always used, by the name of each kind in the file.</summary>
    private static readonly Dictionary<string, (string Mine, string Shared)> Headings = new(StringComparer.Ordinal)
    {
        ["assessmentRounds"] = ("Your closeness assessment", "Your closeness assessment"),
        ["promptAnswers"] = ("Your answers to the daily question", "Their answers, on days you both answered"),
        ["notes"] = ("Notes you sent", "Notes you received"),
        ["memories"] = ("Your memories", "Memories they shared with you"),
        ["timeTogether"] = ("Time together you noted", "Time together they noted"),
        ["practices"] = ("Practices you put on your list", "Practices they put on your list"),
        ["checkIns"] = ("Your weekly check-ins", "Their check-ins, for weeks you both checked in"),
        ["ritual"] = ("Your weekly check-in time", "Your weekly check-in time"),
        ["wakingHours"] = ("Your waking hours", "Their waking hours"),
        ["reconnectPlans"] = ("Your plans to reconnect", "Your plans to reconnect"),
        ["savedForCounsellor"] = ("What you saved for a counsellor from the debrief", "What you saved for a counsellor from the debrief"),
        ["insightsNotFitting"] = ("Insights you marked as not fitting", "Insights you marked as not fitting"),
        ["counsellorGrants"] = ("Your consents to a counsellor", "Their consents to a counsellor"),
        ["counsellorLooks"] = ("When a counsellor looked", "When a counsellor looked"),
        ["counsellorSuggestions"] = ("What a counsellor suggested", "What a counsellor suggested"),
    };

    [Fact]
    public async Task The_readable_page_shows_every_kind_in_the_file_under_its_own_heading_and_field_words()
    {
        var world = await DataWorld.CreateAsync(factory, "PH" + Guid.NewGuid().ToString("N")[..6]);
        var (_, _, export) = await DataWorld.ExportAsync(world.Ana);
        var view = await world.Ana.Http.GetAsync(new Uri("/account/data/view", UriKind.Relative));
        var headings = (await view.ParseAsync()).QuerySelectorAll("main h3").Select(h => h.TextContent.Trim()).ToHashSet(StringComparer.Ordinal);

        var expected = new List<string>();
        foreach (var space in export.GetProperty("spaces").EnumerateArray())
        {
            expected.AddRange(space.GetProperty("mine").EnumerateObject().Where(k => k.Value.GetArrayLength() > 0).Select(k => Headings[k.Name].Mine));
            expected.AddRange(space.GetProperty("sharedWithMe").GetProperty("items").EnumerateObject().Where(k => k.Value.GetArrayLength() > 0).Select(k => Headings[k.Name].Shared));
        }

        var missing = expected.Distinct(StringComparer.Ordinal).Where(h => !headings.Contains(h)).ToList();
        Assert.True(Headings.Keys.All(k => export.GetProperty("spaces")[0].GetProperty("mine").TryGetProperty(k, out _)), "The test's table names every kind in the file.");
        Assert.Empty(missing);
        var text = (await view.ParseAsync()).QuerySelector("main")!.TextContent;
        foreach (var words in new[] { "Felt heard", "Phone-free minutes together", "No tension this week", "More of, or less of", "Kind of closeness", "Starts the week of", "Steps done", "Responded at", "Prompt id" })
        {
            Assert.Contains(words, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_file_brought_in_through_the_page_lands_and_a_bad_one_is_explained_without_writing_anything()
    {
        var world = await DataWorld.CreateAsync(factory, "PI" + Guid.NewGuid().ToString("N")[..6]);
        var (_, file, _) = await DataWorld.ExportAsync(world.Ana);
        var eve = await Person.RegisterAsync(factory, "Eve");

        var bad = await UploadAsync(eve.Http, file.Replace(world.M("note-ana"), "changed", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("doesn't match its checksum", (await bad.ParseAsync()).PageError(), StringComparison.Ordinal);
        Assert.Empty((await eve.GetJsonAsync("/api/v1/spaces")).EnumerateArray());

        var good = await UploadAsync(eve.Http, file);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Contains("brought in 3 spaces", (await good.ParseAsync()).QuerySelector(".notice-ok")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, (await eve.GetJsonAsync("/api/v1/spaces")).GetArrayLength());
    }

    [Fact]
    public async Task Deleting_through_the_page_needs_the_passphrase_then_says_goodbye_and_signs_out()
    {
        var person = await Person.RegisterAsync(factory, "Finn");
        await person.CreateSpaceAsync(label: "Finn's own");

        var wrong = await person.Http.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Passphrase"] = "this is not the passphrase" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("doesn't match", (await wrong.ParseAsync()).FieldError("Passphrase"), StringComparison.Ordinal);
        Assert.Single((await person.GetJsonAsync("/api/v1/spaces")).EnumerateArray());

        var done = await person.Http.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Passphrase"] = person.Password });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var goodbye = await done.ParseAsync();
        Assert.Contains("Your account is gone", goodbye.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(goodbye.QuerySelector("form[action='/account/sign-out']"));
        Assert.Contains("cookies", done.Headers.GetValues("Clear-Site-Data").Single(), StringComparison.Ordinal);
        var after = await person.Http.GetAsync(new Uri("/spaces", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient http, string json)
    {
        var page = await http.GetPageAsync("/account/data");
        var form = page.Forms.Single(f => f.Action.Contains("handler=Import", StringComparison.OrdinalIgnoreCase));
        var token = form.Elements.OfType<IHtmlInputElement>().Single(i => i.Name == "__af").Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__af" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "file", "hearth-export.json" },
        };
        return await http.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);
    }
}

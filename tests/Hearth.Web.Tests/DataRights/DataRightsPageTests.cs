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

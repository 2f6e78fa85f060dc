using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using CsCheck;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Languages;

/// <summary>
/// Which language a page is in: the member's setting, then the switch's cookie, then the browser's
/// Accept-Language, then English. Anything unknown or malformed in a source is passed over; never a
/// 500, and never a page whose lang says one language while its words are in another.
/// </summary>
public sealed class RequestLanguageTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    private const string EnglishSkip = "Skip to content";
    private const string GermanSkip = "Zum Inhalt springen";

    [Theory]
    [InlineData(null, null, "en")]
    [InlineData(null, "de", "de")]
    [InlineData(null, "de-AT", "de")]
    [InlineData(null, "de-CH,de;q=0.9,en;q=0.8", "de")]
    [InlineData(null, "fr-FR,fr;q=0.9,de;q=0.8,en;q=0.7", "de")]
    [InlineData(null, "en;q=0.5,de;q=0.9", "de")]
    [InlineData(null, "de;q=0,en;q=0.1", "en")]
    [InlineData(null, "de;q=0", "en")]
    [InlineData(null, "*", "en")]
    [InlineData(null, "*;q=1,de;q=0.5", "de")]
    [InlineData(null, "qps-Ploc", "en")]
    [InlineData(null, "fr,es,it", "en")]
    [InlineData(null, "de;q=abc", "en")]
    [InlineData(null, ";;;,,,", "en")]
    [InlineData(null, "de-" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "en")]
    [InlineData("de", null, "de")]
    [InlineData("de", "en", "de")]
    [InlineData("en", "de", "en")]
    [InlineData("fr", "de", "de")]
    [InlineData("garbage;%%", "de", "de")]
    [InlineData("qps-Ploc", null, "en")]
    [InlineData("", "de", "de")]
    public async Task Signed_out_the_cookie_wins_over_the_browser_and_anything_unknown_falls_through_to_English(string? cookie, string? acceptLanguage, string expected)
    {
        var page = await VisitAsync("/account/sign-in", cookie, acceptLanguage);

        AssertWholePageIn(expected, page);
    }

    [Fact]
    public async Task A_huge_header_is_ignored_rather_than_read()
    {
        var huge = string.Join(",", Enumerable.Repeat("fr;q=0.9", 300)) + ",de";

        AssertWholePageIn("en", await VisitAsync("/account/sign-in", null, huge));
        AssertWholePageIn("de", await VisitAsync("/account/sign-in", null, "de," + string.Join(",", Enumerable.Repeat("x", 20))));
    }

    [Fact]
    public async Task Generated_cookies_and_headers_never_give_a_500_or_a_half_translated_page()
    {
        string[] tags = ["en", "de", "DE", "de-AT", "de_DE", "en-US", "fr", "es-419", "qps-Ploc", "*", "x-klingon", "zz", "", "de-", "-de", "é", "de-DE-u-nu-arab"];
        string[] qualities = ["", ";q=0", ";q=0.001", ";q=0.5", ";q=1", ";q=1.0", ";q=2", ";q=-1", ";q=abc", ";q=", "; q=0.8", ";level=1"];
        var tag = Gen.Frequency((4, Gen.Int[0, tags.Length - 1].Select(i => tags[i])), (1, Gen.String[Gen.Char[' ', '~'], 0, 24]));
        var entry = Gen.Select(tag, Gen.Int[0, qualities.Length - 1], (t, q) => t + qualities[q]);
        var header = Gen.Frequency((5, Gen.Select(entry.Array[0, 6], Gen.Bool, (e, comma) => string.Join(comma ? "," : ", ", e))), (1, Gen.Int[0, 0].Select(_ => (string)null!)));
        var cookie = Gen.Frequency((2, Gen.Int[0, 0].Select(_ => (string)null!)), (2, Gen.Int[0, tags.Length - 1].Select(i => tags[i])), (1, Gen.String[Gen.Char['!', '~'], 0, 40]));
        string[] paths = ["/", "/account/sign-in", "/account/register", "/learn", "/language"];
        var tried = 0;
        var failed = new List<string>();

        await Gen.Select(cookie, header, Gen.Int[0, paths.Length - 1]).SampleAsync(async (c, h, p) =>
        {
            tried++;
            var (status, page) = await RawVisitAsync(paths[p], c, h);
            var lang = page?.DocumentElement.GetAttribute("lang");
            var skip = page?.QuerySelector(".skip-link")?.TextContent.Trim();
            var mentionsGerman = (c ?? "").Contains("de", StringComparison.OrdinalIgnoreCase) || (h ?? "").Contains("de", StringComparison.OrdinalIgnoreCase);
            var exactlyGerman = c is "de" or "DE" or "de-AT" or "de_DE" || (string.IsNullOrEmpty(c) && h is "de" or "de-AT" or "de;q=1");
            var ok = status == HttpStatusCode.OK
                && (lang, skip) is ("en", EnglishSkip) or ("de", GermanSkip)
                && page!.DocumentElement.GetAttribute("dir") == "ltr"
                && (mentionsGerman || lang == "en")
                && (!exactlyGerman || lang == "de");
            if (!ok)
            {
                failed.Add($"{paths[p]} cookie={c ?? "(none)"} header={h ?? "(none)"}: {(int)status} lang={lang} skip={skip}");
            }
        }, iter: 300, threads: 1);

        SecurityReport.Record("unknown or malformed languages fall back, never a 500 or a mixed page", "sqlite", tried, failed.Count,
            $"{nameof(RequestLanguageTests)}.{nameof(Generated_cookies_and_headers_never_give_a_500_or_a_half_translated_page)}",
            "generated Accept-Language (tags, q-values, *, pseudo, garbage) and language cookies against five signed-out pages");
        Assert.True(failed.Count == 0, string.Join('\n', failed.Take(20)));
    }

    [Fact]
    public async Task The_switch_sets_the_cookie_and_returns_to_the_same_page()
    {
        var visitor = factory.NewClient();
        var response = await SwitchAsync(visitor, "/account/sign-in?returnUrl=%2Fspaces%2Fnew", "de");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in?returnUrl=%2Fspaces%2Fnew", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-hearth-lang=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        AssertWholePageIn("de", await visitor.GetPageAsync("/account/sign-in"));

        // And back.
        await SwitchAsync(visitor, "/learn", "en");
        AssertWholePageIn("en", await visitor.GetPageAsync("/learn"));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task The_switch_never_returns_anywhere_but_a_page_of_ours(string returnUrl)
    {
        var visitor = factory.NewClient();
        var response = await visitor.SubmitAsync("/language?returnUrl=" + Uri.EscapeDataString(returnUrl), new Dictionary<string, string> { ["Language"] = "de" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("qps-Ploc")]
    [InlineData("")]
    [InlineData("<b>de</b>")]
    public async Task The_switch_with_an_unknown_language_says_so_and_sets_nothing(string language)
    {
        var visitor = factory.NewClient();
        var response = await visitor.SubmitAsync("/language", new Dictionary<string, string> { ["Language"] = language });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("__Host-hearth-lang", StringComparison.Ordinal));
        var page = await response.ParseAsync();
        Assert.Equal("Please choose one of the languages Hearth speaks: en, de.", page.FieldError("Language"));
    }

    [Fact]
    public async Task Signed_in_the_switch_changes_the_members_setting_and_the_setting_wins_over_the_cookie()
    {
        // This browser's cookie says English (switched before signing in, so the account took it).
        var ana = await Person.RegisterAsync(factory, "Ana", signIn: false);
        await SwitchAsync(ana.Http, "/account/sign-in", "en");
        await ana.SignInAsync();

        // The switch on the settings page, signed in, changes her setting (and this browser's cookie).
        await SwitchAsync(ana.Http, "/account/settings", "de");
        Assert.Equal("de", (await ana.GetJsonAsync("/api/v1/account/language")).GetProperty("language").GetString());

        // Her setting, changed on another device, outvotes this browser's cookie.
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync("/api/v1/account/language", new { language = "en" }));
        await SwitchAsync(ana.Http, "/account/settings", "de");
        var phone = new Person(factory, factory.NewClient(), ana.Email, ana.Password, ana.Name);
        await phone.SignInAsync();
        await Expect.StatusAsync(HttpStatusCode.OK, await phone.Http.PutAsJsonAsync("/api/v1/account/language", new { language = "en" }));
        AssertWholePageIn("en", await ana.Http.GetPageAsync("/account/settings"));
    }

    [Fact]
    public async Task A_language_chosen_before_signing_in_becomes_the_accounts_if_it_has_none()
    {
        var ana = await Person.RegisterAsync(factory, "Ana", signIn: false);
        await SwitchAsync(ana.Http, "/account/sign-in", "de");
        await ana.SignInAsync();

        Assert.Equal("de", (await ana.GetJsonAsync("/api/v1/account/language")).GetProperty("language").GetString());

        // An account that has chosen keeps its choice when signing in from a browser that switched to another.
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync("/api/v1/account/language", new { language = "en" }));
        var laptop = new Person(factory, factory.NewClient(), ana.Email, ana.Password, ana.Name);
        await SwitchAsync(laptop.Http, "/account/sign-in", "de");
        await laptop.SignInAsync();
        Assert.Equal("en", (await laptop.GetJsonAsync("/api/v1/account/language")).GetProperty("language").GetString());
    }

    /// <summary>Presses a language's button in the switch at the foot of the page (or on the settings page), as a browser would.</summary>
    private static async Task<HttpResponseMessage> SwitchAsync(HttpClient http, string pageUrl, string language)
    {
        var page = await http.GetPageAsync(pageUrl);
        var form = page.Forms.Last(f => new Uri(new Uri("https://localhost"), f.GetAttribute("action")).AbsolutePath == "/language");
        var values = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden").ToDictionary(i => i.Name!, i => i.Value, StringComparer.Ordinal);
        values["Language"] = language;
        var response = await http.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(values));
        await Expect.StatusAsync(HttpStatusCode.Redirect, response);
        return response;
    }

    private static void AssertWholePageIn(string language, IHtmlDocument page)
    {
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal(language == "de" ? GermanSkip : EnglishSkip, page.QuerySelector(".skip-link")!.TextContent.Trim());
    }

    private async Task<IHtmlDocument> VisitAsync(string path, string? cookie, string? acceptLanguage, HttpClient? http = null)
    {
        var (status, page) = await RawVisitAsync(path, cookie, acceptLanguage, http);
        Assert.Equal(HttpStatusCode.OK, status);
        return page!;
    }

    private async Task<(HttpStatusCode Status, IHtmlDocument? Page)> RawVisitAsync(string path, string? cookie, string? acceptLanguage, HttpClient? http = null)
    {
        http ??= factory.CreateDefaultClient(new Uri("https://localhost"));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        if (cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", $"{Hearth.Web.Features.Languages.LanguageCookie.Name}={cookie}");
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType == "text/html" ? await response.ParseAsync() : null);
    }
}

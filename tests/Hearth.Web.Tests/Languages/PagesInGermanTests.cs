using System.Collections;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Resources;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Languages;

/// <summary>
/// Home, DataRights, AccountSecurity, Rituals, Daily, Learn and the e-mails in German: a request that
/// asks for German (Accept-Language or the culture cookie) sees every one of these pages in German,
/// its validation messages beside the field and in ProblemDetails, and German e-mails; English stays
/// the default, word for word.
/// </summary>
public sealed partial class PagesInGermanTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    /// <summary>The resource files of these features, by the marker class's full name.</summary>
    public static readonly TheoryData<string> Resources = new()
    {
        "Hearth.Web.Features.Home.HomeText",
        "Hearth.Web.Features.DataRights.DataRightsText",
        "Hearth.Web.Features.AccountSecurity.AccountSecurityText",
        "Hearth.Web.Features.Rituals.RitualsText",
        "Hearth.Web.Features.Daily.DailyPageText",
        "Hearth.Web.Features.Learn.LearnText",
        "Hearth.Web.Features.Email.EmailText",
    };

    [Theory]
    [MemberData(nameof(Resources))]
    public void Every_English_key_has_a_German_sentence_with_the_same_placeholders(string resource)
    {
        var english = Entries(resource, CultureInfo.InvariantCulture);
        var german = Entries(resource, CultureInfo.GetCultureInfo("de"), onlyThisCulture: true);
        Assert.NotEmpty(english);
        var missing = english.Keys.Where(k => !german.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{resource}: no German for {string.Join(", ", missing)}");
        foreach (var (key, value) in english)
        {
            Assert.True(
                Placeholders(value).SequenceEqual(Placeholders(german[key])),
                $"{resource}/{key}: placeholders {string.Join(",", Placeholders(value))} in English but {string.Join(",", Placeholders(german[key]))} in German");
            Assert.DoesNotContain('<', german[key]);
        }
    }

    [Fact]
    public async Task Each_page_of_these_features_reads_in_German_and_no_English_sentence_of_theirs_is_left()
    {
        var (ana, _, spaceId) = await LivingApartPairAsync();
        var pages = new[]
        {
            ("/", "Hearth.Web.Features.Home.HomeText", false),
            ("/status/404", "Hearth.Web.Features.Home.HomeText", false),
            ("/exit", "Hearth.Web.Features.Home.HomeText", false),
            ("/learn", "Hearth.Web.Features.Learn.LearnText", false),
            ("/account/data", "Hearth.Web.Features.DataRights.DataRightsText", true),
            ("/account/data/view", "Hearth.Web.Features.DataRights.DataRightsText", true),
            ("/account/delete", "Hearth.Web.Features.DataRights.DataRightsText", true),
            ("/account/security", "Hearth.Web.Features.AccountSecurity.AccountSecurityText", true),
            ($"/spaces/{spaceId}/ritual", "Hearth.Web.Features.Rituals.RitualsText", true),
            ($"/spaces/{spaceId}/settings", "Hearth.Web.Features.Daily.DailyPageText", true),
            ($"/spaces/{spaceId}/today", "Hearth.Web.Features.Daily.DailyPageText", true),
        };

        var visitor = factory.NewClient();
        foreach (var (url, resource, signedIn) in pages)
        {
            var http = signedIn ? ana.Http : visitor;
            var inEnglish = await TextOfAsync(http, url, null);
            var inGerman = await TextOfAsync(http, url, "de");
            var en = Entries(resource, CultureInfo.InvariantCulture);
            var de = Entries(resource, CultureInfo.GetCultureInfo("de"), onlyThisCulture: true);
            var shown = en.Where(e => e.Value.Length >= 6 && !e.Value.Contains('{') && de[e.Key] != e.Value && inEnglish.Contains(e.Value, StringComparison.Ordinal)).ToList();

            // A sentence found only inside a longer one of ours ("Delete my account" in "Delete my account and everything in it") is that one's.
            shown = shown.Where(e => !shown.Any(o => o.Key != e.Key && o.Value.Contains(e.Value, StringComparison.Ordinal))).ToList();
            Assert.True(shown.Count >= (url == "/exit" ? 1 : 3), $"{url}: only {shown.Count} of its sentences found in English, the test would prove little");
            foreach (var (key, value) in shown)
            {
                // Content another feature shows (a learn card's title) may still be English and say the same words: each of ours is gone.
                Assert.True(Count(inGerman, value) < Count(inEnglish, value), $"{url} in German still says \"{value}\" ({key})");
                Assert.True(inGerman.Contains(de[key], StringComparison.Ordinal), $"{url} in German lacks \"{de[key]}\" ({key})");
            }
        }
    }

    [Fact]
    public async Task The_language_cookie_chooses_German_as_well_and_the_page_says_lang_de()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Add("Cookie", $"{Hearth.Web.Features.Languages.LanguageCookie.Name}=de");
        var response = await factory.NewClient().SendAsync(request);
        var page = await response.ParseAsync();
        Assert.Equal("de", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Nähe entsteht in kleinen Momenten", page.QuerySelector("h1")!.TextContent);

        var english = await factory.NewClient().GetPageAsync("/");
        Assert.Equal("Closeness, built in small moments", english.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("romantic", "Sobald deine Partner*in dazukommt", "Once your partner joins")]
    [InlineData("friends", "Sobald deine Freund*in dazukommt", "Once your friend joins")]
    [InlineData("family", "Sobald dein Familienmitglied dazukommt", "Once your family member joins")]
    public async Task Today_names_the_other_person_by_the_kind_of_space_in_each_language(string kind, string german, string english)
    {
        var ana = await Person.RegisterAsync(factory, "Ana");
        var spaceId = await ana.CreateSpaceAsync(kind);
        Assert.Contains(english, (await ana.Http.GetPageAsync($"/spaces/{spaceId}/today")).Body!.TextContent, StringComparison.Ordinal);
        German(ana.Http);
        Assert.Contains(german, (await ana.Http.GetPageAsync($"/spaces/{spaceId}/today")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_ritual_time_gets_its_German_message_beside_the_field_and_in_the_problem()
    {
        var (ana, _, spaceId) = await LivingApartPairAsync();
        German(ana.Http);
        var response = await ana.Http.SubmitAsync($"/spaces/{spaceId}/ritual", new Dictionary<string, string> { ["Day"] = "sunday", ["Time"] = "25:00" }, handler: "Ritual");
        await Expect.StatusAsync(HttpStatusCode.BadRequest, response);
        var page = await response.ParseAsync();
        Assert.Equal("Stunden gehen von 00 bis 23, deshalb ist 25:00 keine Uhrzeit.", page.FieldError("Time"));

        var waking = await ana.Http.SubmitAsync($"/spaces/{spaceId}/ritual", new Dictionary<string, string> { ["From"] = "08:00", ["To"] = "08:30" }, handler: "Waking");
        Assert.Equal("Deine wachen Stunden von 08:00 bis 08:30 sind kürzer als eine Stunde. Gib bitte mindestens eine Stunde an.", (await waking.ParseAsync()).FieldError("To"));

        var api = await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/ritual", new { day = "someday", time = "19:00" });
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, api);
        Assert.Equal(["„someday“ ist kein Wochentag. Wähl bitte einen von Montag bis Sonntag."], problem.FieldErrors("day"));

        // Nothing was saved by the refused tries, and English still reads as before.
        Assert.False((await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/ritual")).GetProperty("isSet").GetBoolean());
        ana.Http.DefaultRequestHeaders.AcceptLanguage.Clear();
        var inEnglish = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/ritual", new { day = "sunday", time = "25:00" }));
        Assert.Equal(["Hours go from 00 to 23, so 25:00 isn't a time of day."], inEnglish.FieldErrors("time"));
    }

    [Fact]
    public async Task The_ritual_page_shows_days_and_dates_in_German()
    {
        var (ana, _, spaceId) = await LivingApartPairAsync();
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/ritual", new { day = "sunday", time = "19:00" }));
        German(ana.Http);
        var page = await ana.Http.GetPageAsync($"/spaces/{spaceId}/ritual");
        var text = page.Body!.TextContent;
        Assert.Contains("Jeden Sonntag um 19:00 (", text, StringComparison.Ordinal);

        // 2026-06-01 is a Monday: the next Sunday is the 7th of June.
        Assert.Contains("Sonntag, 7. Juni, 19:00", text, StringComparison.Ordinal);
        Assert.Equal("Sonntag", page.QuerySelector("select[name=Day] option[value=sunday]")!.TextContent);
        Assert.DoesNotContain("Sunday", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_German_import_refusal_is_German_in_the_problem_and_on_the_page()
    {
        var ana = await Person.RegisterAsync(factory, "Ana");
        German(ana.Http);
        var api = await ana.Http.PostAsync(new Uri("/api/v1/account/import", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "text/plain"));
        var problem = await Expect.ProblemAsync(HttpStatusCode.UnsupportedMediaType, api);
        Assert.Equal("Schick die Exportdatei bitte als Inhalt der Anfrage, mit dem Header Content-Type: application/json.", problem.Detail());

        var notJson = await ana.Http.PostAsync(new Uri("/api/v1/account/import", UriKind.Relative), new StringContent("not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.StartsWith("Diese Datei ist kein gültiges JSON.", (await Expect.ProblemAsync(HttpStatusCode.BadRequest, notJson)).Detail(), StringComparison.Ordinal);

        var delete = await ana.Http.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Passphrase"] = "" });
        Assert.Equal("Gib bitte zur Bestätigung deine Passphrase ein. Es wurde nichts gelöscht.", (await delete.ParseAsync()).FieldError("Passphrase"));
        Assert.Equal(HttpStatusCode.OK, (await ana.Http.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_German_request_sends_German_e_mails_with_German_subjects()
    {
        var ana = await Person.RegisterAsync(factory, "Ana");
        var spaceId = await ana.CreateSpaceAsync("friends");
        German(ana.Http);
        var before = factory.ReadOutbox().ToHashSet(StringComparer.Ordinal);
        var invited = await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/invitations", new { email = "kim@example.org" });
        await Expect.StatusAsync(HttpStatusCode.Created, invited);

        var visitor = factory.NewClient();
        German(visitor);
        await Expect.StatusAsync(HttpStatusCode.Accepted, await visitor.PostAsJsonAsync("/api/v1/account/forgot-password", new { email = ana.Email }));

        var mails = factory.ReadOutbox().Where(m => !before.Contains(m)).ToList();
        var invitation = Assert.Single(mails, m => m.Contains("To: kim@example.org", StringComparison.Ordinal));
        Assert.Contains("Subject: Eine Einladung zu Hearth\r\n", invitation, StringComparison.Ordinal);
        Assert.Contains("eine Person, die du kennst, möchte dich zu Hearth einladen.", invitation, StringComparison.Ordinal);
        Assert.DoesNotContain("Someone you know", invitation, StringComparison.Ordinal);

        var reset = Assert.Single(mails, m => m.Contains($"To: {ana.Email}", StringComparison.Ordinal));
        Assert.Contains("Subject: Dein Hearth-Konto\r\n", reset, StringComparison.Ordinal);
        Assert.Contains("jemand (hoffentlich du) möchte eine neue Passphrase für Hearth wählen.", reset, StringComparison.Ordinal);
        Assert.Contains("/account/reset?u=", reset, StringComparison.Ordinal);

        // English is still the default, word for word.
        var english = factory.NewClient();
        await Expect.StatusAsync(HttpStatusCode.Accepted, await english.PostAsJsonAsync("/api/v1/account/forgot-password", new { email = ana.Email }));
        var latest = factory.ReadOutbox().Where(m => !before.Contains(m) && !mails.Contains(m)).ToList();
        Assert.Contains("Subject: Your Hearth account\r\n", Assert.Single(latest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_feed_is_the_same_discreet_Hearth_in_German()
    {
        var (ana, _, spaceId) = await LivingApartPairAsync();
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/ritual", new { day = "sunday", time = "19:00" }));
        var created = await ana.Http.PostAsync(new Uri("/api/v1/account/calendar-feed", UriKind.Relative), null);
        var url = new Uri((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!).PathAndQuery;

        var calendar = factory.NewClient();
        var inEnglish = await calendar.GetStringAsync(new Uri(url, UriKind.Relative));
        German(calendar);
        var inGerman = await calendar.GetStringAsync(new Uri(url, UriKind.Relative));

        // The feed carries only the product name, which no language translates: nothing to give away, in any language.
        Assert.Equal(inEnglish, inGerman);
        Assert.Contains("SUMMARY:Hearth", inGerman, StringComparison.Ordinal);
        Assert.All(SummaryLines().Matches(inGerman), m => Assert.Equal("SUMMARY:Hearth", m.Value.Trim()));
    }

    private static void German(HttpClient http)
    {
        http.DefaultRequestHeaders.AcceptLanguage.Clear();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE");
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de;q=0.9");
    }

    private async Task<(Person Ana, Person Ben, Guid SpaceId)> LivingApartPairAsync()
    {
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/settings", new { livingApart = true }));
        return (ana, ben, spaceId);
    }

    /// <summary>A page's words as a reader meets them: the text and the attributes that speak (title, aria-label, placeholder, alt, button values).</summary>
    private static async Task<string> TextOfAsync(HttpClient http, string url, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.AcceptLanguage.Clear();
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        var response = await http.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
        var page = await response.ParseAsync();
        var words = new List<string> { page.Title ?? "", page.Body?.TextContent ?? "" };
        foreach (var element in page.All)
        {
            foreach (var attribute in new[] { "title", "aria-label", "placeholder", "alt" })
            {
                if (element.GetAttribute(attribute) is { } value)
                {
                    words.Add(value);
                }
            }
        }

        if (language is not null)
        {
            Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        }

        return Regex.Replace(string.Join("\n", words), @"\s+", " ");
    }

    private static int Count(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;

    private static Dictionary<string, string> Entries(string resource, CultureInfo culture, bool onlyThisCulture = false)
    {
        var manager = new ResourceManager(resource, typeof(Program).Assembly);
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: !onlyThisCulture)
            ?? throw new InvalidOperationException($"No {culture.Name} resources for {resource}");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => Regex.Replace((string)e.Value!, @"\s+", " "), StringComparer.Ordinal);
    }

    private static List<string> Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"^SUMMARY[^\r\n]*", RegexOptions.Multiline)]
    private static partial Regex SummaryLines();
}

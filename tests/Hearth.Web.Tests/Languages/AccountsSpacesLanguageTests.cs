using System.Collections;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Resources;
using AngleSharp.Html.Dom;
using Hearth.Core.Languages;
using Hearth.Web.Features.Accounts;
using Hearth.Web.Features.Invitations;
using Hearth.Web.Features.Spaces;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Languages;

/// <summary>
/// Accounts, invitations and spaces in German: every page of the three features shows its German
/// words and none of their English ones, validation answers beside the field and in ProblemDetails
/// come in the member's language, and two members of one space on different languages each see the
/// space in their own, with the names they typed kept as typed.
/// </summary>
public abstract class AccountsSpacesLanguageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo(HearthLanguages.German);

    private static readonly Type[] Texts = [typeof(AccountsText), typeof(InvitationsText), typeof(SpacesText)];

    private static ResourceManager Resources<T>() => new(typeof(T).FullName!, typeof(T).Assembly);

    private static string De<T>(string key, params object[] args) =>
        string.Format(German, Resources<T>().GetString(key, German) ?? throw new KeyNotFoundException(key), args);

    private static string En<T>(string key, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, Resources<T>().GetString(key, CultureInfo.InvariantCulture) ?? throw new KeyNotFoundException(key), args);

    /// <summary>English values of the three features that German says differently (long enough not to occur by chance).</summary>
    private static IEnumerable<(string Key, string English)> EnglishOnly()
    {
        foreach (var type in Texts)
        {
            var resources = new ResourceManager(type.FullName!, type.Assembly);
            foreach (var entry in resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>())
            {
                var english = ((string)entry.Value!).Trim();
                var german = resources.GetString((string)entry.Key, German)!.Trim();
                if (english.Length >= 8 && english != german && !english.Contains('{', StringComparison.Ordinal))
                {
                    yield return ($"{type.Name}.{entry.Key}", english);
                }
            }
        }
    }

    /// <summary>What a reader sees: the text and the attributes read aloud or shown.</summary>
    private static string Seen(IHtmlDocument page) =>
        page.Body!.TextContent + " " + string.Join(" ", page.QuerySelectorAll("[title],[aria-label],[placeholder],[alt],input[type=submit],button[value]")
            .SelectMany(e => new[] { e.GetAttribute("title"), e.GetAttribute("aria-label"), e.GetAttribute("placeholder"), e.GetAttribute("alt") })
            .Where(v => v is not null));

    private HttpClient GermanVisitor()
    {
        var http = factory.NewClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "de");
        return http;
    }

    private async Task<Person> MemberAsync(string name, string language)
    {
        var person = await Person.RegisterAsync(factory, name);
        await Expect.StatusAsync(HttpStatusCode.OK, await person.Http.PutAsJsonAsync("/api/v1/account/language", new { language }));
        return person;
    }

    [Fact]
    public async Task Every_page_of_accounts_invitations_and_spaces_is_german_for_a_german_member()
    {
        factory.RequireAvailable();
        var ana = await MemberAsync("Ana", "de");
        var bea = await MemberAsync("Bea", "de");
        var paired = await ana.PairWithAsync(bea, "friends");
        var solo = await ana.CreateSpaceAsync("family");
        var token = await ana.InviteAsync(solo);
        var closing = await bea.CreateSpaceAsync("romantic");
        var cleo = await MemberAsync("Cleo", "de");
        await Expect.StatusAsync(HttpStatusCode.OK, await cleo.AcceptAsync(await bea.InviteAsync(closing)));
        await Expect.StatusAsync(HttpStatusCode.NoContent, await bea.LeaveAsync(closing));
        var visitor = GermanVisitor();
        var dan = await MemberAsync("Dan", "de");

        var pages = new List<(HttpClient Http, string Url, string Heading)>
        {
            (visitor, "/account/register", De<AccountsText>("RegisterHeading")),
            (visitor, "/account/sign-in", De<AccountsText>("SignInHeading")),
            (visitor, "/account/forgot", De<AccountsText>("ForgotHeading")),
            (visitor, $"/account/reset?u={Guid.NewGuid():N}&code=abc", De<AccountsText>("ResetHeading")),
            (visitor, "/account/sign-in/code", De<AccountsText>("CodeHeading")),
            (visitor, "/join/not-a-real-token", De<InvitationsText>("DeadHeading")),
            (visitor, $"/join/{token}", De<InvitationsText>("InvitedHeading")),
            (ana.Http, "/account/settings", De<AccountsText>("SettingsHeading")),
            (ana.Http, "/account/sign-out", De<AccountsText>("SignOutHeading")),
            (ana.Http, "/account/confirm", De<AccountsText>("ConfirmHeading")),
            (ana.Http, "/spaces", De<SpacesText>("IndexHeading")),
            (ana.Http, "/spaces/new", De<SpacesText>("NewHeading")),
            (ana.Http, $"/spaces/{solo}", De<SpacesText>("YourNewSpace")),
            (ana.Http, $"/spaces/{paired}", De<SpacesText>("YouAnd", "Bea")),
            (ana.Http, $"/spaces/{paired}/leave", De<SpacesText>("LeaveHeading")),
            (cleo.Http, "/spaces", De<SpacesText>("IndexHeading")),
            (cleo.Http, $"/spaces/{closing}", De<SpacesText>("ClosedHeading")),
            (dan.Http, $"/join/{token}", De<InvitationsText>("JoinHeading")),
        };

        var english = EnglishOnly().ToList();
        Assert.NotEmpty(english);
        var failures = new List<string>();
        foreach (var (http, url, heading) in pages)
        {
            // A dead invitation link answers 410 with its page.
            var page = await http.GetPageAsync(url, url.Contains("not-a-real-token", StringComparison.Ordinal) ? HttpStatusCode.Gone : HttpStatusCode.OK);
            if (page.DocumentElement.GetAttribute("lang") != "de")
            {
                failures.Add($"{url}: <html lang=\"{page.DocumentElement.GetAttribute("lang")}\">");
            }

            if (page.QuerySelector("h1")?.TextContent.Trim() != heading)
            {
                failures.Add($"{url}: heading '{page.QuerySelector("h1")?.TextContent.Trim()}', expected '{heading}'");
            }

            var seen = Seen(page);
            failures.AddRange(english.Where(e => seen.Contains(e.English, StringComparison.Ordinal)).Select(e => $"{url}: English {e.Key} '{e.English}'"));
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("romantic")]
    [InlineData("friends")]
    [InlineData("family")]
    public async Task The_other_person_is_named_for_the_kind_of_space_in_german(string kind)
    {
        factory.RequireAvailable();
        var ana = await MemberAsync("Ana", "de");
        var space = await ana.CreateSpaceAsync(kind);

        var page = await ana.Http.GetPageAsync($"/spaces/{space}");
        var headings = page.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains(De<SpacesText>($"InviteHeading.{kind}"), headings);
        Assert.Contains(De<SpacesText>($"Kind.{kind}"), (await ana.Http.GetPageAsync("/spaces")).QuerySelector(".space-list")!.TextContent, StringComparison.Ordinal);

        // English stays as it was.
        var bea = await Person.RegisterAsync(factory, "Bea");
        var english = await bea.Http.GetPageAsync($"/spaces/{await bea.CreateSpaceAsync(kind)}");
        Assert.Contains(En<SpacesText>($"InviteHeading.{kind}"), english.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task A_german_validation_message_stands_beside_its_field_on_the_page()
    {
        factory.RequireAvailable();
        var visitor = GermanVisitor();

        var answer = await visitor.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "",
            ["Input.Email"] = "not an address",
            ["Input.Password"] = "short",
        });
        var page = await answer.ParseAsync();

        Assert.Equal(De<AccountsText>("DisplayNameMissing"), page.FieldError("Input.DisplayName"));
        Assert.Equal(De<AccountsText>("EmailMalformed"), page.FieldError("Input.Email"));

        var passphrase = await visitor.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Zoë",
            ["Input.Email"] = $"{Guid.NewGuid():N}@example.org",
            ["Input.Password"] = "short",
        });
        Assert.Equal(De<AccountsText>("PassphraseTooShort", 15), (await passphrase.ParseAsync()).FieldError("Input.Password"));

        var ana = await MemberAsync("Ana", "de");
        var settings = await (await ana.Http.SubmitAsync("/account/settings", new Dictionary<string, string> { ["TimeZoneId"] = "Mars/Olympus" })).ParseAsync();
        Assert.Equal(De<AccountsText>("TimeZoneUnknown"), settings.FieldError("TimeZoneId"));
    }

    [Fact]
    public async Task German_validation_and_refusals_come_in_problem_details()
    {
        factory.RequireAvailable();
        var visitor = GermanVisitor();

        var register = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await visitor.PostAsJsonAsync("/api/v1/account/register", new { email = "x", password = "abc", displayName = "" }));
        Assert.Equal(De<AccountsText>("DisplayNameMissing"), Assert.Single(register.FieldErrors("displayName")));
        Assert.Equal(De<AccountsText>("EmailMalformed"), Assert.Single(register.FieldErrors("email")));

        var common = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await visitor.PostAsJsonAsync("/api/v1/account/register", new { email = $"{Guid.NewGuid():N}@example.org", password = "passwordpassword", displayName = "Zoë" }));
        Assert.Equal(De<AccountsText>("PassphraseCommon"), Assert.Single(common.FieldErrors("password")));

        var wrong = await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await visitor.PostAsJsonAsync("/api/v1/account/sign-in", new { email = $"{Guid.NewGuid():N}@example.org", password = "a long walk by the quiet river" }));
        Assert.Equal(De<AccountsText>("WrongCredentials"), wrong.Detail());

        var ana = await MemberAsync("Ana", "de");
        var kind = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync("/api/v1/spaces", new { kind = "pets" }));
        Assert.Equal(De<SpacesText>("KindMissing"), Assert.Single(kind.FieldErrors("kind")));

        var bad = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.AcceptAsync("not-a-token"));
        Assert.Equal(De<InvitationsText>("NotValid"), bad.Detail());

        var space = await ana.CreateSpaceAsync();
        var own = await ana.AcceptAsync(await ana.InviteAsync(space));
        Assert.Equal(De<InvitationsText>("ProblemOwnInvitation"), (await own.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).Detail());

        // The same refusals in English for an English member, word for word as before.
        var bea = await Person.RegisterAsync(factory, "Bea");
        var english = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await bea.AcceptAsync("not-a-token"));
        Assert.Equal("This invitation link is not valid. It may have been copied only in part. Ask for a fresh link.", english.Detail());
    }

    [Fact]
    public async Task Two_members_on_different_languages_each_see_the_space_in_their_own()
    {
        factory.RequireAvailable();
        var zoe = await MemberAsync("Zoë Ñandú", "de");
        var sam = await MemberAsync("Sam O'Brien", "en");
        var space = await zoe.PairWithAsync(sam, "romantic");

        var german = await zoe.Http.GetPageAsync($"/spaces/{space}");
        var english = await sam.Http.GetPageAsync($"/spaces/{space}");

        Assert.Equal("de", german.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal(De<SpacesText>("YouAnd", "Sam O'Brien"), german.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("You and Zoë Ñandú", english.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(De<SpacesText>("BothHere", "Sam O'Brien"), german.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(En<SpacesText>("BothHere", "Zoë Ñandú"), english.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(En<SpacesText>("BothHereHeading"), german.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(De<SpacesText>("BothHereHeading"), english.Body!.TextContent, StringComparison.Ordinal);

        Assert.Contains(De<SpacesText>("StatePaired"), (await zoe.Http.GetPageAsync("/spaces")).QuerySelector(".space-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(En<SpacesText>("StatePaired"), (await sam.Http.GetPageAsync("/spaces")).QuerySelector(".space-list")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class AccountsSpacesLanguageOnSqlite(SqliteHearthFactory factory) : AccountsSpacesLanguageTests<SqliteHearthFactory>(factory);

public sealed class AccountsSpacesLanguageOnPostgres(PostgresHearthFactory factory) : AccountsSpacesLanguageTests<PostgresHearthFactory>(factory);

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Languages;

/// <summary>
/// A member's own language, stored on the account: chosen through the API or the settings page, used
/// on every device they sign in on, refused clearly when unknown, and never seen or changed by the
/// other member of the space (who may use another language).
/// </summary>
public abstract class LanguageSettingTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    [Fact]
    public async Task A_chosen_language_is_kept_on_the_account_and_used_on_a_new_device()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");

        var before = await ana.GetJsonAsync("/api/v1/account/language");
        Assert.Equal(JsonValueKind.Null, before.GetProperty("language").ValueKind);
        Assert.Equal("en", before.GetProperty("showing").GetString());
        Assert.Equal(["English", "Deutsch"], before.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray());

        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync("/api/v1/account/language", new { language = "de" }));

        Assert.Equal("de", (await ana.GetJsonAsync("/api/v1/account/language")).GetProperty("language").GetString());
        Assert.Equal("de", (await ana.Http.GetPageAsync("/account/settings")).DocumentElement.GetAttribute("lang"));

        // Another device: a fresh browser that says it prefers English still gets her German.
        var phone = new Person(factory, factory.NewClient(), ana.Email, ana.Password, ana.Name);
        phone.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        await phone.SignInAsync();
        var settings = await phone.Http.GetPageAsync("/account/settings");
        Assert.Equal("de", settings.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Zum Inhalt springen", settings.QuerySelector(".skip-link")!.TextContent.Trim());
        Assert.NotNull(settings.QuerySelector("input[name='Language'][value='de'][checked]"));

        // Forgetting the choice lets the browser decide again.
        await Expect.StatusAsync(HttpStatusCode.OK, await phone.Http.PutAsJsonAsync("/api/v1/account/language", new { language = (string?)null }));
        Assert.Equal("en", (await phone.Http.GetPageAsync("/account/settings")).DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("xx")]
    [InlineData("de-AT")]
    [InlineData("Deutsch")]
    [InlineData("*")]
    [InlineData("qps-Ploc")]
    [InlineData("de;q=1")]
    [InlineData("   ")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task An_unknown_language_is_refused_with_a_clear_problem_and_changes_nothing(string language)
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync("/api/v1/account/language", new { language = "de" }));

        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PutAsJsonAsync("/api/v1/account/language", new { language }));

        var message = Assert.Single(problem.FieldErrors("language"));
        Assert.Contains("en, de", message, StringComparison.Ordinal);
        Assert.Equal("de", (await ana.GetJsonAsync("/api/v1/account/language")).GetProperty("language").GetString());
    }

    [Fact]
    public async Task The_refusal_is_in_the_members_own_language()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync("/api/v1/account/language", new { language = "de" }));

        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PutAsJsonAsync("/api/v1/account/language", new { language = "fr" }));

        Assert.Equal("Bitte wähl eine der Sprachen, die Hearth spricht: en, de.", Assert.Single(problem.FieldErrors("language")));
    }

    [Fact]
    public async Task Two_members_of_one_space_each_keep_their_own_language_and_neither_sees_or_changes_the_others()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        var tried = 0;
        var failed = 0;

        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync("/api/v1/account/language", new { language = "de" }));
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PutAsJsonAsync("/api/v1/account/language", new { language = "en" }));

        // Each sees the same space's pages in their own language.
        var anaSees = (await ana.Http.GetPageAsync($"/spaces/{spaceId}")).DocumentElement.GetAttribute("lang");
        var benSees = (await ben.Http.GetPageAsync($"/spaces/{spaceId}")).DocumentElement.GetAttribute("lang");
        tried += 2;
        failed += (anaSees == "de" ? 0 : 1) + (benSees == "en" ? 0 : 1);

        // Ben's changes touch only his own account; nothing he can read names Ana's language.
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PutAsJsonAsync("/api/v1/account/language", new { language = "de" }));
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PutAsJsonAsync("/api/v1/account/language", new { language = (string?)null }));
        var anaAfter = (await ana.GetJsonAsync("/api/v1/account/language")).GetProperty("language").GetString();
        tried++;
        failed += anaAfter == "de" ? 0 : 1;

        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync("/api/v1/account/language", new { language = "en" }));
        var space = await (await ben.Http.GetAsync(new Uri($"/api/v1/spaces/{spaceId}", UriKind.Relative))).Content.ReadAsStringAsync();
        var anaAsDe = await ana.Http.PutAsJsonAsync("/api/v1/account/language", new { language = "de" });
        var spaceAgain = await (await ben.Http.GetAsync(new Uri($"/api/v1/spaces/{spaceId}", UriKind.Relative))).Content.ReadAsStringAsync();
        tried++;
        failed += space == spaceAgain ? 0 : 1;
        await Expect.StatusAsync(HttpStatusCode.OK, anaAsDe);

        SecurityReport.Record("the other member never sees or changes your language", factory.ProviderName, tried, failed,
            $"{GetType().Name}.{nameof(Two_members_of_one_space_each_keep_their_own_language_and_neither_sees_or_changes_the_others)}",
            "two members on different languages: each page in their own; his changes leave hers; her change leaves what he reads of the space byte for byte");
        Assert.Equal("de", anaSees);
        Assert.Equal("en", benSees);
        Assert.Equal("de", anaAfter);
        Assert.Equal(space, spaceAgain);
    }

    [Fact]
    public async Task Signed_out_the_language_cannot_be_read_or_set()
    {
        factory.RequireAvailable();
        var visitor = factory.NewClient();
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await visitor.GetAsync(new Uri("/api/v1/account/language", UriKind.Relative)));
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await visitor.PutAsJsonAsync("/api/v1/account/language", new { language = "de" }));
    }
}

public sealed class LanguageSettingOnSqlite(SqliteHearthFactory factory) : LanguageSettingTests<SqliteHearthFactory>(factory);

public sealed class LanguageSettingOnPostgres(PostgresHearthFactory factory) : LanguageSettingTests<PostgresHearthFactory>(factory);

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Features.Counsellors;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Tests.Counsellors;

/// <summary>
/// A practice the counsellor suggests (ADR 50 §1): only while both consented, only from the
/// catalogue and fitting the pair, with a short plain note; both members see it as from their
/// counsellor, each puts it away for themselves, it stays theirs after the access ended, and a
/// counsellor cannot flood the pair.
/// </summary>
public abstract class CounsellorSuggestionTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    private async Task<(Person Ana, Person Ben, Guid Space, Person Cleo, Guid Grant)> ConsentedAsync(string kind = "romantic")
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var space = await ana.PairWithAsync(ben, kind);
        var cleo = await CounsellorSteps.CounsellorAsync(factory);
        var grant = await CounsellorSteps.BothConsentAsync(ana, ben, space, cleo, firstScopes: ["map"], secondScopes: ["map"]);
        return (ana, ben, space, cleo, grant);
    }

    private static Task<HttpResponseMessage> SuggestAsync(Person counsellor, Guid grant, string? practiceId, string? note = null) =>
        counsellor.Http.PostAsJsonAsync($"/api/v1/counsellor/pairs/{grant}/suggestions", new { practiceId, note });

    private static async Task<JsonElement> SuggestionsAsync(Person member, Guid space) =>
        await member.GetJsonAsync($"/api/v1/spaces/{space}/counsellor/suggestions");

    private Task<int> CountAsync(Guid space) =>
        factory.WithDbAsync(db => db.Set<CounsellorSuggestion>().IgnoreQueryFilters().CountAsync(x => x.SpaceId == space));

    [Fact]
    public async Task Both_members_see_the_counsellors_suggestion_as_theirs_and_each_puts_it_away_alone()
    {
        var (ana, ben, space, cleo, grant) = await ConsentedAsync();
        var sheet = await cleo.GetJsonAsync($"/api/v1/counsellor/pairs/{grant}");
        Assert.Contains(sheet.GetProperty("practices").EnumerateArray(), p => p.GetProperty("id").GetString() == "practice.walk-and-talk");
        Assert.Equal(0, sheet.GetProperty("suggestions").GetArrayLength());

        var note = "Try this <b>before</b> our next session.\nNo pressure.";
        var created = await SuggestAsync(cleo, grant, "practice.walk-and-talk", "  " + note + "  ");
        await Expect.StatusAsync(HttpStatusCode.Created, created);

        foreach (var member in new[] { ana, ben })
        {
            var item = Assert.Single((await SuggestionsAsync(member, space)).EnumerateArray());
            Assert.Equal("practice.walk-and-talk", item.GetProperty("practiceId").GetString());
            Assert.Equal(note, item.GetProperty("note").GetString());
            Assert.Equal("Cleo", item.GetProperty("counsellorName").GetString());

            // On the practices page, under "From your counsellor", the note as plain text (never markup), with a way to add it.
            var html = await member.Http.GetStringAsync(new Uri($"/spaces/{space}/practices", UriKind.Relative));
            Assert.Contains("From your counsellor", html, StringComparison.Ordinal);
            Assert.Contains("&lt;b&gt;before&lt;/b&gt;", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>before</b>", html, StringComparison.Ordinal);
            Assert.Contains("Your counsellor&#x27;s words", html, StringComparison.Ordinal);
        }

        // The counsellor's own sheet lists it while the access lasts.
        Assert.Equal(1, (await cleo.GetJsonAsync($"/api/v1/counsellor/pairs/{grant}")).GetProperty("suggestions").GetArrayLength());

        // Ana puts it away from the practices page: gone for her, still there for Ben.
        var id = (await SuggestionsAsync(ana, space))[0].GetProperty("id").GetGuid();
        var dismissed = await ana.Http.SubmitAsync($"/spaces/{space}/practices", new Dictionary<string, string>(), handler: "Dismiss");
        Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
        Assert.EndsWith($"/spaces/{space}/practices", dismissed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, (await SuggestionsAsync(ana, space)).GetArrayLength());
        Assert.DoesNotContain("From your counsellor", await ana.Http.GetStringAsync(new Uri($"/spaces/{space}/practices", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(1, (await SuggestionsAsync(ben, space)).GetArrayLength());

        // Someone of another space cannot put it away, not through their own space either: the missing-id 404, nothing written.
        var cy = await Person.RegisterAsync(factory, "Cy");
        var cySpace = await cy.CreateSpaceAsync();
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await cy.Http.PostAsync(new Uri($"/api/v1/spaces/{cySpace}/counsellor/suggestions/{id}/dismiss", UriKind.Relative), null));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await cy.Http.PostAsync(new Uri($"/api/v1/spaces/{space}/counsellor/suggestions/{id}/dismiss", UriKind.Relative), null));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<CounsellorSuggestionDismissal>().IgnoreQueryFilters().CountAsync(d => d.SuggestionId == id)));

        // Putting it away twice is still "away"; an unknown id is the missing-id 404.
        await Expect.StatusAsync(HttpStatusCode.NoContent, await ana.Http.PostAsync(new Uri($"/api/v1/spaces/{space}/counsellor/suggestions/{id}/dismiss", UriKind.Relative), null));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await ana.Http.PostAsync(new Uri($"/api/v1/spaces/{space}/counsellor/suggestions/{Guid.NewGuid()}/dismiss", UriKind.Relative), null));

        // Ana's export holds the suggestion, the note and when she put it away; it follows the schema.
        var (_, _, doc) = await Hearth.Web.Tests.DataRights.DataWorld.ExportAsync(ana);
        var schema = Hearth.Web.Tests.DataRights.MiniJsonSchema.Load(Path.Combine(Architecture.OpenApiDocument.RepositoryRoot(), "docs", "export-format.schema.json"));
        Assert.Empty(schema.Validate(doc));
        var exported = Assert.Single(doc.GetProperty("spaces").EnumerateArray().Single(s => s.GetProperty("state").GetString() == "paired").GetProperty("mine").GetProperty("counsellorSuggestions").EnumerateArray());
        Assert.Equal(note, exported.GetProperty("note").GetString());
        Assert.Equal(cleo.Email, exported.GetProperty("counsellorEmail").GetString());
        Assert.NotEqual(JsonValueKind.Null, exported.GetProperty("dismissedAt").ValueKind);

        // Ben ends the access: the counsellor can neither read nor suggest; Ben keeps what was suggested.
        await Expect.StatusAsync(HttpStatusCode.NoContent, await ben.EndCounsellorAsync(space));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await SuggestAsync(cleo, grant, "practice.walk-and-talk"));
        Assert.Equal(1, await CountAsync(space));
        Assert.Equal(1, (await SuggestionsAsync(ben, space)).GetArrayLength());
        Assert.Contains(note.Split('\n')[1], await ben.Http.GetStringAsync(new Uri($"/spaces/{space}/counsellor", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suggestion_fits_the_pair_and_bad_input_is_explained_beside_the_field_with_nothing_written()
    {
        var (ana, _, space, cleo, grant) = await ConsentedAsync(kind: "friends");

        async Task FieldAsync(string field, string? practiceId, string? note)
        {
            var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await SuggestAsync(cleo, grant, practiceId, note));
            Assert.NotEmpty(problem.FieldErrors(field));
        }

        await FieldAsync("practiceId", null, null);
        await FieldAsync("practiceId", "practice.not-in-the-catalogue", null);
        await FieldAsync("practiceId", "practice.hold-hands", null); // for romantic partners only
        await FieldAsync("note", "practice.walk-and-talk", new string('a', CounsellorRules.MaxNoteLength + 1));
        await FieldAsync("note", "practice.walk-and-talk", "a hidden \u0007 bell");
        Assert.Equal(0, await CountAsync(space));
        Assert.DoesNotContain((await cleo.GetJsonAsync($"/api/v1/counsellor/pairs/{grant}")).GetProperty("practices").EnumerateArray(), p => p.GetProperty("id").GetString() == "practice.hold-hands");

        // The same on the sheet's form: the message beside the field, the note kept as typed.
        var page = await cleo.Http.SubmitAsync($"/counsellor/{grant}", new Dictionary<string, string> { ["Input.PracticeId"] = "", ["Input.Note"] = "Keep me" }, handler: "Suggest");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var doc = await page.ParseAsync();
        Assert.Equal("Please choose a practice.", doc.FieldError("Input.PracticeId"));
        Assert.Equal("Keep me", doc.QuerySelector("#suggest-note")!.TextContent);
        Assert.Equal(0, await CountAsync(space));

        // A pair who live apart get the form of a practice for a distance: walk and talk becomes a walk on a call.
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{space}/settings", new { livingApart = true }));
        var created = await SuggestAsync(cleo, grant, "practice.walk-and-talk", "");
        await Expect.StatusAsync(HttpStatusCode.Created, created);
        var view = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("practice.walk-on-a-call", view.GetProperty("practiceId").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("note").ValueKind);

        // And from the form, it lands on the sheet.
        var posted = await cleo.Http.SubmitAsync($"/counsellor/{grant}", new Dictionary<string, string> { ["Input.PracticeId"] = "practice.phone-basket", ["Input.Note"] = "Just for a week." }, handler: "Suggest");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var sheet = await cleo.Http.GetStringAsync(new Uri($"/counsellor/{grant}", UriKind.Relative));
        Assert.Contains("Just for a week.", sheet, StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync(space));
    }

    [Fact]
    public async Task A_counsellor_cannot_flood_the_pair_even_with_requests_at_once()
    {
        var (ana, ben, space, cleo, grant) = await ConsentedAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, CounsellorRules.MaxOpenSuggestions + 4).Select(_ => SuggestAsync(cleo, grant, "practice.walk-and-talk")));
        Assert.Equal(CounsellorRules.MaxOpenSuggestions, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(CounsellorRules.MaxOpenSuggestions, await CountAsync(space));
        await Expect.ProblemAsync(HttpStatusCode.Conflict, await SuggestAsync(cleo, grant, "practice.walk-and-talk"));

        // One put away by one member still waits for the other; put away by both, there is room for one more.
        var id = (await SuggestionsAsync(ana, space))[0].GetProperty("id").GetGuid();
        await Expect.StatusAsync(HttpStatusCode.NoContent, await ana.Http.PostAsync(new Uri($"/api/v1/spaces/{space}/counsellor/suggestions/{id}/dismiss", UriKind.Relative), null));
        await Expect.ProblemAsync(HttpStatusCode.Conflict, await SuggestAsync(cleo, grant, "practice.walk-and-talk"));
        await Expect.StatusAsync(HttpStatusCode.NoContent, await ben.Http.PostAsync(new Uri($"/api/v1/spaces/{space}/counsellor/suggestions/{id}/dismiss", UriKind.Relative), null));
        await Expect.StatusAsync(HttpStatusCode.Created, await SuggestAsync(cleo, grant, "practice.walk-and-talk"));
        await Expect.ProblemAsync(HttpStatusCode.Conflict, await SuggestAsync(cleo, grant, "practice.walk-and-talk"));
    }
}

public sealed class CounsellorSuggestionsOnSqlite(SqliteHearthFactory factory) : CounsellorSuggestionTests<SqliteHearthFactory>(factory);

public sealed class CounsellorSuggestionsOnPostgres(PostgresHearthFactory factory) : CounsellorSuggestionTests<PostgresHearthFactory>(factory);

using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Tests.Security;

/// <summary>Bad input gets a clear 4xx ProblemDetails, and nothing is written.</summary>
public sealed class BadInputTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    private Task<int> SpaceCountAsync() => factory.WithDbAsync(db => db.Spaces.All().CountAsync());

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("""{"kind": 3}""", "not valid JSON")]
    [InlineData("""{"kind": "romantic", "label": {"nested": true}}""", "not valid JSON")]
    [InlineData("""{"kind": "romantic", "colour": "red"}""", "not valid JSON")]
    [InlineData("[]", "not valid JSON")]
    public async Task Malformed_json_is_refused_clearly(string body, string expected)
    {
        var person = await Person.RegisterAsync(factory);
        var before = await SpaceCountAsync();
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await person.Http.PostAsync(new Uri("/api/v1/spaces", UriKind.Relative), Json(body)));
        Assert.Contains(expected, problem.Detail(), StringComparison.Ordinal);
        Assert.Equal(before, await SpaceCountAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415()
    {
        var person = await Person.RegisterAsync(factory);
        var response = await person.Http.PostAsync(new Uri("/api/v1/spaces", UriKind.Relative), new StringContent("kind=romantic", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Contains("application/json", (await Expect.ProblemAsync(HttpStatusCode.UnsupportedMediaType, response)).Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_body_gets_413_without_a_server_error()
    {
        var person = await Person.RegisterAsync(factory);
        var huge = "{\"kind\":\"romantic\",\"label\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";
        var response = await person.Http.PostAsync(new Uri("/api/v1/spaces", UriKind.Relative), Json(huge));
        Assert.True((int)response.StatusCode is 413 or 400, $"got {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("""{"kind":"spouse"}""", "kind", "romantic, friends or family")]
    [InlineData("""{}""", "kind", "romantic, friends or family")]
    [InlineData("""{"kind":"friends","label":"0123456789012345678901234567890123456789012345678901234567890"}""", "label", "60 characters")]
    [InlineData("""{"kind":"friends","label":"two\nlines"}""", "label", "control characters")]
    public async Task Invalid_fields_are_named_with_a_reason(string body, string field, string expected)
    {
        var person = await Person.RegisterAsync(factory);
        var before = await SpaceCountAsync();
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await person.Http.PostAsync(new Uri("/api/v1/spaces", UriKind.Relative), Json(body)));
        Assert.Contains(expected, Assert.Single(problem.FieldErrors(field)), StringComparison.Ordinal);
        Assert.Equal(before, await SpaceCountAsync());
    }

    [Fact]
    public async Task Markup_in_text_is_stored_as_text_and_shown_escaped()
    {
        var person = await Person.RegisterAsync(factory, name: "<script>alert(1)</script>");
        var spaceId = await person.CreateSpaceAsync(label: "<img src=x onerror=alert(2)>");
        Assert.Equal("<img src=x onerror=alert(2)>", (await person.GetJsonAsync($"/api/v1/spaces/{spaceId}")).GetProperty("label").GetString());
        var html = await (await person.Http.GetAsync(new Uri($"/spaces/{spaceId}", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/spaces/not-a-guid")]
    [InlineData("/api/v1/nothing-here")]
    public async Task Unknown_addresses_under_the_api_get_a_problem_404(string url)
    {
        var person = await Person.RegisterAsync(factory);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await person.Http.GetAsync(new Uri(url, UriKind.Relative)));
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var person = await Person.RegisterAsync(factory);
        var before = await SpaceCountAsync();
        var response = await person.Http.PostAsync(new Uri("/spaces/new", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Kind"] = "family" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await SpaceCountAsync());
    }

    [Fact]
    public async Task Nothing_in_an_error_body_echoes_secrets()
    {
        var response = await factory.NewClient().PostAsJsonAsync("/api/v1/account/sign-in", new { email = "someone@example.org", password = "my very secret passphrase" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
        Assert.DoesNotContain("someone@example.org", body, StringComparison.Ordinal);
    }
}

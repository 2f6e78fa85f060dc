using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hearth.Web.Tests.Infrastructure;

/// <summary>
/// One person using Hearth through the JSON API, with their own cookies. Intent methods
/// (RegisterAsync, CreateSpaceAsync, InviteAsync, AcceptAsync, LeaveAsync) keep tests readable.
/// </summary>
public sealed class Person(HearthFactory factory, HttpClient http, string email, string password, string name)
{
    public const string DefaultPassword = "a long walk by the quiet river";

    public HttpClient Http { get; } = http;

    public string Email { get; } = email;

    public string Password { get; private set; } = password;

    public string Name { get; } = name;

    public HearthFactory Factory { get; } = factory;

    public static async Task<Person> RegisterAsync(HearthFactory factory, string? name = null, bool signIn = true)
    {
        name ??= "Person " + Guid.NewGuid().ToString("N")[..6];
        var email = $"{Guid.NewGuid():N}@example.org";
        var http = factory.NewClient();
        var response = await http.PostAsJsonAsync("/api/v1/account/register", new { email, password = DefaultPassword, displayName = name });
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        var person = new Person(factory, http, email, DefaultPassword, name);
        if (signIn)
        {
            await person.SignInAsync();
        }

        return person;
    }

    public async Task SignInAsync()
    {
        var response = await Http.PostAsJsonAsync("/api/v1/account/sign-in", new { email = Email, password = Password });
        await Expect.StatusAsync(HttpStatusCode.OK, response);
    }

    public void PasswordChangedTo(string password) => Password = password;

    public async Task<Guid> CreateSpaceAsync(string kind = "romantic", string? label = null)
    {
        var response = await Http.PostAsJsonAsync("/api/v1/spaces", new { kind, label });
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>Creates an invitation link and returns the token part of it.</summary>
    public async Task<string> InviteAsync(Guid spaceId)
    {
        var response = await Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/invitations", new { });
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        var url = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        return url[(url.LastIndexOf('/') + 1)..];
    }

    public Task<HttpResponseMessage> AcceptAsync(string token) =>
        Http.PostAsJsonAsync("/api/v1/invitations/accept", new { token });

    public async Task<Guid> PairWithAsync(Person other, string kind = "romantic")
    {
        var spaceId = await CreateSpaceAsync(kind);
        var token = await InviteAsync(spaceId);
        await Expect.StatusAsync(HttpStatusCode.OK, await other.AcceptAsync(token));
        return spaceId;
    }

    public Task<HttpResponseMessage> LeaveAsync(Guid spaceId) =>
        Http.PostAsync($"/api/v1/spaces/{spaceId}/leave", null);

    public async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await Http.GetAsync(new Uri(url, UriKind.Relative));
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public static class Expect
{
    /// <summary>Asserts a status code, showing the body when it differs (so failures explain themselves).</summary>
    public static async Task StatusAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {(int)expected} {expected} but got {(int)response.StatusCode} {response.StatusCode} for {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        }
    }

    /// <summary>Asserts a ProblemDetails answer with the status, and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        await StatusAsync(expected, response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    public static string Detail(this JsonElement problem) => problem.GetProperty("detail").GetString() ?? "";

    public static string[] FieldErrors(this JsonElement problem, string field) =>
        problem.GetProperty("errors").TryGetProperty(field, out var list)
            ? list.EnumerateArray().Select(e => e.GetString()!).ToArray()
            : [];
}

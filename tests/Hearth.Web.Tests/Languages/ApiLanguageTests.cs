using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Languages;

/// <summary>
/// The API's own problems (404, 401, unreadable JSON, a request from another site, validation) answer
/// in the language the request asks for: German for a German request, English otherwise, unchanged.
/// </summary>
public sealed class ApiLanguageTests
{
    public static TheoryData<string, string, string, string> Problems() => new()
    {
        // what, language, title, detail
        { "missing", "de", "Nicht gefunden", "Das haben wir nicht gefunden." },
        { "missing", "en", "Not found", "We couldn't find that." },
        { "missing", "de-AT", "Nicht gefunden", "Das haben wir nicht gefunden." },
        { "missing", "xx", "Not found", "We couldn't find that." },
        { "signed-out", "de", "Nicht angemeldet", "Bitte melde dich zuerst an." },
        { "signed-out", "en", "Not signed in", "Please sign in first." },
        { "unreadable", "de", "JSON nicht lesbar", "Der Inhalt ist kein gültiges JSON, oder ein Feld hat den falschen Typ. Prüf die Feldnamen und Werte und versuch es noch einmal." },
        { "unreadable", "en", "Unreadable JSON", "The body is not valid JSON, or a field has the wrong type. Check the field names and values and try again." },
        { "another-site", "de", "Bitte nutze Hearth selbst", "Das kam von einer anderen Website, darum hat Hearth alles so gelassen, wie es war. Wenn du das wirklich wolltest, mach es bitte direkt in Hearth." },
        { "another-site", "en", "Please use Hearth itself", "This came from another site, so Hearth left everything as it was. If you meant to do it, please do it in Hearth itself." },
        { "no-route", "de", "Nicht gefunden", "Das haben wir nicht gefunden." },
        { "idempotency", "de", "Bitte schau dir deine Angaben noch einmal an", "Einiges von dem, was du geschickt hast, braucht noch einen zweiten Blick." },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public async Task A_problem_answers_in_the_language_asked_for(string what, string language, string title, string detail)
    {
        await using var world = new SqliteHearthFactory();
        var ana = await Person.RegisterAsync(world, "Ana");
        var http = what == "signed-out" || what == "another-site" ? world.NewClient() : ana.Http;
        http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));

        using var request = what switch
        {
            "missing" => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/spaces/{Guid.NewGuid()}"),
            "signed-out" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/spaces"),
            "unreadable" => new HttpRequestMessage(HttpMethod.Post, "/api/v1/spaces") { Content = new StringContent("{", Encoding.UTF8, "application/json") },
            "another-site" => new HttpRequestMessage(HttpMethod.Post, "/api/v1/spaces") { Content = new StringContent("{}", Encoding.UTF8, "application/json"), Headers = { { "Sec-Fetch-Site", "cross-site" } } },
            "no-route" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-thing"),
            "idempotency" => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/spaces/{await ana.CreateSpaceAsync("friends")}/memories") { Content = new StringContent("{\"title\":\"A walk\"}", Encoding.UTF8, "application/json"), Headers = { { "Idempotency-Key", new string('k', 101) } } },
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };
        var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode >= 400, $"{what}: {(int)response.StatusCode} {body}");
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
        if (what == "idempotency")
        {
            var message = problem.RootElement.GetProperty("errors").EnumerateObject().Single().Value[0].GetString();
            Assert.Equal("Der Idempotency-Key darf höchstens 100 Zeichen lang sein.", message);
        }
    }

    /// <summary>
    /// Every answer the API's exception handler can give (one exception per arm of its description)
    /// is one of the platform's sentences, so it leaves in German for a German request too.
    /// </summary>
    [Fact]
    public async Task Every_problem_the_exception_handler_describes_is_said_in_German_too()
    {
        await using var world = new SqliteHearthFactory();
        var words = world.Services.GetRequiredService<Hearth.Web.Api.ProblemWords>();
        var german = new System.Globalization.CultureInfo("de");
        Exception[] samples =
        [
            new BadHttpRequestException("unsupported", 415),
            new BadHttpRequestException("too large", 413),
            new BadHttpRequestException("unreadable", new JsonException()),
            new BadHttpRequestException("Required request body is missing", 400),
            new BadHttpRequestException("a route value", 400),
            new IOException("No space left on device", 28),
            new Hearth.Web.Data.Encryption.KeyRingMissingException(new InvalidOperationException()),
            new Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException("a row went away"),
            new InvalidOperationException("anything else"),
        ];
        var english = new List<string>();
        foreach (var sample in samples)
        {
            var (_, title, detail) = Hearth.Web.Api.ApiExceptionHandler.Describe(sample);
            english.AddRange(new[] { title, detail }.Where(t => words.Translate(t, german) == t));
        }

        Assert.Empty(english);
    }

    [Fact]
    public async Task A_wait_after_wrong_passphrases_is_said_with_the_right_plural_in_German()
    {
        await using var world = new SqliteHearthFactory();
        var ana = await Person.RegisterAsync(world, "Ana", signIn: false);
        var http = world.NewClient();
        http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("de"));
        HttpResponseMessage response;
        var tries = 0;
        do
        {
            response = await http.PostAsync(new Uri("/api/v1/account/sign-in", UriKind.Relative), new StringContent(JsonSerializer.Serialize(new { email = ana.Email, password = "not the passphrase" }), Encoding.UTF8, "application/json"));
        }
        while (response.StatusCode != HttpStatusCode.TooManyRequests && ++tries < 50);

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Zu viele Versuche", problem.RootElement.GetProperty("title").GetString());
        Assert.Matches(@"^Es gab mehrere falsche Versuche\. Bitte warte (etwa \d+ Minuten?|\d+ Sekunden?) und versuch es dann noch einmal\.$", problem.RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain("(s)", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}

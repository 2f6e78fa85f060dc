using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Security;

/// <summary>
/// Cross-site request forgery on the API (ADR 13): every operation that may change something,
/// taken from the app's own endpoint data source, is sent by a forged form or script on another
/// origin with Ana's cookies. Each is refused with a 403 ProblemDetails and nothing changes (her
/// spaces stay open, the database holds exactly the rows it held).
/// </summary>
public abstract class CrossOriginApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    /// <summary>What another site can make a signed-in browser send, without Hearth's say-so.</summary>
    private static readonly (string Name, Func<HttpContent?> Content, string? Origin, string? Site)[] Forgeries =
    [
        ("a form from another site", () => Form(), "https://evil.example", "cross-site"),
        ("a form from a sibling host of the same site", () => Form(), "https://sibling.localhost", "same-site"),
        ("a text/plain form carrying JSON, from a browser that names no origin", () => new StringContent("{\"x\":\"=\"}", Encoding.UTF8, "text/plain"), null, null),
        ("a multipart form, from a browser that names no origin", () => new MultipartFormDataContent { { new StringContent("1"), "x" } }, null, null),
        ("a body-less no-cors fetch from a sibling host", () => null, "https://sibling.localhost", "same-site"),
        ("a body-less request with no proof at all", () => null, null, null),
        ("JSON sent from another origin", () => new StringContent("{}", Encoding.UTF8, "application/json"), "https://evil.example", null),
        ("JSON from a sibling host (Sec-Fetch-Site only)", () => new StringContent("{}", Encoding.UTF8, "application/json"), null, "same-site"),
        ("an opaque origin (a sandboxed frame)", () => Form(), "null", "cross-site"),
    ];

    public static IReadOnlyList<(string Method, string Route)> UnsafeApiOperations(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (Method: m, Route: "/" + (e.RoutePattern.RawText ?? "").Trim('/'))))
            .Where(o => o.Route.StartsWith("/api/", StringComparison.Ordinal) && o.Method is not ("GET" or "HEAD" or "OPTIONS"))
            .Distinct()
            .OrderBy(o => o.Route, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)
            .ToList();

    [Slow("every state-changing API operation, forged from other origins")]
    [Fact]
    public async Task A_forged_request_from_another_origin_changes_nothing_on_any_api_operation()
    {
        factory.RequireAvailable();
        var world = await MatrixWorld.BuildAsync(factory);
        var operations = UnsafeApiOperations(factory.Services);
        var spaceId = world.Fill("/{spaceId:guid}", ObjectState.Revealed).TrimStart('/');

        // Ana's browser, as another site makes it send: her cookies, none of Hearth's own headers.
        var cookies = factory.CookieHeaderOf(world.Ana.Http);
        using var browser = factory.CreateDefaultClient(new Uri("https://localhost"));
        var rowsBefore = await world.DatabaseRowsAsync();
        var failures = new List<string>();
        var tried = 0;
        foreach (var (method, route) in operations)
        {
            var url = world.Fill(route, ObjectState.Revealed);
            foreach (var (name, content, origin, site) in Forgeries)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative)) { Content = content() };
                request.Headers.Add("Cookie", cookies);
                if (origin is not null)
                {
                    request.Headers.Add("Origin", origin);
                }

                if (site is not null)
                {
                    request.Headers.Add("Sec-Fetch-Site", site);
                }

                tried++;
                using var response = await browser.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Forbidden || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{method} {route} as {name}: {(int)response.StatusCode} {Trim(await response.Content.ReadAsStringAsync())}");
                }
            }
        }

        var rowsAfter = await world.DatabaseRowsAsync();
        foreach (var table in rowsBefore.Keys.Union(rowsAfter.Keys))
        {
            var changed = rowsBefore.GetValueOrDefault(table, []).Except(rowsAfter.GetValueOrDefault(table, [])).Count()
                + rowsAfter.GetValueOrDefault(table, []).Except(rowsBefore.GetValueOrDefault(table, [])).Count();
            if (changed > 0)
            {
                failures.Add($"the forged requests changed {changed} rows of {table}");
            }
        }

        // The space Ana and Ben share is still open for both.
        foreach (var person in new[] { world.Ana, world.Ben })
        {
            var space = await person.Http.GetAsync(new Uri($"/api/v1/spaces/{spaceId}", UriKind.Relative));
            if (space.StatusCode != HttpStatusCode.OK || (await space.Content.ReadAsStringAsync()).Contains("\"closed\"", StringComparison.Ordinal))
            {
                failures.Add($"{person.Name} no longer has the open space: {(int)space.StatusCode}");
            }
        }

        SecurityReport.Record(
            "cross-site request forgery: every state-changing API operation x forged forms and scripts from other origins",
            factory.ProviderName, tried, failures.Count, $"{nameof(CrossOriginApiTests<TFactory>)}.{nameof(A_forged_request_from_another_origin_changes_nothing_on_any_api_operation)}",
            $"{operations.Count} operations x {Forgeries.Length} forgeries; database rows unchanged, spaces still open");
        Assert.True(operations.Count > 40, $"only {operations.Count} operations found");
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} forged requests were not refused:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task The_refusal_says_what_to_do_in_plain_words()
    {
        factory.RequireAvailable();
        var person = await Person.RegisterAsync(factory);
        var spaceId = await person.CreateSpaceAsync();
        using var browser = factory.CreateDefaultClient(new Uri("https://localhost"));

        using var forged = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/spaces/{spaceId}/leave", UriKind.Relative)) { Content = Form() };
        forged.Headers.Add("Cookie", factory.CookieHeaderOf(person.Http));
        forged.Headers.Add("Origin", "https://sibling.localhost");
        forged.Headers.Add("Sec-Fetch-Site", "same-site");
        var problem = await Expect.ProblemAsync(HttpStatusCode.Forbidden, await browser.SendAsync(forged));
        Assert.Contains("another site", problem.Detail(), StringComparison.Ordinal);

        using var noProof = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/spaces/{spaceId}/leave", UriKind.Relative));
        noProof.Headers.Add("Cookie", factory.CookieHeaderOf(person.Http));
        Assert.Contains("Content-Type: application/json", (await Expect.ProblemAsync(HttpStatusCode.Forbidden, await browser.SendAsync(noProof))).Detail(), StringComparison.Ordinal);
        await Expect.StatusAsync(HttpStatusCode.OK, await person.Http.GetAsync(new Uri($"/api/v1/spaces/{spaceId}", UriKind.Relative)));
    }

    [Fact]
    public async Task Hearths_own_scripts_and_json_clients_still_work()
    {
        factory.RequireAvailable();
        var person = await Person.RegisterAsync(factory);
        using var browser = factory.CreateDefaultClient(new Uri("https://localhost"));

        // passkeys.js: an empty JSON body and our header, from our own origin.
        using var script = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/account/calendar-feed", UriKind.Relative)) { Content = new StringContent("", Encoding.UTF8, "application/json") };
        script.Headers.Add("Cookie", factory.CookieHeaderOf(person.Http));
        script.Headers.Add("X-Hearth-Request", "1");
        script.Headers.Add("Origin", "https://localhost");
        script.Headers.Add("Sec-Fetch-Site", "same-origin");
        await Expect.StatusAsync(HttpStatusCode.Created, await browser.SendAsync(script));

        // An API client with JSON and no browser headers at all.
        using var client = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/spaces", UriKind.Relative)) { Content = JsonContent.Create(new { kind = "friends" }) };
        client.Headers.Add("Cookie", factory.CookieHeaderOf(person.Http));
        await Expect.StatusAsync(HttpStatusCode.Created, await browser.SendAsync(client));
    }

    private static FormUrlEncodedContent Form() => new(new Dictionary<string, string> { ["x"] = "1" });

    private static string Trim(string text) => text.Length > 200 ? text[..200] + "..." : text;
}

public sealed class CrossOriginApiOnSqlite(SqliteHearthFactory factory) : CrossOriginApiTests<SqliteHearthFactory>(factory);

public sealed class CrossOriginApiOnPostgres(PostgresHearthFactory factory) : CrossOriginApiTests<PostgresHearthFactory>(factory);

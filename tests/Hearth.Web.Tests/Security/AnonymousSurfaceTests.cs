using System.Net;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Security;

/// <summary>
/// Every page and endpoint comes from the app's own endpoint list. Only the ones named here may be
/// reached without signing in; a new one is closed unless it is added on purpose.
/// </summary>
public sealed class AnonymousSurfaceTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    private static readonly HashSet<string> OpenOnPurpose =
    [
        "/", "/exit", "/offline", "/error", "/status/{code:int}", "/join/{token}",
        "/account/register", "/account/sign-in", "/account/sign-out", "/account/forgot", "/account/reset",
        "/api/v1/account/register", "/api/v1/account/sign-in", "/api/v1/account/forgot-password", "/api/v1/account/reset-password",
        "/health", "/health/live", "/health/ready", "/api/{documentName}/openapi.json",
        "/learn", "/api/v1/learn",
        "/account/sign-in/code", "/api/v1/account/sign-in/code",
        "/api/v1/account/passkeys/request-options", "/api/v1/account/passkeys/sign-in",

        // The private calendar feed: calendar apps cannot sign in, so a long random token stands in
        // for the person. It holds only "Hearth" at the ritual's times; unknown tokens get 404.
        "/calendar/{token}.ics",

        // Unsubscribing from a reminder e-mail (ADR 47): the signed link in the e-mail stands in for
        // the person, it can only turn that kind of e-mail off, and any other link is a 404.
        "/unsubscribe/{token}",

        // The language switch at the foot of every page: signed out it only sets this browser's cookie.
        "/language",
    ];

    /// <summary>Fills a route template with harmless values: new ids, a date, plain words.</summary>
    public static string Fill(string template, Guid spaceId) =>
        System.Text.RegularExpressions.Regex.Replace(
            template.Replace("{spaceId:guid}", spaceId.ToString(), StringComparison.Ordinal),
            "\\{([a-zA-Z]+)(:[a-z]+)?\\}",
            m => m.Groups[2].Value == ":guid" ? Guid.NewGuid().ToString()
                : m.Groups[1].Value == "date" ? "2026-06-01"
                : m.Groups[1].Value == "section" ? "anchor"
                : m.Groups[1].Value == "practiceId" ? "practice.walk-and-talk"
                : m.Groups[2].Value == ":int" ? "404"
                : "x");

    private List<RouteEndpoint> Endpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    [Fact]
    public void Only_the_pages_meant_for_everyone_allow_anonymous_visitors()
    {
        var open = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(OpenOnPurpose.Order(StringComparer.Ordinal), open.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_other_page_and_endpoint_turns_anonymous_visitors_away()
    {
        var http = factory.NewClient();
        var checkedCount = 0;
        foreach (var endpoint in Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null))
        {
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var path = Fill("/" + endpoint.RoutePattern.RawText!.TrimStart('/'), Guid.NewGuid());
            Assert.DoesNotContain("{", path, StringComparison.Ordinal);
            foreach (var method in methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                var response = await http.SendAsync(request);
                var turnedAway = path.StartsWith("/api/", StringComparison.Ordinal)
                    ? response.StatusCode == HttpStatusCode.Unauthorized
                    : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal)
                        || (method != "GET" && response.StatusCode == HttpStatusCode.BadRequest);
                Assert.True(turnedAway, $"{method} {path} answered {(int)response.StatusCode} to an anonymous visitor");
                checkedCount++;
            }
        }

        Assert.True(checkedCount > 20, $"only {checkedCount} endpoints checked");
    }
}

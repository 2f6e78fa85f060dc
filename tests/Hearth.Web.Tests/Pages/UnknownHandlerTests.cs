using System.Net;
using System.Text.RegularExpressions;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Pages;

/// <summary>
/// A form sent to a page that has no handler for it (a PUT, a DELETE, a POST to a page that only
/// shows, or to a page whose handlers for the verb all have names, without one of those names) must be
/// refused plainly: 405 with the methods the page takes, or 404 when only the handler's name is wrong. Razor Pages otherwise renders the page as for
/// a GET without running its OnGet: that answered 200 with an empty page, or 500 where the page needs
/// what OnGet loads. Every page of the route table is tried, with a valid antiforgery token, as a
/// signed-in member of the space the address names.
/// </summary>
public sealed partial class UnknownHandlerTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    private static readonly string[] UnsafeVerbs = ["POST", "PUT", "DELETE", "PATCH"];

    [Fact]
    public async Task A_verb_or_handler_no_page_takes_is_refused_with_405_or_404_never_rendered()
    {
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        var token = (await ana.Http.GetPageAsync($"/spaces/{spaceId}/settings")).QuerySelector("input[name=__af]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("no antiforgery token on the settings page");

        var loader = factory.Services.GetRequiredService<PageLoader>();
        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(p => p.Page is not null)
            .ToList();
        Assert.True(pages.Count > 40, $"only {pages.Count} pages found");

        var tried = 0;
        var wrong = new List<string>();
        foreach (var (endpoint, page) in pages)
        {
            var compiled = await loader.LoadAsync(page!, endpoint.Metadata);
            var path = Address(endpoint.RoutePattern.RawText!, spaceId);
            foreach (var verb in UnsafeVerbs)
            {
                var handlers = compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, verb, StringComparison.OrdinalIgnoreCase)).ToList();
                if (handlers.Any(h => h.Name is null))
                {
                    // The page takes this verb (an unknown handler name falls back to it, as Razor Pages does): other tests send it.
                    continue;
                }

                var expected = handlers.Count == 0 ? HttpStatusCode.MethodNotAllowed : HttpStatusCode.NotFound;
                var attempts = new[] { (Url: path, Expected: expected), (Url: path + "?handler=NoSuchHandler", Expected: expected) };
                foreach (var (url, wanted) in attempts)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(verb), new Uri(url, UriKind.Relative))
                    {
                        Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = token }),
                    };
                    var response = await ana.Http.SendAsync(request);
                    tried++;
                    var allow = string.Join(", ", response.Content.Headers.Allow);
                    if (response.StatusCode != wanted || (wanted == HttpStatusCode.MethodNotAllowed && !allow.Contains("GET", StringComparison.Ordinal)))
                    {
                        wrong.Add($"{verb} {url}: {(int)response.StatusCode} (wanted {(int)wanted}{(wanted == HttpStatusCode.MethodNotAllowed ? ", Allow: GET" : "")}; Allow: {allow})");
                    }
                }
            }
        }

        Assert.True(tried > 150, $"only {tried} requests tried");
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task A_refused_form_gets_the_friendly_page_in_the_visitors_words(string verb)
    {
        var visitor = factory.NewClient();
        var token = (await visitor.GetPageAsync("/account/sign-in")).QuerySelector("input[name=__af]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("no antiforgery token on the sign-in page");
        using var request = new HttpRequestMessage(new HttpMethod(verb), new Uri("/learn", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = token }),
        };

        var response = await visitor.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("That didn't work", (await response.ParseAsync()).QuerySelector("h1")?.TextContent.Trim());
    }

    /// <summary>The page's address with its parameters filled in: the pair's space, unknown ids, a section, a token.</summary>
    private static string Address(string pattern, Guid spaceId)
    {
        var path = "/" + pattern.TrimStart('/');
        return Parameter().Replace(path, m => m.Groups[1].Value switch
        {
            "spaceId" => spaceId.ToString(),
            "code" => "404",
            "section" => "emotional",
            var name when m.Value.Contains(":guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
            _ => "unknown",
        });
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\??\}")]
    private static partial Regex Parameter();
}

using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Hearth.Web.Tests.Assessments;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Pages;

/// <summary>
/// Every link, form and redirect on every page, as both members of a lived-in pair and as a visitor,
/// leads to a page or endpoint that exists: a GET target answers (no 404 or 405 from a typo) and a
/// form posts to a mapped page with a handler of that name. Pages are found from the app's own
/// routes and from the links they show, two taps deep. Every page also names its language and
/// direction on &lt;html&gt;.
/// </summary>
public sealed class PageLinkCrawlTests
{
    private const int Depth = 2;

    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Every_link_form_and_redirect_on_every_page_leads_somewhere_that_exists()
    {
        await using var world = new SqliteHearthFactory();
        var (ana, ben, spaceId, joinToken) = await LivedInPairAsync(world);
        var routes = await RoutesAsync(world);
        var seeds = PageSeeds(world, spaceId, joinToken);

        var problems = new List<string>();
        var checkedLinks = 0;
        var visited = 0;
        foreach (var (who, http) in new[] { ("Ben", ben.Http), ("Ana", ana.Http), ("a visitor", world.NewClient()) })
        {
            var crawl = await CrawlAsync(world, http, seeds, routes);
            problems.AddRange(crawl.Problems.Select(p => $"as {who}: {p}"));
            checkedLinks += crawl.Links;
            visited += crawl.Visited;
        }

        // The pair's own space still answered at the end: nothing in the crawl signed anyone out.
        await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}");
        await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}");
        SecurityReport.Record(
            "links, forms and redirects on every page lead to a mapped route", "sqlite", checkedLinks, problems.Count,
            $"{nameof(PageLinkCrawlTests)}.{nameof(Every_link_form_and_redirect_on_every_page_leads_somewhere_that_exists)}",
            $"{visited} page visits as both members and a visitor, every same-site href, src, form action and Location");
        Assert.True(visited > 150, $"only {visited} pages visited");
        Assert.True(checkedLinks > 500, $"only {checkedLinks} links checked");
        Assert.True(problems.Count == 0, $"{problems.Count} links lead nowhere:\n" + string.Join('\n', problems));
    }

    [Fact]
    public async Task The_sign_out_button_at_the_top_of_every_page_signs_out()
    {
        await using var world = new SqliteHearthFactory();
        var ana = await Person.RegisterAsync(world, "Ana");
        var page = await ana.Http.GetPageAsync("/spaces");
        var form = page.Forms.Single(f => f.Action.EndsWith("/account/sign-out", StringComparison.Ordinal));
        var fields = form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value, StringComparer.Ordinal);

        var response = await ana.Http.PostAsync(new Uri("/account/sign-out", UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in?signedOut=true", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ana.Http.GetAsync(new Uri("/api/v1/spaces", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("/spaces/new?kind=friends&label=Bea")]
    [InlineData("/join/abc-DEF_123")]
    [InlineData("/spaces?q=\"<b>\"&x='1'")]
    public async Task A_return_address_is_carried_whole_from_sign_in_to_sign_up_and_back(string returnUrl)
    {
        await using var world = new SqliteHearthFactory();
        var visitor = world.NewClient();
        var query = "?returnUrl=" + Uri.EscapeDataString(returnUrl);

        var signIn = await visitor.GetPageAsync("/account/sign-in" + query);
        var register = await visitor.GetPageAsync("/account/register" + query);

        Assert.Equal("/account/register" + query, signIn.QuerySelector("main a[href^='/account/register']")!.GetAttribute("href"));
        Assert.Equal("/account/sign-in" + query, register.QuerySelector("main a[href^='/account/sign-in']")!.GetAttribute("href"));
    }

    /// <summary>Every page route, its parameters filled for the lived-in pair (and one join link that is not valid).</summary>
    internal static List<string> PageSeeds(SqliteHearthFactory world, Guid spaceId, string joinToken) =>
        world.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Select(r => r.Replace("{token}", joinToken, StringComparison.Ordinal))
            .Select(r => Security.AnonymousSurfaceTests.Fill(r, spaceId))
            .Append($"/join/{joinToken}x")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    private sealed record Crawl(List<string> Problems, int Links, int Visited);

    /// <summary>A mapped route: its matcher, the methods it takes (null: any) and, for a page, its POST handler names.</summary>
    private sealed record MappedRoute(RouteEndpoint Endpoint, TemplateMatcher Matcher, IReadOnlySet<string>? Methods, IReadOnlySet<string>? PostHandlers);

    private static async Task<Crawl> CrawlAsync(SqliteHearthFactory world, HttpClient http, List<string> seeds, List<MappedRoute> routes)
    {
        var files = world.Services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        var problems = new List<string>();
        var links = 0;
        var visits = 0;
        var seen = new HashSet<string>(seeds, StringComparer.Ordinal);
        var queue = new Queue<(string Url, int Depth, string? From)>(seeds.Select(s => (s, 0, (string?)null)));
        while (queue.TryDequeue(out var item))
        {
            var response = await http.GetAsync(new Uri(item.Url, UriKind.Relative));
            visits++;
            var status = (int)response.StatusCode;
            if (item.From is not null && (status is 404 or 405 || status >= 500))
            {
                problems.Add($"{item.From} links to {item.Url}, which answers {status}");
            }

            var found = new List<(string Kind, string Target, string Method)>();
            if (response.Headers.Location is { } location)
            {
                found.Add(("redirect", location.OriginalString, "GET"));
            }

            var isPage = !item.Url.StartsWith("/api/", StringComparison.Ordinal) && !files.GetFileInfo(new Uri(new Uri("https://localhost"), item.Url).AbsolutePath).Exists;
            if (isPage && response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

                // Every page says its language and direction (ADR 33), so screen readers speak it right.
                var lang = page.DocumentElement.GetAttribute("lang");
                if (Hearth.Core.Languages.HearthLanguages.Match(lang) != lang || page.DocumentElement.GetAttribute("dir") is not ("ltr" or "rtl"))
                {
                    problems.Add($"{item.Url} has <html lang=\"{lang}\" dir=\"{page.DocumentElement.GetAttribute("dir")}\">");
                }

                if (item.Depth < Depth)
                {
                    found.AddRange(LinksOn(page, item.Url, problems));
                }
            }

            foreach (var (kind, target, method) in found)
            {
                if (!SameSite(item.Url, target, out var path, out var query))
                {
                    continue;
                }

                links++;
                var url = path + query;
                if (files.GetFileInfo(path).Exists && method == "GET")
                {
                    // A static file: fetched below like any other GET target.
                }
                else if (Match(routes, path, method) is not { } route)
                {
                    problems.Add($"{item.Url} has a {kind} to {method} {url}, which no route takes");
                    continue;
                }
                else if (method == "POST" && route.PostHandlers is { } handlers && !handlers.Contains(Handler(query)))
                {
                    problems.Add($"{item.Url} has a {kind} to POST {url}, but that page has no handler \"{Handler(query)}\"");
                    continue;
                }

                if (method == "GET" && seen.Add(url))
                {
                    queue.Enqueue((url, item.Depth + 1, $"{item.Url} ({kind})"));
                }
            }
        }

        return new Crawl(problems, links, visits);
    }

    /// <summary>Every href, src, form action and button formaction on the page, with the method it is used with.</summary>
    private static IEnumerable<(string Kind, string Target, string Method)> LinksOn(IDocument page, string url, List<string> problems)
    {
        foreach (var a in page.QuerySelectorAll("a"))
        {
            // A link the framework could not make renders with an empty (or no) href: a silent dead end.
            if (string.IsNullOrWhiteSpace(a.GetAttribute("href")))
            {
                problems.Add($"{url} has a link \"{a.TextContent.Trim()}\" with no address");
                continue;
            }

            yield return ("link", a.GetAttribute("href")!, "GET");
        }

        foreach (var element in page.QuerySelectorAll("link[href], script[src], img[src]"))
        {
            yield return (element.LocalName, element.GetAttribute("href") ?? element.GetAttribute("src")!, "GET");
        }

        foreach (var form in page.QuerySelectorAll("form"))
        {
            var method = string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase) ? "POST" : "GET";
            if (method == "POST" && form.QuerySelector("input[name='__af']") is null)
            {
                // Without its antiforgery token the button only ever answers 400.
                problems.Add($"{url} has a form to {form.GetAttribute("action")} without its antiforgery token");
            }

            yield return ("form", form.GetAttribute("action") is { Length: > 0 } action ? action : url, method);
            foreach (var button in form.QuerySelectorAll("button[formaction], input[formaction]"))
            {
                yield return ("button", button.GetAttribute("formaction")!, method);
            }
        }
    }

    /// <summary>The path and query of a same-site address (relative, or on the site's own origin); false for others (mailto:, another site, #fragment).</summary>
    private static bool SameSite(string from, string target, out string path, out string query)
    {
        path = query = "";
        if (target.StartsWith('#'))
        {
            return false;
        }

        var site = new Uri("https://localhost");
        if (!Uri.TryCreate(new Uri(site, from), target, out var resolved) || resolved.Scheme != site.Scheme || resolved.Authority != site.Authority)
        {
            return false;
        }

        path = resolved.AbsolutePath;
        query = resolved.Query;
        return true;
    }

    private static string Handler(string query) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).TryGetValue("handler", out var handler) ? handler.ToString().ToUpperInvariant() : "";

    private static MappedRoute? Match(List<MappedRoute> routes, string path, string method) =>
        routes.Where(r => r.Methods is null || r.Methods.Contains(method))
            .Select(r => (Route: r, Values: new RouteValueDictionary()))
            .Where(m => m.Route.Matcher.TryMatch(path, m.Values) && ConstraintsHold(m.Route.Endpoint, m.Values))
            .OrderBy(m => m.Route.Endpoint.RoutePattern.Parameters.Count)
            .Select(m => m.Route)
            .FirstOrDefault();

    /// <summary>The route constraints Hearth uses (guid, int): a literal segment such as "new" is not a space id.</summary>
    private static bool ConstraintsHold(RouteEndpoint endpoint, RouteValueDictionary values) =>
        endpoint.RoutePattern.Parameters.All(p => p.ParameterPolicies.All(policy => policy.Content switch
        {
            "guid" => Guid.TryParse(values[p.Name]?.ToString(), out _),
            "int" => int.TryParse(values[p.Name]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out _),
            _ => true,
        }));

    /// <summary>Every route the app maps, with each page's POST handlers (upper case; "" for the unnamed one).</summary>
    private static async Task<List<MappedRoute>> RoutesAsync(SqliteHearthFactory world)
    {
        var loader = world.Services.GetRequiredService<PageLoader>();
        var routes = new List<MappedRoute>();
        foreach (var endpoint in world.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            IReadOnlySet<string>? handlers = null;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor)
            {
                var page = await loader.LoadAsync(descriptor, endpoint.Metadata);
                handlers = page.HandlerMethods
                    .Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                    .Select(h => (h.Name ?? "").ToUpperInvariant())
                    .ToHashSet(StringComparer.Ordinal);
            }

            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.ToHashSet(StringComparer.Ordinal);
            routes.Add(new MappedRoute(endpoint, new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), new RouteValueDictionary(endpoint.RoutePattern.Defaults)), methods, handlers));
        }

        return routes;
    }

    /// <summary>
    /// A pair with something on every page (an assessment each, check-ins, a note, a memory, time
    /// together, a practice, a plan, the ritual), a second space with a pending invitation and a
    /// third that Ben has left, so the closed-space and join pages show their links too.
    /// </summary>
    internal static async Task<(Person Ana, Person Ben, Guid SpaceId, string JoinToken)> LivedInPairAsync(SqliteHearthFactory world)
    {
        var ana = await Person.RegisterAsync(world, "Ana");
        var ben = await Person.RegisterAsync(world, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        await ana.TakeAsync(spaceId, AssessmentDriver.Uniform(3, importance: 7));
        await ben.TakeAsync(spaceId, AssessmentDriver.Uniform(5, importance: 5));
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/ritual", new { day = "sunday", time = "19:00" }));
        foreach (var person in new[] { ana, ben })
        {
            await Expect.StatusAsync(HttpStatusCode.Created, await person.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/check-in", new { satisfaction = 6, closeness = 5 }));
            await Expect.StatusAsync(HttpStatusCode.Created, await person.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/notes", new { kind = "appreciation", text = $"Thank you, from {person.Name}" }));
            await Expect.StatusAsync(HttpStatusCode.Created, await person.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/memories", new { title = $"A walk, by {person.Name}", shared = true }));
            await Expect.StatusAsync(HttpStatusCode.Created, await person.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/quality-time/entries", new { minutes = 20 }));
        }

        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsync(new Uri($"/api/v1/spaces/{spaceId}/practices/ours/practice.walk-and-talk", UriKind.Relative), null));

        var joinToken = await ana.InviteAsync(await ana.CreateSpaceAsync("friends"));
        var closed = await ana.PairWithAsync(ben, "family");
        await Expect.StatusAsync(HttpStatusCode.NoContent, await ben.LeaveAsync(closed));
        return (ana, ben, spaceId, joinToken);
    }
}

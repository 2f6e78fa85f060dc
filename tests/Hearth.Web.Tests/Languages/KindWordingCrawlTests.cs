using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Hearth.Web.Tests.Assessments;
using Hearth.Web.Tests.Infrastructure;
using Hearth.Web.Tests.Pages;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Languages;

/// <summary>
/// Wording fits the kind everywhere (issue 17, rule 7), as a friends pair and a family pair live it:
/// each has taken the assessment, checked in and set a ritual; one reads English, the other German.
/// Every page (its visible text and title, aria-label, placeholder and alt) and every API GET (every
/// string value; property names are wire names, not words) is read for words about sex.
/// </summary>
[Trait("Languages", "Crawl")]
[Slow("crawls every page and every API GET for two pairs")]
public sealed class KindWordingCrawlTests
{
    private static readonly HtmlParser Parser = new();

    [Theory]
    [InlineData("friends")]
    [InlineData("family")]
    public async Task Nothing_a_friends_or_family_pair_reads_mentions_sexual_closeness(string kind)
    {
        await using var world = new SqliteHearthFactory();
        var ana = await Person.RegisterAsync(world, "Ana");
        var ben = await Person.RegisterAsync(world, "Ben");
        var spaceId = await ana.PairWithAsync(ben, kind);
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PutAsJsonAsync("/api/v1/account/language", new { language = "de" }));
        await ana.TakeAsync(spaceId, AssessmentDriver.Uniform(3, importance: 7));
        await ben.TakeAsync(spaceId, AssessmentDriver.Uniform(5, importance: 5));
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/ritual", new { day = "sunday", time = "19:00" }));
        foreach (var person in new[] { ana, ben })
        {
            await Expect.StatusAsync(HttpStatusCode.Created, await person.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/check-in", new { satisfaction = 6, closeness = 5 }));
        }

        var endpoints = world.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var pages = PageLinkCrawlTests.PageSeeds(world, spaceId, "x");
        var gets = endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null && e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => Security.AnonymousSurfaceTests.Fill("/" + e.RoutePattern.RawText!.TrimStart('/'), spaceId))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var found = new List<string>();
        var read = 0;
        foreach (var (who, http) in new[] { ("Ana, in English", ana.Http), ("Ben, in German", ben.Http) })
        {
            foreach (var url in pages.Concat(gets))
            {
                var response = await http.GetAsync(new Uri(url, UriKind.Relative));
                var type = response.Content.Headers.ContentType?.MediaType;
                var body = await response.Content.ReadAsStringAsync();
                IEnumerable<string> texts = type switch
                {
                    "text/html" => PageTexts(body),
                    "application/json" or "application/problem+json" => JsonTexts(JsonDocument.Parse(body).RootElement),
                    _ => [],
                };
                read++;
                found.AddRange(texts.SelectMany(t => KindWordingTests.SexualWords().Matches(t)).Select(m => $"{url} (as {who}): …{Around(m)}…"));
            }
        }

        Assert.True(read > 60, $"only {read} pages and answers read");
        Assert.True(found.Count == 0, $"A {kind} pair reads about sexual closeness:\n" + string.Join("\n", found.Distinct()));
    }

    /// <summary>The words around a match, on one line.</summary>
    private static string Around(System.Text.RegularExpressions.Match match)
    {
        var text = match.Result("$_");
        var from = Math.Max(0, match.Index - 60);
        var to = Math.Min(text.Length, match.Index + match.Length + 40);
        return System.Text.RegularExpressions.Regex.Replace(text[from..to], @"\s+", " ");
    }

    private static IEnumerable<string> PageTexts(string html)
    {
        var page = Parser.ParseDocument(html);
        foreach (var script in page.QuerySelectorAll("script, style").ToList())
        {
            script.Remove();
        }

        yield return page.Body?.TextContent ?? "";
        foreach (var element in page.QuerySelectorAll("[title], [aria-label], [placeholder], [alt]"))
        {
            foreach (var name in new[] { "title", "aria-label", "placeholder", "alt" })
            {
                if (element.GetAttribute(name) is { } value)
                {
                    yield return value;
                }
            }
        }
    }

    private static IEnumerable<string> JsonTexts(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(JsonTexts),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => JsonTexts(p.Value)),
        _ => [],
    };
}

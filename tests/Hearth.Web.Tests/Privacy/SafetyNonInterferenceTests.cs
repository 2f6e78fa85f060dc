using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Hearth.Web.Tests.Assessments;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Privacy;

/// <summary>
/// Non-interference (PRIVACY.md): two worlds that differ only in one member's safety answers must
/// look byte-for-byte the same to the other member, on every page and API response they can reach.
/// Only what differs by construction between two databases (ids, antiforgery tokens, trace ids) is
/// normalised. If any trace of the safety answers reached a shared screen, a count, a timestamp or
/// a header, this test fails.
/// </summary>
public sealed partial class SafetyNonInterferenceTests
{
    [Fact]
    public async Task The_other_member_sees_exactly_the_same_whatever_the_safety_answers()
    {
        // One world, observed by the other member with no safety answers, then after all "yes",
        // then after all "no": the same database, ids and clock, so only the answers differ.
        await using var world = new SqliteHearthFactory();
        var ana = await RegisterAsync(world, "Ana", "ana@example.org");
        var ben = await RegisterAsync(world, "Ben", "ben@example.org");
        var spaceId = await ana.CreateSpaceAsync("romantic", label: "Us");
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.AcceptAsync(await ana.InviteAsync(spaceId)));
        await ana.TakeAsync(spaceId, AssessmentDriver.Uniform(3, importance: 7));
        await ben.TakeAsync(spaceId, AssessmentDriver.Uniform(5, importance: 5));

        // A first look settles anything a first visit creates (such as the day's question).
        await AnaCarriesOnAsync(ana, spaceId);
        await CrawlAsync(world, ben, spaceId);
        var skipped = await CrawlAsync(world, ben, spaceId);

        await AnswerSafetyAsync(ana, spaceId, 1);
        await AnaCarriesOnAsync(ana, spaceId);
        var endorsed = await CrawlAsync(world, ben, spaceId);

        await AnswerSafetyAsync(ana, spaceId, 0);
        await AnaCarriesOnAsync(ana, spaceId);
        var answeredNo = await CrawlAsync(world, ben, spaceId);

        Assert.True(skipped.Count >= 30, $"only {skipped.Count} responses crawled");
        Assert.Contains(skipped, kv => kv.Key.EndsWith("/assessment/map", StringComparison.Ordinal) && kv.Value.StartsWith("200", StringComparison.Ordinal));
        Assert.Equal(skipped.Keys.Order(), endorsed.Keys.Order());
        foreach (var (url, page) in skipped)
        {
            Assert.Equal(page, endorsed[url]);
            Assert.Equal(page, answeredNo[url]);
        }
    }

    /// <summary>The one difference: Ana's private safety answers, through the API and the page.</summary>
    private static async Task AnswerSafetyAsync(Person ana, Guid spaceId, int value)
    {
        var result = await ana.SafetyCheckAsync(spaceId, value);
        Assert.Equal(value == 1, result.GetProperty("showSupport").GetBoolean());
        var form = Hearth.Core.Assessments.AssessmentContent.Baseline.Items.Where(i => i.IsSafety)
            .ToDictionary(i => $"a[{i.Id}]", _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.SubmitAsync($"/spaces/{spaceId}/assessment/safety", form));
    }

    /// <summary>Ana goes on using Hearth as usual in between.</summary>
    private static async Task AnaCarriesOnAsync(Person ana, Guid spaceId)
    {
        await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/assessment/map");
        await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}");
    }

    private static async Task<Person> RegisterAsync(SqliteHearthFactory world, string name, string email)
    {
        var http = world.NewClient();
        await Expect.StatusAsync(HttpStatusCode.Created, await http.PostAsJsonAsync("/api/v1/account/register", new { email, password = Person.DefaultPassword, displayName = name }));
        var person = new Person(world, http, email, Person.DefaultPassword, name);
        await person.SignInAsync();
        return person;
    }

    /// <summary>Every GET page and endpoint the app has, as this person, with ids filled in.</summary>
    private static async Task<Dictionary<string, string>> CrawlAsync(SqliteHearthFactory world, Person viewer, Guid spaceId)
    {
        var routes = world.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Contains("GET"))
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => !r.Contains("{token}", StringComparison.Ordinal))
            .SelectMany(r => r.Contains("{section}", StringComparison.Ordinal)
                ? Hearth.Web.Features.Assessments.AssessmentService.StepsFor(Hearth.Core.Spaces.RelationshipKind.Romantic, false).Select(s => r.Replace("{section}", s, StringComparison.Ordinal))
                : [r])
            .Select(r => r.Replace("{documentName}", "v1", StringComparison.Ordinal)
                .Replace("{date}", HearthFactory.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
            .Select(r => Regex.Replace(r, "\\{[a-zA-Z]+:guid\\}", m => m.Value == "{spaceId:guid}" ? spaceId.ToString() : FixedForeignId))
            .Select(r => Security.AnonymousSurfaceTests.Fill(r, spaceId))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var route in routes)
        {
            var response = await viewer.Http.GetAsync(new Uri(route, UriKind.Relative));
            var text = new StringBuilder()
                .Append((int)response.StatusCode).Append('\n')
                .Append(response.Headers.Location?.OriginalString).Append('\n')
                .Append(string.Join(',', response.Content.Headers.ContentType?.ToString() ?? "")).Append('\n')
                .Append(string.Join(',', response.Headers.CacheControl?.ToString() ?? "")).Append('\n')
                .Append(response.Headers.ETag?.ToString()).Append('\n')
                .Append(await response.Content.ReadAsStringAsync())
                .ToString();
            seen[route.Replace(spaceId.ToString(), "{space}", StringComparison.Ordinal)] = Normalise(text, spaceId);
        }

        // Nothing was sent to the viewer by e-mail either.
        seen["outbox"] = string.Join("\n---\n", world.ReadOutbox().Where(m => m.Contains(viewer.Email, StringComparison.Ordinal)).Select(m => DateLine().Replace(m, "Date: ")));
        return seen;
    }

    /// <summary>An id that exists in no table: the same in every crawl, so its 404 compares equal.</summary>
    private const string FixedForeignId = "0195e8a2-0000-7000-8000-00000000beef";

    private static string Normalise(string text, Guid spaceId)
    {
        text = text.Replace(spaceId.ToString(), "{space}", StringComparison.Ordinal);
        text = AntiforgeryField().Replace(text, "name=\"__af\" value=\"{af}\"");
        text = TraceId().Replace(text, "\"traceId\":\"{trace}\"");
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return AnyGuid().Replace(text, m => ids.TryGetValue(m.Value, out var n) ? n : ids[m.Value] = $"{{id{ids.Count}}}");
    }

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"[^\"]+\"|name=\"__af\" value=\"[^\"]+\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("\"traceId\":\"[^\"]+\"")]
    private static partial Regex TraceId();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex AnyGuid();

    [GeneratedRegex("Date: .*")]
    private static partial Regex DateLine();
}

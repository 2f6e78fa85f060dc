using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Hearth.Web.Features.Counsellors;
using Hearth.Web.Tests.Assessments;
using Hearth.Web.Tests.Infrastructure;
using Hearth.Web.Tests.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Counsellors;

/// <summary>
/// What a counsellor can observe (ADR 46): two worlds that differ only in a member's private things
/// (a safety answer, a weekly safety pulse, a check-in the other has not matched, a prompt answer
/// the other has not matched, a private memory) look byte-for-byte the same to the counsellor; no
/// private marker reaches a counsellor's answer or any log line; with practice mode off every
/// counsellor page and endpoint is the unknown address's 404 for everyone.
/// </summary>
[Slow("builds two worlds and crawls the counsellor's pages twice")]
public sealed partial class CounsellorPrivacyTests
{
    [Fact]
    public async Task A_members_private_answers_change_nothing_the_counsellor_can_observe()
    {
        var crawls = new List<Dictionary<string, string>>();
        foreach (var withPrivate in new[] { false, true })
        {
            await using var world = new SqliteHearthFactory();
            var (ana, _, space, cleo, grant) = await BuildAsync(world);
            if (withPrivate)
            {
                await PrivateThingsAsync(ana, space, "nx-private");
            }

            await CrawlAsync(cleo, grant);
            crawls.Add(await CrawlAsync(cleo, grant));
        }

        Assert.True(crawls[0].Count >= 4);
        Assert.All(crawls[0], kv => Assert.StartsWith("200", kv.Value, StringComparison.Ordinal));
        Assert.Contains("emotional", crawls[0]["/api/v1/counsellor/pairs/{grant}"], StringComparison.Ordinal);
        var differing = crawls[0].Count(kv => crawls[1].GetValueOrDefault(kv.Key) != kv.Value);
        SecurityReport.Record(
            "counsellor non-interference: the counsellor's crawl with and without a member's private answers, safety answers and memories", "sqlite",
            crawls[0].Count, differing, $"{nameof(CounsellorPrivacyTests)}.{nameof(A_members_private_answers_change_nothing_the_counsellor_can_observe)}",
            "the counsellor's list and sheet, page and API, compared byte for byte");
        Assert.Equal(crawls[0].Keys.Order(), crawls[1].Keys.Order());
        foreach (var (url, text) in crawls[0])
        {
            Assert.Equal(text, crawls[1][url]);
        }
    }

    [Fact]
    public async Task No_private_marker_reaches_a_counsellors_answer_or_any_log_line()
    {
        await using var world = new LogCapturingFactory();
        var (ana, ben, space, cleo, grant) = await BuildAsync(world);
        const string Marker = "cnry-counsellor";
        await PrivateThingsAsync(ana, space, Marker);
        await Expect.StatusAsync(HttpStatusCode.Created, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/memories", new { title = Marker + "-shared-memory", shared = true }));
        await Expect.StatusAsync(HttpStatusCode.Created, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/notes", new { kind = "appreciation", text = Marker + "-note" }));

        var crawl = await CrawlAsync(cleo, grant);
        var seen = crawl.Where(kv => kv.Value.Contains(Marker, StringComparison.Ordinal)).Select(kv => kv.Key).ToList();
        var logged = world.Lines.Count(l => l.Contains(Marker, StringComparison.Ordinal));
        var mailed = world.ReadOutbox().Count(m => m.Contains(Marker, StringComparison.Ordinal));
        SecurityReport.Record(
            "counsellor canary scan: private markers in the counsellor's answers, the logs and the e-mails", "sqlite",
            crawl.Count + world.Lines.Count + world.ReadOutbox().Count, seen.Count + logged + mailed,
            $"{nameof(CounsellorPrivacyTests)}.{nameof(No_private_marker_reaches_a_counsellors_answer_or_any_log_line)}");
        Assert.Empty(seen);
        Assert.Equal(0, logged);
        Assert.Equal(0, mailed);
    }

    [Fact]
    public async Task With_practice_mode_off_every_counsellor_page_and_endpoint_is_not_found_for_everyone()
    {
        await using var world = new SqliteHearthFactory { Practice = false };
        var ana = await Person.RegisterAsync(world, "Ana");
        var ben = await Person.RegisterAsync(world, "Ben");
        var space = await ana.PairWithAsync(ben);
        var cleo = await CounsellorSteps.CounsellorAsync(world);
        var practiceOnly = world.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PracticeOnlyMetadata>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Route: "/" + e.RoutePattern.RawText!.Trim('/'))))
            .Distinct()
            .ToList();
        Assert.True(practiceOnly.Count >= 9, $"only {practiceOnly.Count} practice-only endpoints");
        var unknownApi = await (await ana.Http.GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative))).Content.ReadAsStringAsync();
        var checkedCount = 0;
        foreach (var (method, route) in practiceOnly)
        {
            var url = Regex.Replace(route, "\\{([a-zA-Z]+)(:[a-z]+)?\\}", m => m.Groups[1].Value == "spaceId" ? space.ToString() : Guid.NewGuid().ToString());
            foreach (var http in new[] { world.NewClient(), ana.Http, cleo.Http })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
                if (method is "POST")
                {
                    request.Content = JsonContent.Create(new { email = cleo.Email, scopes = CounsellorSteps.AllScopes });
                }

                var response = await http.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url} answered {(int)response.StatusCode} with practice mode off");
                checkedCount++;
            }
        }

        Assert.True(checkedCount >= 27);
        Assert.Equal(0, await world.WithDbAsync(db => Task.FromResult(db.Set<CounsellorGrant>().IgnoreFiltersForTests().Count())));
        Assert.DoesNotContain("counsellor", await ana.Http.GetStringAsync(new Uri($"/spaces/{space}", UriKind.Relative)), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(unknownApi);
    }

    /// <summary>Ana and Ben, both rounds of the map (emotional shared), a week both checked in, and Cleo with all scopes.</summary>
    private static async Task<(Person Ana, Person Ben, Guid Space, Person Cleo, Guid Grant)> BuildAsync(HearthFactory world)
    {
        var ana = await RegisterAsync(world, "Ana", "ana@example.org");
        var ben = await RegisterAsync(world, "Ben", "ben@example.org");
        var cleo = await RegisterAsync(world, "Cleo", "cleo@example.org");
        await CounsellorSteps.GiveRoleAsync(world, cleo.Email);
        var space = await ana.PairWithAsync(ben);
        await ana.TakeAsync(space, AssessmentDriver.Uniform(5), share: ["emotional"]);
        await ben.TakeAsync(space, AssessmentDriver.Uniform(3), share: ["emotional", "physical"]);
        await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/check-in", new { satisfaction = 7, closeness = 6 }));
        await Expect.StatusAsync(HttpStatusCode.Created, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/check-in", new { satisfaction = 5, closeness = 4 }));
        var grant = await CounsellorSteps.BothConsentAsync(ana, ben, space, cleo);

        // A week later: a new week, which only Ana may check in to (unmatched: private).
        world.Clock.Advance(TimeSpan.FromDays(7));
        foreach (var person in new[] { ana, ben, cleo })
        {
            await person.SignInAsync();
        }

        return (ana, ben, space, cleo, grant);
    }

    private static async Task<Person> RegisterAsync(HearthFactory world, string name, string email)
    {
        var http = world.NewClient();
        await Expect.StatusAsync(HttpStatusCode.Created, await http.PostAsJsonAsync("/api/v1/account/register", new { email, password = Person.DefaultPassword, displayName = name }));
        var person = new Person(world, http, email, Person.DefaultPassword, name);
        await person.SignInAsync();
        return person;
    }

    /// <summary>Everything private a member can do: a safety answer, a check-in with a safety pulse the other has not matched, an unmatched prompt answer, a private memory.</summary>
    private static async Task PrivateThingsAsync(Person ana, Guid space, string marker)
    {
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/assessment/safety-check", new { answers = new Dictionary<string, int> { ["safety.fear"] = 1 } }));
        var pulse = new Dictionary<string, bool?> { ["pulse.afraid"] = true, ["pulse.controlled"] = true };
        await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/check-in", new { satisfaction = 2, closeness = 1, needs = marker + "-needs", safetyPulse = pulse }));
        var date = (await ana.GetJsonAsync($"/api/v1/spaces/{space}/prompt/today")).GetProperty("date").GetString()!;
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/prompt/days/{date}/answer", new { text = marker + "-prompt" }));
        await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/memories", new { title = marker + "-memory", shared = false }));
    }

    /// <summary>What the counsellor can reach, normalised only for what differs by construction (ids, tokens, trace ids).</summary>
    private static async Task<Dictionary<string, string>> CrawlAsync(Person counsellor, Guid grant)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var url in new[] { "/api/v1/counsellor/pairs", $"/api/v1/counsellor/pairs/{grant}", "/counsellor", $"/counsellor/{grant}" })
        {
            var response = await counsellor.Http.GetAsync(new Uri(url, UriKind.Relative));
            var text = await response.Content.ReadAsStringAsync();
            text = AnyGuid().Replace(TraceId().Replace(Antiforgery().Replace(text, "__af"), ""), "{id}");
            var headers = string.Join('\n', response.Headers.Concat(response.Content.Headers).Where(h => h.Key is not ("Date" or "Set-Cookie")).Select(h => $"{h.Key}: {string.Join(",", h.Value)}").Order(StringComparer.Ordinal));
            result[url.Replace(grant.ToString(), "{grant}", StringComparison.Ordinal)] = $"{(int)response.StatusCode}\n{headers}\n{text}";
        }

        return result;
    }

    [GeneratedRegex("\"traceId\":\"[^\"]+\"")]
    private static partial Regex TraceId();

    [GeneratedRegex("name=\"__af\"[^>]*value=\"[^\"]+\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex AnyGuid();
}

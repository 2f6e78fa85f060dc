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
/// Non-interference (docs/product/privacy-rules.md): two worlds that differ only in one member's safety answers must
/// look byte-for-byte the same to the other member, on every page and API response they can reach.
/// Only what differs by construction between two databases (ids, antiforgery tokens, trace ids) is
/// normalised. If any trace of the safety answers reached a shared screen, a count, a timestamp or
/// a header, this test fails. Each test runs with both members on English (the default) and with
/// the two on different languages (Ana German and Ben English, and the other way round).
/// </summary>
[Slow("crawls every page and endpoint the partner can reach, several times over")]
public sealed partial class SafetyNonInterferenceTests
{
    /// <summary>Ana's and Ben's languages (null: never chosen, so English).</summary>
    public static TheoryData<string?, string?> Languages => new() { { null, null }, { "de", "en" }, { "en", "de" } };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_other_member_sees_exactly_the_same_whatever_the_safety_answers(string? anaLanguage, string? benLanguage)
    {
        // One world, observed by the other member with no safety answers, then after all "yes",
        // then after all "no": the same database, ids and clock, so only the answers differ.
        await using var world = new SqliteHearthFactory();
        var ana = await RegisterAsync(world, "Ana", "ana@example.org", anaLanguage);
        var ben = await RegisterAsync(world, "Ben", "ben@example.org", benLanguage);
        var spaceId = await ana.CreateSpaceAsync("romantic", label: "Us");
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.AcceptAsync(await ana.InviteAsync(spaceId)));
        await ana.TakeAsync(spaceId, AssessmentDriver.Uniform(3, importance: 7));
        await ben.TakeAsync(spaceId, AssessmentDriver.Uniform(5, importance: 5));

        // The weekly ritual is set and Ben follows his own private calendar feed: both are crawled too.
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/ritual", new { day = "sunday", time = "19:00" }));
        var feed = await BenFeedAsync(ben);

        // A first look settles anything a first visit creates (such as the day's question).
        await AnaCarriesOnAsync(ana, spaceId);
        await CrawlAsync(world, ben, spaceId, feed);
        var skipped = await CrawlAsync(world, ben, spaceId, feed);

        await AnswerSafetyAsync(ana, spaceId, 1);
        await AnaCarriesOnAsync(ana, spaceId);
        var endorsed = await CrawlAsync(world, ben, spaceId, feed);

        await AnswerSafetyAsync(ana, spaceId, 0);
        await AnaCarriesOnAsync(ana, spaceId);
        var answeredNo = await CrawlAsync(world, ben, spaceId, feed);

        Assert.True(skipped.Count >= 30, $"only {skipped.Count} responses crawled");
        Assert.Contains(skipped, kv => kv.Key.EndsWith("/assessment/map", StringComparison.Ordinal) && kv.Value.StartsWith("200", StringComparison.Ordinal));
        Assert.StartsWith("200", skipped["calendar-feed"], StringComparison.Ordinal);
        var differing = skipped.Count(kv => !endorsed.TryGetValue(kv.Key, out var e) || e != kv.Value)
            + skipped.Count(kv => !answeredNo.TryGetValue(kv.Key, out var n) || n != kv.Value);
        SecurityReport.Record(
            "safety non-interference: the partner's crawl with and without safety answers (assessment)" + LanguagesNamed(anaLanguage, benLanguage), "sqlite",
            skipped.Count * 2, differing, $"{nameof(SafetyNonInterferenceTests)}.{nameof(The_other_member_sees_exactly_the_same_whatever_the_safety_answers)}",
            "every page, API response and the calendar feed the partner can reach, compared byte for byte");
        Assert.Equal(skipped.Keys.Order(), endorsed.Keys.Order());
        foreach (var (url, page) in skipped)
        {
            Assert.Equal(page, endorsed[url]);
            Assert.Equal(page, answeredNo[url]);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_other_member_sees_exactly_the_same_whatever_the_weekly_safety_pulse(string? anaLanguage, string? benLanguage)
    {
        // Three worlds built the same way on the same clock; only Ana's pulse differs: skipped, yes, no.
        var crawls = new List<Dictionary<string, string>>();
        foreach (var pulse in new bool?[] { null, true, false })
        {
            await using var world = new SqliteHearthFactory();
            var ana = await RegisterAsync(world, "Ana", "ana@example.org", anaLanguage);
            var ben = await RegisterAsync(world, "Ben", "ben@example.org", benLanguage);
            var spaceId = await ana.CreateSpaceAsync("romantic", label: "Us");
            await Expect.StatusAsync(HttpStatusCode.OK, await ben.AcceptAsync(await ana.InviteAsync(spaceId)));
            await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/ritual", new { day = "monday", time = "08:00" }));
            var feed = await BenFeedAsync(ben);

            // Both check in two weeks running; in the second week Ana's check-in carries the pulse
            // (through the API here; the page form has its own test below).
            for (var week = 0; week < 2; week++)
            {
                var answers = new Dictionary<string, bool?> { ["pulse.afraid"] = week == 1 ? pulse : null, ["pulse.controlled"] = week == 1 ? pulse : null };
                var response = await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/check-in", new { satisfaction = 6, closeness = 5, safetyPulse = answers });
                await Expect.StatusAsync(HttpStatusCode.Created, response);
                await Expect.StatusAsync(HttpStatusCode.Created, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/check-in", new { satisfaction = 7, closeness = 6 }));
                if (week == 0)
                {
                    world.Clock.Advance(TimeSpan.FromDays(7));
                    await ana.SignInAsync();
                    await ben.SignInAsync();
                }
            }

            await AnaCarriesOnAsync(ana, spaceId);
            await CrawlAsync(world, ben, spaceId, feed);
            crawls.Add(await CrawlAsync(world, ben, spaceId, feed));
        }

        Assert.Contains(crawls[0], kv => kv.Key.EndsWith("/check-in/", StringComparison.Ordinal) && kv.Value.StartsWith("200", StringComparison.Ordinal) && kv.Value.Contains("\"revealed\":true", StringComparison.Ordinal));
        Assert.StartsWith("200", crawls[0]["calendar-feed"], StringComparison.Ordinal);
        SecurityReport.Record(
            "safety non-interference: the partner's crawl with and without a weekly safety pulse (API)" + LanguagesNamed(anaLanguage, benLanguage), "sqlite",
            crawls.Skip(1).Sum(_ => crawls[0].Count), Differences(crawls),
            $"{nameof(SafetyNonInterferenceTests)}.{nameof(The_other_member_sees_exactly_the_same_whatever_the_weekly_safety_pulse)}",
            "three worlds (no pulse, yes, no), every response the partner can reach");
        foreach (var other in crawls.Skip(1))
        {
            Assert.Equal(crawls[0].Keys.Order(), other.Keys.Order());
            Assert.Empty(crawls[0].Where(kv => !SeededBySpaceId(kv.Key) && kv.Value != other[kv.Key]).Select(kv => kv.Key));
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_pulse_answered_on_the_page_changes_nothing_the_other_member_sees(string? anaLanguage, string? benLanguage)
    {
        var crawls = new List<Dictionary<string, string>>();
        foreach (var pulse in new[] { "", "yes", "no" })
        {
            await using var world = new SqliteHearthFactory();
            var ana = await RegisterAsync(world, "Ana", "ana@example.org", anaLanguage);
            var ben = await RegisterAsync(world, "Ben", "ben@example.org", benLanguage);
            var spaceId = await ana.CreateSpaceAsync("romantic", label: "Us");
            await Expect.StatusAsync(HttpStatusCode.OK, await ben.AcceptAsync(await ana.InviteAsync(spaceId)));
            await Expect.StatusAsync(HttpStatusCode.Created, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/check-in", new { satisfaction = 7 }));
            var form = new Dictionary<string, string> { ["Satisfaction"] = "6", ["pulse.afraid"] = pulse, ["pulse.controlled"] = pulse };
            var answered = await ana.Http.SubmitAsync($"/spaces/{spaceId}/check-in", form);
            Assert.Equal(pulse == "yes" ? HttpStatusCode.OK : HttpStatusCode.Redirect, answered.StatusCode);
            if (pulse == "yes")
            {
                // The support card with its list of resources, in any language; its English heading in English.
                var shown = await answered.Content.ReadAsStringAsync();
                Assert.Contains("class=\"resources\"", shown, StringComparison.Ordinal);
                if (anaLanguage is null or "en")
                {
                    Assert.Contains("You deserve to feel safe", shown, StringComparison.Ordinal);
                }
            }

            await AnaCarriesOnAsync(ana, spaceId);
            await CrawlAsync(world, ben, spaceId);
            crawls.Add(await CrawlAsync(world, ben, spaceId));
        }

        SecurityReport.Record(
            "safety non-interference: the partner's crawl with and without a weekly safety pulse (page form)" + LanguagesNamed(anaLanguage, benLanguage), "sqlite",
            crawls.Skip(1).Sum(_ => crawls[0].Count), Differences(crawls),
            $"{nameof(SafetyNonInterferenceTests)}.{nameof(A_pulse_answered_on_the_page_changes_nothing_the_other_member_sees)}",
            "three worlds (no pulse, yes, no), every response the partner can reach");
        foreach (var other in crawls.Skip(1))
        {
            Assert.Equal(crawls[0].Keys.Order(), other.Keys.Order());
            var differing = crawls[0].Where(kv => !SeededBySpaceId(kv.Key) && kv.Value != other[kv.Key]).Select(kv => kv.Key).ToList();
            Assert.True(differing.Count == 0, string.Join("\n", differing.Select(k => $"{k}:\n  {crawls[0][k]}\n  {other[k]}")));
        }
    }

    /// <summary>The report row's suffix when the members chose languages (rows stay apart per pair).</summary>
    private static string LanguagesNamed(string? anaLanguage, string? benLanguage) =>
        anaLanguage is null && benLanguage is null ? "" : $", Ana in {anaLanguage ?? "en"} and Ben in {benLanguage ?? "en"}";

    /// <summary>Responses that differ from the first world's (or are missing), across the other worlds.</summary>
    private static int Differences(List<Dictionary<string, string>> crawls) =>
        crawls.Skip(1).Sum(other => crawls[0].Count(kv => !SeededBySpaceId(kv.Key) && (!other.TryGetValue(kv.Key, out var v) || v != kv.Value))
            + other.Keys.Count(k => !crawls[0].ContainsKey(k)));

    /// <summary>
    /// The day's question is picked with a seed taken from the space id, and separate worlds have
    /// different ids, so across worlds those two pages differ by construction. They read no check-in
    /// or safety data, and the one-world test above compares them byte for byte.
    /// </summary>
    private static bool SeededBySpaceId(string route) =>
        route.EndsWith("/prompt/today", StringComparison.Ordinal) || route.EndsWith("/today", StringComparison.Ordinal);

    /// <summary>Ben's own private calendar feed (its path holds the secret token).</summary>
    internal static async Task<string> BenFeedAsync(Person ben)
    {
        var created = await ben.Http.PostAsync(new Uri("/api/v1/account/calendar-feed", UriKind.Relative), null);
        await Expect.StatusAsync(HttpStatusCode.Created, created);
        var url = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("url").GetString()!;
        return new Uri(url).PathAndQuery;
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

    /// <summary>A member with their own language setting (null: none chosen, so English).</summary>
    internal static async Task<Person> RegisterAsync(SqliteHearthFactory world, string name, string email, string? language = null)
    {
        var http = world.NewClient();
        await Expect.StatusAsync(HttpStatusCode.Created, await http.PostAsJsonAsync("/api/v1/account/register", new { email, password = Person.DefaultPassword, displayName = name }));
        var person = new Person(world, http, email, Person.DefaultPassword, name);
        await person.SignInAsync();
        if (language is not null)
        {
            await Expect.StatusAsync(HttpStatusCode.OK, await http.PutAsJsonAsync("/api/v1/account/language", new { language }));
        }

        return person;
    }

    /// <summary>Every GET page and endpoint the app has, as this person, with ids filled in.</summary>
    internal static async Task<Dictionary<string, string>> CrawlAsync(SqliteHearthFactory world, Person viewer, Guid spaceId, string? feed = null)
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

        // The pair dashboard quotes today's question: blank its words (seeded by the space id, see
        // SeededBySpaceId) so the rest of the dashboard still compares byte for byte across worlds.
        var today = await viewer.GetJsonAsync($"/api/v1/spaces/{spaceId}/prompt/today");
        var question = (today.GetProperty("text").GetString()!, today.GetProperty("dimensionTitle").GetString()!);
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
            seen[route.Replace(spaceId.ToString(), "{space}", StringComparison.Ordinal)] = Normalise(BlankQuestion(text, question), spaceId);
        }

        if (feed is not null)
        {
            // The viewer's own calendar feed, fetched as a calendar app would (no cookies).
            var response = await world.NewClient().GetAsync(new Uri(feed, UriKind.Relative));
            seen["calendar-feed"] = (int)response.StatusCode + "\n" + response.Content.Headers.ContentType + "\n" + IcsUid().Replace(await response.Content.ReadAsStringAsync(), "UID:{uid}");
        }

        // Nothing was sent to the viewer by e-mail either.
        seen["outbox"] = string.Join("\n---\n", world.ReadOutbox().Where(m => m.Contains(viewer.Email, StringComparison.Ordinal)).Select(m => DateLine().Replace(m, "Date: ")));
        return seen;
    }

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An id that exists in no table: the same in every crawl, so its 404 compares equal.</summary>
    private const string FixedForeignId = "0195e8a2-0000-7000-8000-00000000beef";

    // The API writes "Nähe" as it is; JsonSerializer's default escapes it ("N\u00E4he"): blank both forms.
    private static string BlankQuestion(string text, (string Text, string Dimension) question) =>
        text.Replace(System.Text.Json.JsonSerializer.Serialize(question.Text), "\"{question}\"", StringComparison.Ordinal)
            .Replace(System.Text.Json.JsonSerializer.Serialize(question.Text, Relaxed), "\"{question}\"", StringComparison.Ordinal)
            .Replace("\"dimensionTitle\":" + System.Text.Json.JsonSerializer.Serialize(question.Dimension), "\"dimensionTitle\":\"{dimension}\"", StringComparison.Ordinal)
            .Replace("\"dimensionTitle\":" + System.Text.Json.JsonSerializer.Serialize(question.Dimension, Relaxed), "\"dimensionTitle\":\"{dimension}\"", StringComparison.Ordinal)
            .Replace(">" + System.Text.Encodings.Web.HtmlEncoder.Default.Encode(question.Text) + "<", ">{question}<", StringComparison.Ordinal);

    private static string Normalise(string text, Guid spaceId)
    {
        text = text.Replace(spaceId.ToString(), "{space}", StringComparison.Ordinal);
        text = PageText.WithoutAntiforgery(text);
        text = TraceId().Replace(text, "\"traceId\":\"{trace}\"");

        // Each world is its own installation with its own push server key (VAPID): not the member's data.
        text = PushServerKey().Replace(text, "\"publicKey\":\"{server key}\"");
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return AnyGuid().Replace(text, m => ids.TryGetValue(m.Value, out var n) ? n : ids[m.Value] = $"{{id{ids.Count}}}");
    }

    [GeneratedRegex("\"traceId\":\"[^\"]+\"")]
    private static partial Regex TraceId();

    [GeneratedRegex("\"publicKey\":\"[A-Za-z0-9_-]+\"")]
    private static partial Regex PushServerKey();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex AnyGuid();

    [GeneratedRegex("UID:[0-9a-f]{32}@hearth")]
    private static partial Regex IcsUid();

    [GeneratedRegex("Date: .*")]
    private static partial Regex DateLine();
}

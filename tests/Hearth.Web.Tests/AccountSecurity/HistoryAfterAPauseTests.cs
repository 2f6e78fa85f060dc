using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hearth.Web.Security;
using Hearth.Web.Tests.Infrastructure;
using Hearth.Web.Tests.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.AccountSecurity;

/// <summary>
/// "Is it still you?" (ADR 14): after a pause, everything that shows history asks first. History
/// is what people wrote or answered and what Hearth made of it: prompt answers (today's too),
/// check-ins, the assessment's answers, results and map, memories, notes, trends, insights and the
/// reconnect plan, the export; the account's devices and sign-in methods ask too. Every page and
/// endpoint of the app is decided here: it carries the mark (ConfirmItsYou, as an attribute on a
/// page or RequireConfirmedSession on an endpoint), or it is in the reviewed list of what is not
/// history. A new page or endpoint without a decision fails.
/// </summary>
public abstract class HistoryAfterAPauseTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    private const string Space = "/api/v1/spaces/{spaceId:guid}";
    private const string SpacePage = "PAGE /spaces/{spaceId:guid}";

    /// <summary>History, and the account's security: asks after a pause.</summary>
    public static readonly string[] AsksAfterAPause =
    [
        // Today's question: your answer, and the other's once both answered.
        $"GET {Space}/prompt/today", $"POST {Space}/prompt/days/{{date}}/answer", $"POST {Space}/prompt/days/{{date}}/skip", $"{SpacePage}/today",

        // The weekly check-in, this week and any earlier one.
        $"GET {Space}/check-in", $"GET {Space}/check-in/weeks/{{date}}", $"POST {Space}/check-in", $"{SpacePage}/check-in",

        // The assessment: your answers so far, your results, the shared map.
        $"GET {Space}/assessment", $"POST {Space}/assessment/start", $"PUT {Space}/assessment/answers", $"POST {Space}/assessment/complete",
        $"GET {Space}/assessment/results", $"GET {Space}/assessment/map",
        $"{SpacePage}/assessment/step/{{section}}", $"{SpacePage}/assessment/results", $"{SpacePage}/assessment/map",

        // Memories, private ones included, and notes sent and received.
        $"GET {Space}/memories", $"POST {Space}/memories", $"GET {Space}/memories/{{memoryId:guid}}", $"PUT {Space}/memories/{{memoryId:guid}}",
        $"DELETE {Space}/memories/{{memoryId:guid}}", $"{SpacePage}/memories", $"{SpacePage}/memories/{{memoryId:guid}}/edit",
        $"GET {Space}/notes", $"POST {Space}/notes", $"POST {Space}/notes/{{noteId:guid}}/read", $"{SpacePage}/notes",

        // Trends, insights and the reconnect plan they lead to.
        $"GET {Space}/trends", $"GET {Space}/insights", $"POST {Space}/reconnect-plan", $"PUT {Space}/reconnect-plan/steps/{{stepId}}", $"{SpacePage}/trends",

        // The guided conversations: the debrief of the map and what you saved from it, the talk-through
        // of a week both checked in, what changed between two rounds, and the insights you set aside.
        $"GET {Space}/assessment/debrief", $"PUT {Space}/assessment/debrief/saved/{{itemId}}", $"DELETE {Space}/assessment/debrief/saved/{{itemId}}",
        $"{SpacePage}/assessment/debrief", $"{SpacePage}/assessment/debrief/summary",
        $"GET {Space}/check-in/talk", $"POST {Space}/check-in/talk/agreement", $"{SpacePage}/check-in/talk",
        $"GET {Space}/assessment/changes", $"{SpacePage}/assessment/changes",
        $"GET {Space}/insights/not-fitting", $"PUT {Space}/insights/not-fitting/{{insightKey}}", $"DELETE {Space}/insights/not-fitting/{{insightKey}}",

        // A counsellor's sheet of a pair: their shared map, weeks and saved items.
        "GET /api/v1/counsellor/pairs/{grantId:guid}", "PAGE /counsellor/{grantId:guid}",
        // ...and what they suggest from it (the form is on the sheet).
        "POST /api/v1/counsellor/pairs/{grantId:guid}/suggestions",

        // Everything you gave Hearth.
        "GET /api/v1/account/export", "PAGE /account/data", "PAGE /account/data/view",

        // Your devices and ways of signing in.
        "PAGE /account/security", "GET /api/v1/account/sessions", "DELETE /api/v1/account/sessions/{sessionId:guid}", "POST /api/v1/account/sessions/end-others",
        "GET /api/v1/account/two-factor", "POST /api/v1/account/two-factor/setup", "POST /api/v1/account/two-factor/enable", "POST /api/v1/account/two-factor/disable",
        "GET /api/v1/account/passkeys", "POST /api/v1/account/passkeys/creation-options", "POST /api/v1/account/passkeys",
        "PUT /api/v1/account/passkeys/{passkeyId}/name", "DELETE /api/v1/account/passkeys/{passkeyId}",
    ];

    /// <summary>Reviewed: signed-in pages and endpoints that show no history (forms to write, settings, states, minutes).
    /// Anonymous ones (sign-in, sign-up, passkey sign-in, /learn, the calendar feed) show none by design and need no entry.</summary>
    public static readonly string[] NotHistory =
    [
        // Your account and its settings; confirming itself; leaving Hearth (these two need the passphrase anyway).
        "GET /api/v1/me", "POST /api/v1/account/confirm", "GET /api/v1/account/settings", "PUT /api/v1/account/settings",
        "GET /api/v1/account/calendar-feed", "POST /api/v1/account/calendar-feed", "DELETE /api/v1/account/calendar-feed",
        "POST /api/v1/account/import", "DELETE /api/v1/account", "POST /api/v1/account/sign-out",
        "GET /api/v1/account/language", "PUT /api/v1/account/language",
        "PAGE /account/confirm", "PAGE /account/settings", "PAGE /account/delete",

        // Spaces: who is in them and their names; the dashboard shows states, never an answer's words.
        "GET /api/v1/spaces", "POST /api/v1/spaces", "POST /api/v1/invitations/accept", $"GET {Space}", $"GET {Space}/dashboard",
        $"PUT {Space}/label", $"POST {Space}/invitations", $"DELETE {Space}/invitations", $"POST {Space}/leave",
        "PAGE /spaces", "PAGE /spaces/new", SpacePage, $"{SpacePage}/leave",

        // The assessment's questions and where to start; the safety check stores nothing.
        $"GET {Space}/assessment/questions", $"POST {Space}/assessment/safety-check", $"{SpacePage}/assessment", $"{SpacePage}/assessment/safety",

        // The pair's settings, practices and "our list", minutes of time together, the ritual's time, the check-in's questions.
        $"GET {Space}/settings", $"PUT {Space}/settings", $"{SpacePage}/settings",
        $"GET {Space}/practices", $"GET {Space}/practices/ours", $"PUT {Space}/practices/ours/{{practiceId}}", $"DELETE {Space}/practices/ours/{{practiceId}}", $"{SpacePage}/practices",
        $"GET {Space}/quality-time", $"POST {Space}/quality-time/timer/start", $"POST {Space}/quality-time/timer/stop", $"POST {Space}/quality-time/entries",
        $"DELETE {Space}/quality-time/entries/{{entryId:guid}}", $"{SpacePage}/time", $"{SpacePage}/time/week",
        $"GET {Space}/ritual", $"PUT {Space}/ritual", $"PUT {Space}/ritual/waking-hours", $"{SpacePage}/ritual",
        $"GET {Space}/check-in/questions",

        // When to offer a new assessment round (a pair setting), and the devices that get notifications:
        // what a notification says is only "Something new in Hearth".
        $"GET {Space}/assessment/retake-offer", $"PUT {Space}/assessment/retake-offer",
        "GET /api/v1/account/push/key", "GET /api/v1/account/push/devices", "POST /api/v1/account/push/devices",
        "DELETE /api/v1/account/push/devices/{deviceId:guid}", "POST /api/v1/account/push/test", "PAGE /account/notifications",
        "GET /api/v1/account/notifications", "PUT /api/v1/account/notifications", "GET /api/v1/account/notifications/log",
        $"POST {Space}/thinking-of-you", $"{SpacePage}/thinking-of-you",

        // A counsellor: who was invited, what each member allowed, when the counsellor looked (never what they saw);
        // the counsellor's list of pairs (names and dates).
        $"GET {Space}/counsellor", $"POST {Space}/counsellor", $"POST {Space}/counsellor/consent", $"DELETE {Space}/counsellor", $"{SpacePage}/counsellor",
        "GET /api/v1/counsellor/pairs", "PAGE /counsellor",
        // What a counsellor suggested to you both: a practice of the catalogue and the counsellor's own words, nothing either of you wrote.
        $"GET {Space}/counsellor/suggestions", $"POST {Space}/counsellor/suggestions/{{suggestionId:guid}}/dismiss",

        // Redeeming an operator's invitation code (ADR 50 §3): shows no history, only gives a role.
        "POST /api/v1/counsellor/redeem", "PAGE /counsellor/redeem",
    ];

    private static List<(string Key, bool Marked, bool Anonymous)> Endpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var route = "/" + (e.RoutePattern.RawText ?? "").Trim('/');
                var isPage = e.Metadata.GetMetadata<PageActionDescriptor>() is not null;
                var methods = isPage ? ["PAGE"] : e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                var marked = e.Metadata.GetMetadata<ConfirmItsYouAttribute>() is not null;
                var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
                return methods.Select(m => (Key: $"{m} {route}", Marked: marked, Anonymous: anonymous));
            })
            .DistinctBy(e => e.Key)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void Every_page_and_endpoint_is_decided_history_or_not()
    {
        factory.RequireAvailable();
        var endpoints = Endpoints(factory.Services);
        var all = endpoints.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var marked = endpoints.Where(e => e.Marked).Select(e => e.Key).ToList();
        var unmarkedHistory = AsksAfterAPause.Except(marked, StringComparer.Ordinal).ToList();
        var markedNotListed = marked.Except(AsksAfterAPause, StringComparer.Ordinal).ToList();
        var undecided = endpoints.Where(e => !e.Marked && !e.Anonymous && !NotHistory.Contains(e.Key, StringComparer.Ordinal)).Select(e => e.Key).ToList();
        var stale = AsksAfterAPause.Concat(NotHistory).Where(k => !all.Contains(k)).ToList();
        var both = NotHistory.Intersect(marked, StringComparer.Ordinal).ToList();
        Assert.True(
            unmarkedHistory.Count + markedNotListed.Count + undecided.Count + stale.Count + both.Count == 0,
            "What asks \"is it still you?\" after a pause is out of step with the decisions in this test (ADR 14).\n"
            + Lines("History that does not ask (mark it ConfirmItsYou / RequireConfirmedSession)", unmarkedHistory)
            + Lines("Marked but not in AsksAfterAPause (add it there)", markedNotListed)
            + Lines("Pages and endpoints without a decision (mark them, or add them to NotHistory with a reason)", undecided)
            + Lines("Listed but no longer in the app", stale)
            + Lines("In NotHistory but marked", both));
    }

    [Slow("every history page and endpoint, after a pause")]
    [Fact]
    public async Task After_a_pause_every_history_page_and_endpoint_asks_first_and_shows_nothing()
    {
        factory.RequireAvailable();
        var world = await MatrixWorld.BuildAsync(factory);
        var ana = world.Ana;
        var bodies = AuthorizationMatrix.Rows.Where(r => r.Body is not null).ToDictionary(r => r.Key, r => r.Body!, StringComparer.Ordinal);
        var markers = world.ForbiddenFor(Actor.Anonymous, export: false);

        // Away from the phone for longer than ConfirmAfterIdleMinutes (15); an everyday page notices.
        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        await ana.GetJsonAsync("/api/v1/me");
        var rowsBefore = await world.DatabaseRowsAsync();

        var failures = new List<string>();
        foreach (var key in AsksAfterAPause)
        {
            var method = key[..key.IndexOf(' ', StringComparison.Ordinal)];
            var url = world.Fill(key[(method.Length + 1)..], ObjectState.Revealed);
            using var request = new HttpRequestMessage(method == "PAGE" ? HttpMethod.Get : new HttpMethod(method), new Uri(url, UriKind.Relative));
            if (method is not ("GET" or "PAGE"))
            {
                request.Content = new StringContent(bodies.TryGetValue(key, out var body) ? MatrixWorld.FillBody(body, Actor.Self) : "", Encoding.UTF8, "application/json");
            }

            using var response = await ana.Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (markers.FirstOrDefault(m => text.Contains(m, StringComparison.Ordinal)) is { } shown)
            {
                failures.Add($"{key}: shows '{shown}' without asking");
            }

            if (method == "PAGE")
            {
                var location = response.Headers.Location?.OriginalString ?? "";
                const string confirm = "/account/confirm?returnUrl=";
                if (response.StatusCode != HttpStatusCode.Redirect || !location.StartsWith(confirm, StringComparison.Ordinal)
                    || Uri.UnescapeDataString(location[confirm.Length..]) != url)
                {
                    failures.Add($"{key}: {(int)response.StatusCode} {location} instead of asking at {confirm}{Uri.EscapeDataString(url)}");
                }
            }
            else if (response.StatusCode != HttpStatusCode.Unauthorized || !text.Contains(ConfirmItsYouEndpoints.Title, StringComparison.Ordinal))
            {
                failures.Add($"{key}: {(int)response.StatusCode} {(text.Length > 160 ? text[..160] : text)}");
            }
        }

        var rowsAfter = await world.DatabaseRowsAsync();
        foreach (var table in rowsBefore.Keys)
        {
            var changed = rowsBefore[table].Except(rowsAfter.GetValueOrDefault(table, [])).Count() + rowsAfter.GetValueOrDefault(table, []).Except(rowsBefore[table]).Count();
            if (changed > 0)
            {
                failures.Add($"{changed} rows of {table} changed before anyone confirmed");
            }
        }

        SecurityReport.Record(
            "\"is it still you?\": every history page and endpoint after a pause",
            factory.ProviderName, AsksAfterAPause.Length, failures.Count,
            $"{nameof(HistoryAfterAPauseTests<TFactory>)}.{nameof(After_a_pause_every_history_page_and_endpoint_asks_first_and_shows_nothing)}",
            $"{AsksAfterAPause.Length} marked pages and endpoints asked after 16 idle minutes; {NotHistory.Length} reviewed as not history");
        Assert.True(failures.Count == 0, $"{failures.Count} of {AsksAfterAPause.Length} did not ask first:\n" + string.Join("\n", failures));

        // Once confirmed, history opens again.
        await Expect.StatusAsync(HttpStatusCode.NoContent, await ana.Http.PostAsJsonAsync("/api/v1/account/confirm", new { passphrase = ana.Password }));
        await ana.GetJsonAsync(world.Fill($"{Space}/check-in/weeks/{{date}}", ObjectState.Revealed));
        await ana.Http.GetPageAsync(world.Fill("/spaces/{spaceId:guid}/today", ObjectState.Revealed));
    }

    private static string Lines(string heading, List<string> keys) =>
        keys.Count == 0 ? "" : $"{heading}:\n  {string.Join("\n  ", keys)}\n";
}

public sealed class HistoryAfterAPauseOnSqlite(SqliteHearthFactory factory) : HistoryAfterAPauseTests<SqliteHearthFactory>(factory);

public sealed class HistoryAfterAPauseOnPostgres(PostgresHearthFactory factory) : HistoryAfterAPauseTests<PostgresHearthFactory>(factory);

namespace Hearth.Web.Tests.Security;

/// <summary>Who is asking, relative to the object: its owner (Ana), her partner in that space (Ben),
/// someone with a space of their own (Cy), and Ana's ex-partner (Dee, who left their old space).</summary>
public enum Actor
{
    Anonymous,
    Self,
    Partner,
    Stranger,
    ExPartner,
}

/// <summary>Where the object is in its life. <see cref="None"/> is for endpoints without an object.</summary>
public enum ObjectState
{
    /// <summary>No object: account-level and public endpoints.</summary>
    None,

    /// <summary>Ana answered (today's prompt, this week's check-in, the assessment round) or wrote a private memory; Ben has not answered.</summary>
    Unrevealed,

    /// <summary>Both answered, so each sees the other's answers.</summary>
    Revealed,

    /// <summary>Made to be seen by both: a shared memory, a note, "our list", time together.</summary>
    Shared,

    /// <summary>Deleted by its owner (a memory, a time-together entry) in an open space.</summary>
    Deleted,

    /// <summary>In the space Ana shared with Dee, closed since Dee left.</summary>
    Closed,
}

/// <summary>Whose marker a row checks on an allowed answer (M: must appear, G: must be absent).</summary>
public enum Topic
{
    None,
    Prompt,
    CheckIn,
    Memory,
    Note,
}

/// <summary>
/// One endpoint or page (method + route pattern exactly as in the app's endpoint data source;
/// pages are "PAGE" and are fetched with GET) and what each actor may get in each object state.
/// Cells are five letters, one per actor in the order anonymous, self, partner, stranger, ex-partner:
/// A allowed (2xx, or 3xx not to sign-in), M allowed and the topic's marker appears,
/// G allowed and the topic's marker is absent (reveal-gated), R refused as a request (4xx other than
/// 401/404: the caller is allowed, the input or the object's state is not), N not found (the very 404
/// a missing id gets), S sign in first (401 for the API, a redirect to sign-in for pages), E the error
/// page's own 500,
/// - not run (a case that would spoil the world for the rest of the matrix, explained on the row).
/// </summary>
public sealed record MatrixRow(string Method, string Route, string? Body, Topic Topic, IReadOnlyDictionary<ObjectState, string> Cells)
{
    /// <summary>The caller's own export: it also holds what was once shared with them, closed spaces included.</summary>
    public bool Export { get; init; }

    /// <summary>Runs after every other unsafe case, in this order (leaving a space, signing out).</summary>
    public int Last { get; init; }

    public string Key => $"{Method} {Route}";

    public bool IsPage => Method == "PAGE";

    public bool IsSafe => Method is "GET" or "PAGE";
}

public static class AuthorizationMatrix
{
    private const string Pass = "a long walk by the quiet river";

    private static MatrixRow Row(string method, string route, string? body = null, Topic topic = Topic.None,
        string? g = null, string? u = null, string? r = null, string? s = null, string? d = null, string? c = null, int last = 0)
    {
        var cells = new Dictionary<ObjectState, string>();
        foreach (var (state, cell) in new[] { (ObjectState.None, g), (ObjectState.Unrevealed, u), (ObjectState.Revealed, r), (ObjectState.Shared, s), (ObjectState.Deleted, d), (ObjectState.Closed, c) })
        {
            if (cell is not null)
            {
                if (cell.Length != 5 || cell.Any(ch => !"AMGRNSE-".Contains(ch, StringComparison.Ordinal)))
                {
                    throw new ArgumentException($"{method} {route}: bad cell '{cell}'");
                }

                cells[state] = cell;
            }
        }

        return new MatrixRow(method, route, body, topic, cells) { Last = last };
    }

    /// <summary>
    /// The usual space-scoped answer: members may, everyone else gets the missing-id 404; in a closed
    /// space the one who stayed gets the neutral "this space is closed" (410, so R) and the one who left the 404.
    /// </summary>
    private static MatrixRow Space(string method, string route, string? body = null, string open = "SAANN", string closed = "SRNNN", Topic topic = Topic.None) =>
        Row(method, route, body, topic, u: open, r: open, c: closed);

    public static IReadOnlyList<MatrixRow> Rows { get; } =
    [
        // Public pages and endpoints (AnonymousSurfaceTests keeps that list short on purpose).
        Row("PAGE", "/", g: "AAAAA"),
        Row("PAGE", "/exit", g: "AAAAA"),
        // The page the service worker keeps for when Hearth cannot be reached: nothing about anyone (ADR 43).
        Row("PAGE", "/offline", g: "AAAAA"),
        // The language switch's page (its form posts the choice; signed out it sets only the cookie).
        Row("PAGE", "/language", g: "AAAAA"),
        // The error page itself answers 500 (it is where unhandled errors are re-executed).
        Row("PAGE", "/error", g: "EEEEE"),
        Row("PAGE", "/status/{code:int}", g: "AAAAA"),
        Row("PAGE", "/learn", g: "AAAAA"),
        Row("GET", "/api/v1/learn", g: "AAAAA"),
        Row("GET", "/health", g: "AAAAA"),
        Row("GET", "/health/live", g: "AAAAA"),
        Row("GET", "/health/ready", g: "AAAAA"),
        Row("GET", "/api/{documentName}/openapi.json", g: "AAAAA"),

        // The calendar feed: the long random token stands in for the person (calendar apps cannot sign in).
        Row("GET", "/calendar/{token}.ics", g: "AAAAA"),

        // A reminder e-mail's unsubscribe link: only a link Hearth signed works, for anyone who holds it; any other is a 404.
        Row("PAGE", "/unsubscribe/{token}", g: "NNNNN"),

        // An invitation link: whoever holds it may look; Ana is told it is her own link (410).
        Row("PAGE", "/join/{token}", g: "ARAAA"),

        // Accounts: signing up works for anyone; wrong or bogus credentials answer 401, never 2xx.
        Row("PAGE", "/account/register", g: "AAAAA"),
        Row("PAGE", "/account/sign-in", g: "AAAAA"),
        Row("PAGE", "/account/sign-in/code", g: "AAAAA"),
        Row("PAGE", "/account/sign-out", g: "AAAAA"),
        Row("PAGE", "/account/forgot", g: "AAAAA"),
        Row("PAGE", "/account/reset", g: "AAAAA"),
        Row("POST", "/api/v1/account/register", $$"""{"email":"{email}","password":"{{Pass}}","displayName":"New person"}""", g: "AAAAA"),
        Row("POST", "/api/v1/account/sign-in", $$"""{"email":"{email}","password":"{{Pass}}"}""", g: "SSSSS"),
        Row("POST", "/api/v1/account/sign-in/code", """{"code":"123456"}""", g: "SSSSS"),
        Row("POST", "/api/v1/account/forgot-password", """{"email":"{email}"}""", g: "AAAAA"),
        Row("POST", "/api/v1/account/reset-password", """{"userId":"0195e8a2-0000-7000-8000-000000000001","token":"not-a-token","newPassword":"another long walk by the river"}""", g: "RRRRR"),
        Row("POST", "/api/v1/account/passkeys/request-options", g: "AAAAA"),
        Row("POST", "/api/v1/account/passkeys/sign-in", """{"credential":{}}""", g: "SSSSS"),

        // One's own account: only ever one's own, whoever asks.
        Row("GET", "/api/v1/me", g: "SAAAA"),
        Row("POST", "/api/v1/account/confirm", """{"passphrase":"{password}"}""", g: "SAAAA"),
        Row("GET", "/api/v1/account/settings", g: "SAAAA"),
        Row("PUT", "/api/v1/account/settings", """{"timeZoneId":"Etc/UTC"}""", g: "SAAAA"),
        // Your own language: each member reads and sets only their own ("{language}" is the caller's own setting, so the matrix keeps its languages).
        Row("GET", "/api/v1/account/language", g: "SAAAA"),
        Row("PUT", "/api/v1/account/language", """{"language":"{language}"}""", g: "SAAAA"),
        Row("GET", "/api/v1/account/sessions", g: "SAAAA"),

        // Ana's second device: only she can end it; to anyone else the id is missing.
        Row("DELETE", "/api/v1/account/sessions/{sessionId:guid}", g: "SANNN"),
        Row("POST", "/api/v1/account/sessions/end-others", g: "SAAAA"),
        Row("GET", "/api/v1/account/two-factor", g: "SAAAA"),
        Row("POST", "/api/v1/account/two-factor/setup", g: "SAAAA"),
        Row("POST", "/api/v1/account/two-factor/enable", """{"code":"000000"}""", g: "SRRRR"),
        Row("POST", "/api/v1/account/two-factor/disable", """{"passphrase":"not the passphrase at all"}""", g: "SRRRR"),
        Row("GET", "/api/v1/account/passkeys", g: "SAAAA"),
        Row("POST", "/api/v1/account/passkeys/creation-options", g: "SAAAA"),
        Row("POST", "/api/v1/account/passkeys", """{"credential":{}}""", g: "SRRRR"),

        // Nobody in the world has a passkey, so these ids are missing for everyone.
        Row("PUT", "/api/v1/account/passkeys/{passkeyId}/name", """{"name":"phone"}""", g: "SNNNN"),
        Row("DELETE", "/api/v1/account/passkeys/{passkeyId}", g: "SNNNN"),
        Row("GET", "/api/v1/account/calendar-feed", g: "SAAAA"),
        Row("POST", "/api/v1/account/calendar-feed", g: "SAAAA"),
        Row("DELETE", "/api/v1/account/calendar-feed", g: "SAAAA"),
        // Web Push (ADR 43): only ever one's own devices; a malformed subscription is refused for everyone.
        Row("GET", "/api/v1/account/push/key", g: "SAAAA"),
        Row("GET", "/api/v1/account/push/devices", g: "SAAAA"),
        Row("POST", "/api/v1/account/push/devices", "{}", g: "SRRRR"),
        Row("DELETE", "/api/v1/account/push/devices/{deviceId:guid}", g: "SNNNN"),
        Row("POST", "/api/v1/account/push/test", g: "SAAAA"),
        // Notification choices and the log of what was sent (ADR 45): only ever one's own; a bad date is refused for everyone.
        Row("GET", "/api/v1/account/notifications", g: "SAAAA"),
        Row("PUT", "/api/v1/account/notifications", """{"pausedUntil":"not a date"}""", g: "SRRRR"),
        Row("GET", "/api/v1/account/notifications/log", g: "SAAAA"),
        // The export holds what was once shared with the caller, closed spaces included (docs/export-format.md).
        Row("GET", "/api/v1/account/export", g: "SAAAA") with { Export = true },
        Row("POST", "/api/v1/account/import", "{}", g: "SRRRR"),
        Row("DELETE", "/api/v1/account", """{"passphrase":"not the passphrase at all"}""", g: "SRRRR"),
        Row("POST", "/api/v1/account/sign-out", g: "SAAAA", last: 3),
        Row("PAGE", "/account/confirm", g: "SAAAA"),
        Row("PAGE", "/account/settings", g: "SAAAA"),
        Row("PAGE", "/account/security", g: "SAAAA"),
        Row("PAGE", "/account/notifications", g: "SAAAA"),
        Row("PAGE", "/account/data", g: "SAAAA"),
        Row("PAGE", "/account/data/view", g: "SAAAA") with { Export = true },
        Row("PAGE", "/account/delete", g: "SAAAA"),

        // Spaces.
        Row("GET", "/api/v1/spaces", g: "SAAAA"),
        Row("POST", "/api/v1/spaces", """{"kind":"friends"}""", g: "SAAAA"),
        Row("PAGE", "/spaces", g: "SAAAA"),
        Row("PAGE", "/spaces/new", g: "SAAAA"),
        Row("POST", "/api/v1/invitations/accept", """{"token":"not-a-real-invitation-token"}""", g: "SRRRR"),

        // The one who stayed in a closed space sees a neutral "closed" notice; nothing else.
        Space("GET", "/api/v1/spaces/{spaceId:guid}", closed: "SANNN"),
        Space("PAGE", "/spaces/{spaceId:guid}", closed: "SANNN"),
        // The pair dashboard: states only, never an answer's words (not even your own), before or after the reveal.
        Row("GET", "/api/v1/spaces/{spaceId:guid}/dashboard", topic: Topic.Prompt, u: "SGGNN", r: "SGGNN", c: "SANNN"),
        Space("PUT", "/api/v1/spaces/{spaceId:guid}/label", """{"label":"renamed"}"""),

        // Both spaces are full, so a new invitation is refused for members.
        Space("POST", "/api/v1/spaces/{spaceId:guid}/invitations", "{}", open: "SRRNN"),
        Space("DELETE", "/api/v1/spaces/{spaceId:guid}/invitations"),

        // Leaving closes the space: Ana leaves the unrevealed space and Ben the revealed one, last of all.
        // The one who stayed in a closed space may still leave it (to tidy it away); Dee has already left.
        // The leave page of a closed space is the closed notice (410) with that button, not "leave this space?".
        Row("POST", "/api/v1/spaces/{spaceId:guid}/leave", u: "SA-NN", r: "S-ANN", c: "SANNN", last: 1),
        Space("PAGE", "/spaces/{spaceId:guid}/leave"),

        // Assessment: Ana finished a round in the unrevealed space, both did in the revealed one.
        Space("GET", "/api/v1/spaces/{spaceId:guid}/assessment"),
        Space("GET", "/api/v1/spaces/{spaceId:guid}/assessment/questions"),
        Space("POST", "/api/v1/spaces/{spaceId:guid}/assessment/start", "{}"),
        Space("PUT", "/api/v1/spaces/{spaceId:guid}/assessment/answers", """{"answers":{"anchor.1":5}}"""),
        // A round may be finished with few answers (those dimensions say "not enough answers").
        Space("POST", "/api/v1/spaces/{spaceId:guid}/assessment/complete", "{}"),
        // Ben has no results yet in the unrevealed space: the same 404 as any missing thing.
        Row("GET", "/api/v1/spaces/{spaceId:guid}/assessment/results", u: "SANNN", r: "SAANN", c: "SRNNN"),
        Space("GET", "/api/v1/spaces/{spaceId:guid}/assessment/map"),
        Space("POST", "/api/v1/spaces/{spaceId:guid}/assessment/safety-check", """{"answers":{"safety.fear":1}}"""),
        Space("PAGE", "/spaces/{spaceId:guid}/assessment"),
        Space("PAGE", "/spaces/{spaceId:guid}/assessment/step/{section}"),
        Space("PAGE", "/spaces/{spaceId:guid}/assessment/results"),
        Space("PAGE", "/spaces/{spaceId:guid}/assessment/map"),
        Space("PAGE", "/spaces/{spaceId:guid}/assessment/safety"),
        // Checking in on the big picture: the offer from your own rounds; the pair's choice, either may change; what changed once both finished two rounds.
        Space("GET", "/api/v1/spaces/{spaceId:guid}/assessment/changes"),
        Space("GET", "/api/v1/spaces/{spaceId:guid}/assessment/retake-offer"),
        Space("PUT", "/api/v1/spaces/{spaceId:guid}/assessment/retake-offer", """{"enabled":true,"weeks":13}"""),
        Space("PAGE", "/spaces/{spaceId:guid}/assessment/changes"),

        // The debrief opens with the map. In the unrevealed space it is "waiting" (saving: 409); in the
        // revealed one the shared map (emotional, 67 and 50) has no strength or topic, so nothing can be saved (400).
        // Taking an item off is the same answer whether it was saved or not.
        Space("GET", "/api/v1/spaces/{spaceId:guid}/assessment/debrief"),
        Space("PUT", "/api/v1/spaces/{spaceId:guid}/assessment/debrief/saved/{itemId}", open: "SRRNN"),
        Space("DELETE", "/api/v1/spaces/{spaceId:guid}/assessment/debrief/saved/{itemId}"),
        Space("PAGE", "/spaces/{spaceId:guid}/assessment/debrief"),
        Space("PAGE", "/spaces/{spaceId:guid}/assessment/debrief/summary"),

        // Daily connection.
        Space("GET", "/api/v1/spaces/{spaceId:guid}/settings"),
        Space("PUT", "/api/v1/spaces/{spaceId:guid}/settings", """{"livingApart":false}"""),
        Space("PAGE", "/spaces/{spaceId:guid}/settings"),

        // Today's prompt: Ben sees Ana's answer only once he has answered too.
        Row("GET", "/api/v1/spaces/{spaceId:guid}/prompt/today", topic: Topic.Prompt, u: "SMGNN", r: "SMMNN", c: "SRNNN"),
        Row("PAGE", "/spaces/{spaceId:guid}/today", topic: Topic.Prompt, u: "SMGNN", r: "SMMNN", c: "SRNNN"),

        // Answers are final (409). Ben answering in the unrevealed space would reveal it (that is the
        // revealed space's setup), so he skips there instead: allowed, and it reveals nothing.
        Row("POST", "/api/v1/spaces/{spaceId:guid}/prompt/days/{date}/answer", """{"text":"later words"}""", u: "SR-NN", r: "SRRNN", c: "SRNNN"),
        Row("POST", "/api/v1/spaces/{spaceId:guid}/prompt/days/{date}/skip", u: "SRANN", r: "SRRNN", c: "SRNNN"),

        // Practices and "our list" (shared by both).
        Row("GET", "/api/v1/spaces/{spaceId:guid}/practices", s: "SAANN", c: "SRNNN"),
        Row("GET", "/api/v1/spaces/{spaceId:guid}/practices/ours", s: "SAANN", c: "SRNNN"),
        Row("PUT", "/api/v1/spaces/{spaceId:guid}/practices/ours/{practiceId}", s: "SAANN", c: "SRNNN"),
        Row("DELETE", "/api/v1/spaces/{spaceId:guid}/practices/ours/{practiceId}", s: "SAANN", c: "SRNNN"),
        Row("PAGE", "/spaces/{spaceId:guid}/practices", s: "SAANN", c: "SRNNN"),

        // Time together: the timer is the pair's (one runs at a time); entries are shared.
        Row("GET", "/api/v1/spaces/{spaceId:guid}/quality-time", s: "SAANN", c: "SRNNN"),
        Row("POST", "/api/v1/spaces/{spaceId:guid}/quality-time/timer/start", s: "SARNN", c: "SRNNN"),
        Row("POST", "/api/v1/spaces/{spaceId:guid}/quality-time/timer/stop", "{}", s: "SARNN", c: "SRNNN"),
        Row("POST", "/api/v1/spaces/{spaceId:guid}/quality-time/entries", """{"minutes":20}""", s: "SAANN", c: "SRNNN"),
        Row("DELETE", "/api/v1/spaces/{spaceId:guid}/quality-time/entries/{entryId:guid}", s: "SANNN", d: "SNNNN", c: "SRNNN"),
        Row("PAGE", "/spaces/{spaceId:guid}/time", s: "SAANN", c: "SRNNN"),
        Row("PAGE", "/spaces/{spaceId:guid}/time/week", s: "SAANN", c: "SRNNN"),

        // Notes: Ana's note to Ben; only the receiver marks it read (no read receipts).
        Row("GET", "/api/v1/spaces/{spaceId:guid}/notes", topic: Topic.Note, u: "SAANN", s: "SMMNN", c: "SRNNN"),
        Row("PAGE", "/spaces/{spaceId:guid}/notes", topic: Topic.Note, u: "SAANN", s: "SMMNN", c: "SRNNN"),
        Row("POST", "/api/v1/spaces/{spaceId:guid}/notes", """{"kind":"appreciation","text":"thank you"}""", u: "SAANN", s: "SAANN", c: "SRNNN"),
        Row("POST", "/api/v1/spaces/{spaceId:guid}/notes/{noteId:guid}/read", s: "SNANN", c: "SRNNN"),

        // Memories: Ana's private one (unrevealed, for good), a shared one, a deleted one, one in the closed space.
        Row("GET", "/api/v1/spaces/{spaceId:guid}/memories", topic: Topic.Memory, u: "SMGNN", s: "SMMNN", d: "SGGNN", c: "SRNNN"),
        Row("PAGE", "/spaces/{spaceId:guid}/memories", topic: Topic.Memory, u: "SMGNN", s: "SMMNN", d: "SGGNN", c: "SRNNN"),
        Row("POST", "/api/v1/spaces/{spaceId:guid}/memories", """{"title":"a new one","shared":true}""", s: "SAANN", c: "SRNNN"),
        Row("GET", "/api/v1/spaces/{spaceId:guid}/memories/{memoryId:guid}", topic: Topic.Memory, u: "SMNNN", s: "SMMNN", d: "SNNNN", c: "SRNNN"),
        Row("PAGE", "/spaces/{spaceId:guid}/memories/{memoryId:guid}/edit", topic: Topic.Memory, u: "SMNNN", s: "SMNNN", d: "SNNNN", c: "SRNNN"),
        Row("PUT", "/api/v1/spaces/{spaceId:guid}/memories/{memoryId:guid}", """{"title":"edited"}""", u: "SANNN", s: "SANNN", d: "SNNNN", c: "SRNNN"),
        Row("DELETE", "/api/v1/spaces/{spaceId:guid}/memories/{memoryId:guid}", u: "SANNN", s: "SANNN", d: "SNNNN", c: "SRNNN"),

        // Weekly check-in: the same mutual reveal as prompts.
        Space("GET", "/api/v1/spaces/{spaceId:guid}/ritual"),
        Space("PUT", "/api/v1/spaces/{spaceId:guid}/ritual", """{"day":"sunday","time":"19:00"}"""),
        Space("PUT", "/api/v1/spaces/{spaceId:guid}/ritual/waking-hours", """{"from":"08:00","to":"22:00"}"""),
        Space("PAGE", "/spaces/{spaceId:guid}/ritual"),
        // "Thinking of you": each member may send one (to the other, never told whether it arrived); the page's GET goes back to the space.
        Space("POST", "/api/v1/spaces/{spaceId:guid}/thinking-of-you"),
        Space("PAGE", "/spaces/{spaceId:guid}/thinking-of-you"),
        Row("GET", "/api/v1/spaces/{spaceId:guid}/check-in", topic: Topic.CheckIn, u: "SMGNN", r: "SMMNN", c: "SRNNN"),
        Row("GET", "/api/v1/spaces/{spaceId:guid}/check-in/weeks/{date}", topic: Topic.CheckIn, u: "SMGNN", r: "SMMNN", c: "SRNNN"),
        Row("PAGE", "/spaces/{spaceId:guid}/check-in", topic: Topic.CheckIn, u: "SMGNN", r: "SMMNN", c: "SRNNN"),
        Space("GET", "/api/v1/spaces/{spaceId:guid}/check-in/questions"),
        // The talk-through: nothing of either check-in (not even your own words) until both checked in; then both see both.
        Row("GET", "/api/v1/spaces/{spaceId:guid}/check-in/talk", topic: Topic.CheckIn, u: "SGGNN", r: "SMMNN", c: "SRNNN"),
        Row("PAGE", "/spaces/{spaceId:guid}/check-in/talk", topic: Topic.CheckIn, u: "SGGNN", r: "SMMNN", c: "SRNNN"),
        // The agreement waits for both check-ins (409), then lands on "our list".
        Row("POST", "/api/v1/spaces/{spaceId:guid}/check-in/talk/agreement", """{"practiceId":"practice.walk-and-talk"}""", u: "SRRNN", r: "SAANN", c: "SRNNN"),
        // Once a week (409); Ben checking in to the unrevealed space would reveal it, as above.
        Row("POST", "/api/v1/spaces/{spaceId:guid}/check-in", """{"satisfaction":7}""", u: "SR-NN", r: "SRRNN", c: "SRNNN"),
        Space("GET", "/api/v1/spaces/{spaceId:guid}/trends"),
        Space("GET", "/api/v1/spaces/{spaceId:guid}/insights"),
        Space("PAGE", "/spaces/{spaceId:guid}/trends"),
        // "This doesn't fit us": nobody sees a shared emotional strength here, so marking it is a 400; undo is always allowed.
        Space("GET", "/api/v1/spaces/{spaceId:guid}/insights/not-fitting"),
        Space("PUT", "/api/v1/spaces/{spaceId:guid}/insights/not-fitting/{insightKey}", open: "SRRNN"),
        Space("DELETE", "/api/v1/spaces/{spaceId:guid}/insights/not-fitting/{insightKey}"),
        // Nobody has felt apart for weeks, so there is no plan to start (409) and no step to mark (404 for all).
        Space("POST", "/api/v1/spaces/{spaceId:guid}/reconnect-plan", """{"weeks":3}""", open: "SRRNN"),
        Space("PUT", "/api/v1/spaces/{spaceId:guid}/reconnect-plan/steps/{stepId}", """{"done":true}""", open: "SNNNN"),

        // A counsellor (ADR 46; the counsellor's own states are CounsellorMatrixTests). Members read the space's
        // counsellor page; nobody here is a counsellor, so an invitation is refused (400), there is nothing to
        // agree to (409) or end (404), and the counsellor's own list and sheets are the missing-id 404 for all.
        Space("GET", "/api/v1/spaces/{spaceId:guid}/counsellor"),
        Space("PAGE", "/spaces/{spaceId:guid}/counsellor"),
        Space("POST", "/api/v1/spaces/{spaceId:guid}/counsellor", """{"email":"nobody-here@example.org","scopes":["map"]}""", open: "SRRNN"),
        Space("POST", "/api/v1/spaces/{spaceId:guid}/counsellor/consent", """{"scopes":["map"]}""", open: "SRRNN"),
        Space("DELETE", "/api/v1/spaces/{spaceId:guid}/counsellor", open: "SNNNN"),
        Row("GET", "/api/v1/counsellor/pairs", g: "SNNNN"),
        Row("GET", "/api/v1/counsellor/pairs/{grantId:guid}", g: "SNNNN"),
        Row("PAGE", "/counsellor", g: "SNNNN"),
        Row("PAGE", "/counsellor/{grantId:guid}", g: "SNNNN"),
        // What a counsellor suggested (ADR 50 §1): members read theirs (none in this world); putting away an unknown
        // suggestion is the missing-id 404; suggesting is a counsellor's, so for everyone here the sheet's 404.
        Space("GET", "/api/v1/spaces/{spaceId:guid}/counsellor/suggestions"),
        Space("POST", "/api/v1/spaces/{spaceId:guid}/counsellor/suggestions/{suggestionId:guid}/dismiss", open: "SNNNN"),
        Row("POST", "/api/v1/counsellor/pairs/{grantId:guid}/suggestions", """{"practiceId":"practice.walk-and-talk","note":"A thought"}""", g: "SNNNN"),
        // Redeeming an operator's invitation code (ADR 50 §3): the page is for anyone signed in; a made-up
        // code is the field error (400), and an account in an open space is refused first (409).
        Row("PAGE", "/counsellor/redeem", g: "SAAAA"),
        Row("POST", "/api/v1/counsellor/redeem", """{"code":"0000-0000-0000-0000-0000-0000-00"}""", g: "SRRRR"),
    ];
}

using System.Security.Claims;
using Hearth.Web.Data;
using Hearth.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Security;

/// <summary>
/// Server-side sessions. The sign-in cookie only names a row in UserSessions; every request checks
/// that the row still exists and was used recently. Signing out deletes the row, so a copied cookie
/// stops working at once, and a person can see and end their other sessions.
/// </summary>
public sealed class SessionStore(HearthDbContext db, TimeProvider clock, IOptions<HearthOptions> options, SqliteSessionReads? prepared = null)
{
    /// <summary>LastSeenAt is written at most this often, so ordinary reads stay reads.</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public async Task<Guid> StartAsync(Guid userId, string? userAgent, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            ClientLabel = ClientLabels.Describe(userAgent),
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>
    /// The session by its key, with the language and the spaces beside it. Not FirstOrDefault: with a
    /// collection beside it that needs APPLY, which SQLite lacks; the key matches at most one row.
    /// The memberships are matched on the session's user (the join key) and on the parameter too: SQLite
    /// does not push the join's condition into the joined subquery, and without the parameter it read
    /// every membership of the installation on every request (QueryPlanTests).
    /// A compiled query: every signed-in request runs it, and EF otherwise walks and hashes the whole
    /// expression tree each time to find its cached plan (ADR 48: the signed-in request's CPU time
    /// fell by a third). A compiled query belongs to one model, and EF refuses it on a context of
    /// another (the other provider, or another test world), so there is one per model: a production
    /// process has exactly one.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Microsoft.EntityFrameworkCore.Metadata.IModel, Func<HearthDbContext, Guid, Guid, IAsyncEnumerable<SessionRow>>> SessionQueries = [];

    private static Func<HearthDbContext, Guid, Guid, IAsyncEnumerable<SessionRow>> CompileSessionQuery() =>
        EF.CompileAsyncQuery((HearthDbContext db, Guid sessionId, Guid userId) =>
            db.UserSessions.IgnoreQueryFilters().AsNoTracking()
                .Where(s => s.Id == sessionId && s.UserId == userId)
                .Select(s => new SessionRow(
                    s.LastSeenAt,
                    s.NeedsConfirmation,
                    db.Users.Where(u => u.Id == s.UserId).Select(u => u.Language).FirstOrDefault(),
                    db.Memberships
                        .Where(m => m.UserId == s.UserId && m.UserId == userId && m.LeftAt == null && m.Space!.ClosedAt == null)
                        .Select(m => m.SpaceId)
                        .ToList())));

    /// <summary>The session with its language and spaces: on SQLite from the statement kept prepared (ADR 53), otherwise through EF Core.</summary>
    private async Task<SessionRow?> ReadSessionAsync(Guid sessionId, Guid userId, CancellationToken ct)
    {
        if (prepared is not null)
        {
            return prepared.Read(sessionId, userId);
        }

        return await ReadWithEfAsync(db, sessionId, userId, ct);
    }

    /// <summary>The session read through EF Core (PostgreSQL; and SessionReadsAgreeTests' reference on SQLite).</summary>
    internal static async Task<SessionRow?> ReadWithEfAsync(HearthDbContext db, Guid sessionId, Guid userId, CancellationToken ct)
    {
        var query = SessionQueries.GetValue(db.Model, static _ => CompileSessionQuery());
        await foreach (var row in query(db, sessionId, userId).WithCancellation(ct))
        {
            return row;
        }

        return null;
    }

    /// <summary>The member's own language setting as read with the session (null when not signed in or not set).</summary>
    public string? MemberLanguage { get; private set; }

    /// <summary>Whether <see cref="MemberLanguage"/> was read in this request (so nobody reads it again).</summary>
    public bool HasMemberLanguage { get; private set; }

    /// <summary>The open spaces read with the session, until <see cref="TakeSpaces"/> hands them to the request's scope.</summary>
    private List<Guid>? spaces;

    /// <summary>True when the session is live; touches it. False when it was ended or has gone idle.</summary>
    public async Task<bool> IsLiveAsync(Guid userId, Guid sessionId, CancellationToken ct = default)
    {
        var session = await ReadSessionAsync(sessionId, userId, ct);
        if (session is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var idle = TimeSpan.FromMinutes(Math.Max(1, options.Value.Security.IdleTimeoutMinutes));
        if (now - session.LastSeenAt > idle)
        {
            await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId).ExecuteDeleteAsync(ct);
            return false;
        }

        var confirmAfter = TimeSpan.FromMinutes(Math.Max(1, options.Value.Security.ConfirmAfterIdleMinutes));
        var needsConfirmation = session.NeedsConfirmation || now - session.LastSeenAt > confirmAfter;
        if (now - session.LastSeenAt > TouchInterval || needsConfirmation != session.NeedsConfirmation)
        {
            // Only ever raises NeedsConfirmation here: a confirmation in another request in the
            // meantime (ConfirmAsync) is not undone by this touch unless this request saw the pause.
            await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId)
                .ExecuteUpdateAsync(
                    u => u.SetProperty(x => x.LastSeenAt, now)
                        .SetProperty(x => x.NeedsConfirmation, x => x.NeedsConfirmation || needsConfirmation),
                    ct);
        }

        NeedsConfirmation = needsConfirmation;
        MemberLanguage = session.Language;
        HasMemberLanguage = true;
        spaces = session.SpaceIds;
        return true;
    }

    /// <summary>The spaces read with the session, once (null when the session was not read in this request).</summary>
    public List<Guid>? TakeSpaces()
    {
        var taken = spaces;
        spaces = null;
        return taken;
    }

    /// <summary>Whether this request's session paused long enough to ask "is it still you?" (set by <see cref="IsLiveAsync"/>).</summary>
    public bool NeedsConfirmation { get; private set; }

    /// <summary>The person proved it's them again: private history opens.</summary>
    public async Task ConfirmAsync(Guid userId, Guid sessionId, CancellationToken ct = default)
    {
        await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.NeedsConfirmation, false), ct);
        NeedsConfirmation = false;
    }

    public async Task EndAsync(Guid userId, Guid sessionId, CancellationToken ct = default) =>
        await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId).ExecuteDeleteAsync(ct);

    /// <summary>Ends every session of a person, except optionally the one in use (after a passphrase change).</summary>
    public async Task EndAllAsync(Guid userId, Guid? except = null, CancellationToken ct = default) =>
        await db.UserSessions.Where(s => s.UserId == userId && s.Id != except).ExecuteDeleteAsync(ct);

    /// <summary>Cookie event: reject a principal whose session row is gone or idle.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userIdText = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var sessionText = principal?.FindFirstValue(CurrentMember.SessionClaim);
        if (!Guid.TryParse(userIdText, out var userId) || !Guid.TryParse(sessionText, out var sessionId))
        {
            context.RejectPrincipal();
            return;
        }

        var store = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        if (!await store.IsLiveAsync(userId, sessionId, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        // Also honour security-stamp changes (passphrase reset elsewhere). Identity checks the stamp
        // only when the cookie was issued longer ago than its interval; the same test here first
        // spares every other request building a SignInManager just to learn that (ADR 48).
        if (StampCheckIsDue(context))
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
            if (context.Principal is null)
            {
                return;
            }
        }

        // The membership scope the query filters read, from the same read (fail closed: only now,
        // after every check passed).
        if (store.TakeSpaces() is { } spaces)
        {
            context.HttpContext.RequestServices.GetRequiredService<SpaceScope>().Use(spaces);
        }
    }

    /// <summary>Identity's own rule (SecurityStampValidator): validate when the cookie has no issue time or is older than the interval.</summary>
    private static bool StampCheckIsDue(CookieValidatePrincipalContext context)
    {
        if (context.Properties.IssuedUtc is not { } issued)
        {
            return true;
        }

        var services = context.HttpContext.RequestServices;
        var stamp = services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var clock = stamp.TimeProvider ?? services.GetRequiredService<TimeProvider>();
        return clock.GetUtcNow() - issued > stamp.ValidationInterval;
    }
}

/// <summary>Turns a user agent into a short, non-identifying label such as "Firefox on Linux".</summary>
public static class ClientLabels
{
    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown device";
        }

        var ua = userAgent;
        var browser = ua.Contains("Firefox/", StringComparison.Ordinal) ? "Firefox"
            : ua.Contains("Edg/", StringComparison.Ordinal) ? "Edge"
            : ua.Contains("Chrome/", StringComparison.Ordinal) || ua.Contains("Chromium/", StringComparison.Ordinal) ? "Chrome"
            : ua.Contains("Safari/", StringComparison.Ordinal) ? "Safari"
            : "A browser or app";
        var system = ua.Contains("Android", StringComparison.Ordinal) ? "Android"
            : ua.Contains("iPhone", StringComparison.Ordinal) || ua.Contains("iPad", StringComparison.Ordinal) ? "iOS"
            : ua.Contains("Windows", StringComparison.Ordinal) ? "Windows"
            : ua.Contains("Mac OS", StringComparison.Ordinal) ? "macOS"
            : ua.Contains("Linux", StringComparison.Ordinal) ? "Linux"
            : "an unknown system";
        return $"{browser} on {system}";
    }
}

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
public sealed class SessionStore(HearthDbContext db, TimeProvider clock, IOptions<HearthOptions> options)
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

    /// <summary>True when the session is live; touches it. False when it was ended or has gone idle.</summary>
    public async Task<bool> IsLiveAsync(Guid userId, Guid sessionId, CancellationToken ct = default)
    {
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, ct);
        if (session is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var idle = TimeSpan.FromMinutes(Math.Max(1, options.Value.Security.IdleTimeoutMinutes));
        if (now - session.LastSeenAt > idle)
        {
            db.UserSessions.Remove(session);
            await db.SaveChangesAsync(ct);
            return false;
        }

        var confirmAfter = TimeSpan.FromMinutes(Math.Max(1, options.Value.Security.ConfirmAfterIdleMinutes));
        if (now - session.LastSeenAt > confirmAfter && !session.NeedsConfirmation)
        {
            session.NeedsConfirmation = true;
        }

        if (now - session.LastSeenAt > TouchInterval || db.Entry(session).State == EntityState.Modified)
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync(ct);
        }

        NeedsConfirmation = session.NeedsConfirmation;
        return true;
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

        // Also honour security-stamp changes (passphrase reset elsewhere).
        await SecurityStampValidator.ValidatePrincipalAsync(context);
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

using System.Security.Cryptography;
using System.Text;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Features.Rituals;
using Hearth.Web.Security;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Hearth.Web.Features.Reminders;

/// <summary>
/// A member's private calendar feed of their rituals. The token is 32 random bytes; only its hash is
/// stored. Anyone holding the link can read the feed, so it carries nothing personal: a weekly
/// "Hearth" at the ritual's time, and nothing else.
/// </summary>
public sealed class CalendarFeedService(HearthDbContext db, CurrentMember current, TimeProvider clock)
{
    /// <summary>Base64url of 32 bytes.</summary>
    public const int TokenLength = 43;

    public async Task<CalendarFeedStatus> StatusAsync(CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        var feed = await db.Set<CalendarFeed>().AsNoTracking().FirstOrDefaultAsync(f => f.UserId == me, ct);
        return new CalendarFeedStatus(feed is not null, feed?.CreatedAt);
    }

    /// <summary>Makes a new link (switching any older one off).</summary>
    public async Task<CalendarFeedCreated> CreateAsync(string baseUrl, CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var feed = await db.Set<CalendarFeed>().FirstOrDefaultAsync(f => f.UserId == me, ct);
        if (feed is null)
        {
            feed = new CalendarFeed { UserId = me };
            db.Add(feed);
        }

        feed.TokenHash = Hash(token);
        feed.CreatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return new CalendarFeedCreated($"{baseUrl}/calendar/{token}.ics", feed.CreatedAt);
    }

    public async Task RevokeAsync(CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        await db.Set<CalendarFeed>().Where(f => f.UserId == me).ExecuteDeleteAsync(ct);
    }

    /// <summary>The feed for a token, or null (unknown, revoked or malformed: all the same).</summary>
    public async Task<string?> FeedAsync(string? token, CancellationToken ct = default)
    {
        if (token is null || token.Length != TokenLength || token.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return null;
        }

        var hash = Hash(token);
        var feed = await db.Set<CalendarFeed>().AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash, ct);
        if (feed is null)
        {
            return null;
        }

        // No one is signed in here, so the space filter would hide everything: look past it, and
        // restrict to the open spaces where the feed's owner is an active member.
        var spaceIds = db.Memberships.IgnoreQueryFilters()
            .Where(m => m.UserId == feed.UserId && m.LeftAt == null && m.Space!.ClosedAt == null)
            .Select(m => m.SpaceId);
        var rituals = await db.Set<SpaceRitual>().IgnoreQueryFilters().AsNoTracking()
            .Where(r => spaceIds.Contains(r.SpaceId))
            .ToListAsync(ct);
        var items = rituals
            .OrderBy(r => r.SpaceId)
            .Select(r => new IcsRitual(Uid(r.SpaceId, feed.UserId), r.ToRitual(), Instant.FromDateTimeOffset(r.UpdatedAt)))
            .ToList();
        return IcsCalendar.Write(items);
    }

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>An opaque, stable event id: it names neither the space nor the person.</summary>
    private static string Uid(Guid spaceId, Guid userId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"hearth-ritual|{spaceId:N}|{userId:N}")))[..32] + "@hearth";

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

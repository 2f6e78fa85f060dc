using Hearth.Core.CheckIns;
using Hearth.Core.Rituals;
using Hearth.Web.Data;
using Hearth.Web.Features.CheckIns;
using Hearth.Web.Features.Rituals;
using Hearth.Web.Security;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Hearth.Web.Features.Reminders;

/// <summary>
/// The discreet in-app reminder: spaces with a ritual where this week's check-in is still to do
/// for the caller. It reads only the caller's own check-ins, so it never says anything about the
/// other member, and it shows only as "Something new in Hearth".
/// </summary>
public sealed class CheckInReminders(HearthDbContext db, CurrentMember current, TimeProvider clock)
{
    public async Task<IReadOnlySet<Guid>> SpacesWithCheckInDueAsync(CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        var rituals = await db.Set<SpaceRitual>().AsNoTracking()
            .Where(r => db.Memberships.Any(m => m.SpaceId == r.SpaceId && m.UserId == me && m.LeftAt == null && m.Space!.ClosedAt == null))
            .ToListAsync(ct);
        if (rituals.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var spaceIds = rituals.Select(r => r.SpaceId).ToList();
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());

        // Only rows near this week can do it: one sent while it ran has a key at most a week either
        // side (no scan of years of history). A ritual change never asks again for a week already done.
        var earliest = PairCalendar.ToDateOnly(rituals.Min(r => PairWeek.WeekOf(now, r.ToRitual()).Key).PlusDays(-7));
        var mine = await db.Set<WeeklyCheckIn>().AsNoTracking()
            .Where(c => c.UserId == me && spaceIds.Contains(c.SpaceId) && c.Week >= earliest)
            .Select(c => new { c.SpaceId, c.Week, c.SubmittedAt })
            .ToListAsync(ct);
        return rituals
            .Where(ritual => CheckInWeeks.IsDue(
                ritual.ToRitual(),
                mine.Where(c => c.SpaceId == ritual.SpaceId),
                now,
                c => PairCalendar.ToLocalDate(c.Week),
                c => Instant.FromDateTimeOffset(c.SubmittedAt)))
            .Select(ritual => ritual.SpaceId)
            .ToHashSet();
    }
}

using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Data;

/// <summary>Closing a space: the one rule that leaving and deleting an account share.</summary>
public static class SpaceClosing
{
    /// <summary>
    /// Closes an open space for both (the other person sees only "this space is closed") and switches
    /// off its pending invitations and any counsellor's access. Used by leaving and by deleting an account,
    /// inside the caller's transaction; the caller saves.
    /// </summary>
    public static async Task CloseAsync(HearthDbContext db, Space space, DateTimeOffset now, CancellationToken ct)
    {
        if (space.ClosedAt is not null)
        {
            return;
        }

        // The space's lock first (ADR 55), as joining and making a link take it before the invitations.
        await RowLock.SpaceAsync(db, space.Id, ct);
        space.ClosedAt = now;
        var spaceId = space.Id;
        await db.Invitations.IgnoreQueryFilters()
            .Where(i => i.SpaceId == spaceId && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), ct);

        // A counsellor the pair invited sees nothing more of a closed space (ADR 46).
        await db.Set<Features.Counsellors.CounsellorGrant>().IgnoreQueryFilters()
            .Where(g => g.SpaceId == spaceId && g.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.EndedAt, now), ct);
    }
}

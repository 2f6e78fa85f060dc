using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Data;

/// <summary>Closing a space: the one rule that leaving and deleting an account share.</summary>
public static class SpaceClosing
{
    /// <summary>
    /// Closes an open space for both (the other person sees only "this space is closed") and switches
    /// off its pending invitations. Used by leaving and by deleting an account; the caller saves.
    /// </summary>
    public static async Task CloseAsync(HearthDbContext db, Space space, DateTimeOffset now, CancellationToken ct)
    {
        if (space.ClosedAt is not null)
        {
            return;
        }

        space.ClosedAt = now;
        var spaceId = space.Id;
        await db.Invitations.IgnoreQueryFilters()
            .Where(i => i.SpaceId == spaceId && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), ct);
    }
}

using Microsoft.EntityFrameworkCore;
using Hearth.Web.Data;

namespace Hearth.Web.Features.Debriefs;

/// <summary>One item saved for a counsellor in a space: by both members, or by one (never saying which).</summary>
public sealed record CounsellorSavedItem(string ItemId, bool SavedByBoth);

/// <summary>
/// The hook for a counsellor view (ADR 41): the items of a space's debrief that both or either
/// member saved "for a counsellor", without saying who saved what when only one did. Nothing maps
/// it to a route yet: the counsellor role that will call it must first check that the counsellor
/// was invited into this space by its members. It reads past the query filter (a counsellor is not
/// a member) and only for <paramref name="spaceId"/>.
/// </summary>
public sealed class CounsellorShelf(HearthDbContext db)
{
    public async Task<IReadOnlyList<CounsellorSavedItem>> ForSpaceAsync(Guid spaceId, CancellationToken ct = default)
    {
        var rows = await db.Set<DebriefSavedItem>().IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.SpaceId == spaceId)
            .Select(x => new { x.ItemId, x.UserId })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.ItemId, StringComparer.Ordinal)
            .Select(g => new CounsellorSavedItem(g.Key, g.Select(r => r.UserId).Distinct().Count() > 1))
            .OrderByDescending(i => i.SavedByBoth)
            .ThenBy(i => i.ItemId, StringComparer.Ordinal)
            .ToList();
    }
}

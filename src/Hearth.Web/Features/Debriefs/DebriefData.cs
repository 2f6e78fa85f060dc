using System.Text.Json;
using Hearth.Core.Debriefs;
using Hearth.Core.Practices;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Export;
using Hearth.Web.Features.DataRights;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Features.Debriefs;

/// <summary>Something you saved for a counsellor from the debrief: a debrief line or practice id, and when.</summary>
public sealed record SavedForCounsellorItem(string ItemId, DateTimeOffset SavedAt);

/// <summary>Each member's "saved for a counsellor" list. Nothing of it is ever shown to the other member.</summary>
public sealed class DebriefData(HearthDbContext db) : IPersonalDataKind
{
    public string Name => "savedForCounsellor";

    public KindDisplay Display { get; } = new("What you saved for a counsellor from the debrief");

    public async Task<KindExport> ExportAsync(MemberSpace space, CancellationToken ct)
    {
        var rows = await db.Set<DebriefSavedItem>().IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.SpaceId == space.SpaceId && x.UserId == space.Me)
            .ToListAsync(ct);
        return KindExport.Of<SavedForCounsellorItem, SavedForCounsellorItem>(rows.Select(x => new SavedForCounsellorItem(x.ItemId, ExportJson.Instant(x.SavedAt))), null);
    }

    public ImportWriter? PrepareImport(JsonElement mine, string path, FieldErrors errors)
    {
        var items = ExportJson.ReadList<SavedForCounsellorItem>(mine, path, errors);
        if (items is null)
        {
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var id = items[i].ItemId ?? "";
            if (!DebriefContent.Default.TryGet(id, out _) && !PracticeCatalog.Default.TryGet(id, out _))
            {
                errors.Add($"{path}[{i}].itemId", "This is not a debrief line or practice this Hearth knows.");
            }
            else if (!seen.Add(id))
            {
                errors.Add($"{path}[{i}].itemId", "This item is on the list twice.");
            }
        }

        return (target, _) =>
        {
            foreach (var item in items)
            {
                db.Add(new DebriefSavedItem { Id = Guid.CreateVersion7(), SpaceId = target.SpaceId, UserId = target.Me, ItemId = item.ItemId, SavedAt = item.SavedAt });
            }

            return Task.CompletedTask;
        };
    }

    public Task EraseAsync(Guid userId, CancellationToken ct) =>
        db.Set<DebriefSavedItem>().IgnoreQueryFilters().Where(x => x.UserId == userId).ExecuteDeleteAsync(ct);
}

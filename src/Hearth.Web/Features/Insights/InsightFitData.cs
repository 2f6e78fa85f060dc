using System.Text.Json;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Export;
using Hearth.Web.Features.DataRights;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Features.Insights;

/// <summary>An insight you marked "this doesn't fit us": its key (kind, who sees it, dimensions, measures) and when.</summary>
public sealed record NotFittingItem(string InsightKey, DateTimeOffset MarkedAt);

/// <summary>Each member's "this doesn't fit us" marks. Never shown to the other member; the operator's counts carry no person and stay.</summary>
public sealed class InsightFitData(HearthDbContext db) : IPersonalDataKind
{
    public string Name => "insightsNotFitting";

    public KindDisplay Display { get; } = new("Insights you marked as not fitting");

    public async Task<KindExport> ExportAsync(MemberSpace space, CancellationToken ct)
    {
        var rows = await db.Set<InsightNotFitting>().IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.SpaceId == space.SpaceId && x.UserId == space.Me)
            .ToListAsync(ct);
        return KindExport.Of<NotFittingItem, NotFittingItem>(rows.Select(x => new NotFittingItem(x.InsightKey, ExportJson.Instant(x.MarkedAt))), null);
    }

    public ImportWriter? PrepareImport(JsonElement mine, string path, FieldErrors errors)
    {
        var items = ExportJson.ReadList<NotFittingItem>(mine, path, errors);
        if (items is null)
        {
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var key = items[i].InsightKey ?? "";
            if (key.Length is 0 or > 200 || key.Split('.').Length != 4)
            {
                errors.Add($"{path}[{i}].insightKey", "This is not an insight key this Hearth knows.");
            }
            else if (!seen.Add(key))
            {
                errors.Add($"{path}[{i}].insightKey", "This insight is on the list twice.");
            }
        }

        // Imported marks hide the same insights on the new Hearth; the counts there are that Hearth's own and are not raised.
        return (target, _) =>
        {
            foreach (var item in items)
            {
                db.Add(new InsightNotFitting { Id = Guid.CreateVersion7(), SpaceId = target.SpaceId, UserId = target.Me, InsightKey = item.InsightKey, MarkedAt = item.MarkedAt });
            }

            return Task.CompletedTask;
        };
    }

    public Task EraseAsync(Guid userId, CancellationToken ct) =>
        db.Set<InsightNotFitting>().IgnoreQueryFilters().Where(x => x.UserId == userId).ExecuteDeleteAsync(ct);
}

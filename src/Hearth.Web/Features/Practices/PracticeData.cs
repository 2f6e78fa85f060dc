using System.Text.Json;
using Hearth.Core.Practices;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Export;
using Hearth.Web.Features.DataRights;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Features.Practices;

/// <summary>A practice you put on "our list". "title" is the catalogue's title, for reading; import goes by practiceId.</summary>
public sealed record ChosenPracticeItem(string PracticeId, string Title, DateTimeOffset AddedAt);

/// <summary>A practice the other person put on "our list".</summary>
public sealed record SharedChosenPracticeItem(string PracticeId, string Title);

/// <summary>"Our list" of practices: catalogue ids only. Each entry belongs to whoever added it.</summary>
public sealed class PracticeData(HearthDbContext db) : IPersonalDataKind
{
    public string Name => "practices";

    public KindDisplay Display { get; } = new("Practices you put on your list", "Practices they put on your list");

    public async Task<KindExport> ExportAsync(MemberSpace space, CancellationToken ct)
    {
        var rows = await db.Set<ChosenPractice>().IgnoreQueryFilters().AsNoTracking().Where(p => p.SpaceId == space.SpaceId).ToListAsync(ct);
        var mine = rows.Where(p => p.AddedByUserId == space.Me).Select(p => new ChosenPracticeItem(p.PracticeId, Title(p.PracticeId), ExportJson.Instant(p.AddedAt)));
        var shared = rows.Where(p => p.AddedByUserId != space.Me).Select(p => new SharedChosenPracticeItem(p.PracticeId, Title(p.PracticeId)));
        return KindExport.Of(mine, shared);
    }

    public ImportWriter? PrepareImport(JsonElement mine, string path, FieldErrors errors)
    {
        var items = ExportJson.ReadList<ChosenPracticeItem>(mine, path, errors);
        if (items is null)
        {
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (!PracticeCatalog.Default.TryGet(items[i].PracticeId, out _))
            {
                errors.Add($"{path}[{i}].practiceId", "This practice is not one this Hearth knows.");
            }
            else if (!seen.Add(items[i].PracticeId))
            {
                errors.Add($"{path}[{i}].practiceId", "This practice is on the list twice.");
            }
        }

        return (target, _) =>
        {
            foreach (var item in items)
            {
                db.Add(new ChosenPractice { Id = Guid.CreateVersion7(), SpaceId = target.SpaceId, PracticeId = item.PracticeId, AddedByUserId = target.Me, AddedAt = item.AddedAt });
            }

            return Task.CompletedTask;
        };
    }

    public Task EraseAsync(Guid userId, CancellationToken ct) =>
        db.Set<ChosenPractice>().IgnoreQueryFilters().Where(p => p.AddedByUserId == userId).ExecuteDeleteAsync(ct);

    private static string Title(string id) => PracticeCatalog.Default.TryGet(id, out var p) ? p.Title : "";
}

using System.Text.Json;
using Hearth.Core.Rituals;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Export;
using Hearth.Web.Features.DataRights;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Hearth.Web.Features.Rituals;

/// <summary>The weekly check-in ritual of the space: a day ("sunday"), a time ("19:00") and the time zone they are meant in.</summary>
public sealed record RitualItem(string Day, string Time, string TimeZone, DateTimeOffset UpdatedAt);

/// <summary>
/// The space's weekly ritual (at most one). Like the space's settings it belongs to the pair: either
/// of you could set or change it, so it is in both of your exports, and it stays with the space when
/// one of you deletes their account (it goes when the space goes).
/// </summary>
public sealed class RitualData(HearthDbContext db) : IPersonalDataKind
{
    public string Name => "ritual";

    public KindDisplay Display { get; } = new("Your weekly check-in time");

    public async Task<KindExport> ExportAsync(MemberSpace space, CancellationToken ct)
    {
        var row = await db.Set<SpaceRitual>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.SpaceId == space.SpaceId, ct);
        IEnumerable<RitualItem> mine = row is null
            ? []
            : [new RitualItem(DayName((IsoDayOfWeek)row.Day), RitualService.Show(LocalTime.FromMinutesSinceMidnight(row.MinuteOfDay)), row.TimeZoneId, ExportJson.Instant(row.UpdatedAt))];
        return new KindExport(ExportJson.Element(mine.ToList()), null);
    }

    public ImportWriter? PrepareImport(JsonElement mine, string path, FieldErrors errors)
    {
        var items = ExportJson.ReadAtMostOne<RitualItem>(mine, path, errors, "A space has one weekly ritual at most.");
        if (items is null)
        {
            return null;
        }

        var clean = new List<(Ritual Ritual, DateTimeOffset UpdatedAt)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = $"{path}[{i}]";
            if (Enum.GetValues<IsoDayOfWeek>().All(d => d == IsoDayOfWeek.None || DayName(d) != item.Day))
            {
                errors.Add($"{at}.day", "The day is written out in small letters, from monday to sunday.");
                continue;
            }

            var ritual = Ritual.TryCreate(item.Day, item.Time, item.TimeZone, out var problems);
            foreach (var problem in problems)
            {
                errors.Add($"{at}.{problem.Field}", problem.Message);
            }

            if (ritual is not null)
            {
                clean.Add((ritual, item.UpdatedAt));
            }
        }

        return (target, _) =>
        {
            foreach (var (ritual, updatedAt) in clean)
            {
                db.Add(new SpaceRitual
                {
                    SpaceId = target.SpaceId,
                    Day = (int)ritual.Day,
                    MinuteOfDay = (ritual.Time.Hour * 60) + ritual.Time.Minute,
                    TimeZoneId = ritual.Zone.Id,
                    UpdatedAt = updatedAt,
                });
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>Nothing to erase: the ritual is the pair's, like the space's settings, and goes with the space.</summary>
    public Task EraseAsync(Guid userId, CancellationToken ct) => Task.CompletedTask;

    internal static string DayName(IsoDayOfWeek day) => day.ToString().ToLowerInvariant();
}

using System.Text.Json;
using Hearth.Core.QualityTime;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Export;
using Hearth.Web.Features.Daily;
using Hearth.Web.Features.DataRights;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Hearth.Web.Features.QualityTime;

/// <summary>Time together you logged: "timer" (with its start) or "manual" (minutes typed in by hand), counted toward one day.</summary>
public sealed record TimeTogetherItem(string Day, string Source, DateTimeOffset? StartedAt, int Seconds, DateTimeOffset CreatedAt);

/// <summary>Time together the other person logged (you both saw it on your week).</summary>
public sealed record SharedTimeTogetherItem(string Day, string Source, int Seconds);

/// <summary>Time together: an entry belongs to whoever logged it; both of you saw all of them.</summary>
public sealed class TimeTogetherData(HearthDbContext db) : IPersonalDataKind
{
    public string Name => "timeTogether";

    public KindDisplay Display { get; } = new("Time together you noted", "Time together they noted");

    public async Task<KindExport> ExportAsync(MemberSpace space, CancellationToken ct)
    {
        var rows = await db.Set<TimeTogether>().IgnoreQueryFilters().AsNoTracking().Where(t => t.SpaceId == space.SpaceId).ToListAsync(ct);
        var mine = rows.Where(t => t.LoggedByUserId == space.Me)
            .Select(t => new TimeTogetherItem(Day(t.Day), Source(t.Source), ExportJson.Instant(t.StartedAt), t.Seconds, ExportJson.Instant(t.CreatedAt)));
        var shared = rows.Where(t => t.LoggedByUserId != space.Me).Select(t => new SharedTimeTogetherItem(Day(t.Day), Source(t.Source), t.Seconds));
        return KindExport.Of(mine, shared);
    }

    public ImportWriter? PrepareImport(JsonElement mine, string path, FieldErrors errors)
    {
        var items = ExportJson.ReadList<TimeTogetherItem>(mine, path, errors);
        if (items is null)
        {
            return null;
        }

        var clean = new List<(LocalDate Day, QualityTimeSource Source, DateTimeOffset? StartedAt, int Seconds, DateTimeOffset CreatedAt)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = $"{path}[{i}]";
            if (!DailyText.TryParseDate(item.Day, out var day))
            {
                errors.Add($"{at}.day", "Dates are year-month-day, for example 2026-11-21.");
            }

            QualityTimeSource? source = item.Source switch { "timer" => QualityTimeSource.Timer, "manual" => QualityTimeSource.Manual, _ => null };
            if (source is null)
            {
                errors.Add($"{at}.source", "Time together comes from the \"timer\" or is \"manual\".");
            }
            else if (source == QualityTimeSource.Timer && item.StartedAt is null)
            {
                errors.Add($"{at}.startedAt", "Time from the timer keeps when it started.");
            }

            if (item.Seconds is < 1 or > QualityTimeLog.MaxMinutesPerEntry * 60)
            {
                errors.Add($"{at}.seconds", "An entry is between one second and a whole day.");
            }

            clean.Add((day, source ?? QualityTimeSource.Manual, source == QualityTimeSource.Timer ? item.StartedAt : null, item.Seconds, item.CreatedAt));
        }

        return (target, token) =>
        {
            foreach (var (day, source, startedAt, seconds, createdAt) in clean)
            {
                db.Add(new TimeTogether
                {
                    Id = Guid.CreateVersion7(),
                    SpaceId = target.SpaceId,
                    Source = source,
                    StartedAt = startedAt,
                    Day = day.ToDateOnly(),
                    Seconds = seconds,
                    LoggedByUserId = target.Me,
                    CreatedAt = createdAt,
                });
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>The person's own entries go (and a timer they started); entries the other person logged stay theirs.</summary>
    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        await db.Set<TimeTogether>().IgnoreQueryFilters().Where(t => t.LoggedByUserId == userId).ExecuteDeleteAsync(ct);
        await db.Set<RunningTimer>().IgnoreQueryFilters().Where(t => t.StartedByUserId == userId).ExecuteDeleteAsync(ct);
    }

    private static string Day(DateOnly day) => DailyText.Iso(LocalDate.FromDateOnly(day));

    private static string Source(QualityTimeSource source) => source == QualityTimeSource.Timer ? "timer" : "manual";
}

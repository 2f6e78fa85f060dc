using System.Text.Json;
using Hearth.Core.Rituals;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Export;
using Hearth.Web.Features.DataRights;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Hearth.Web.Features.Rituals;

/// <summary>The hours you are usually awake, on your own clock ("08:00" to "22:00"), used to find ritual times that suit you both.</summary>
public sealed record WakingHoursItem(string From, string To, DateTimeOffset UpdatedAt);

/// <summary>The other person's waking hours (both of you saw both).</summary>
public sealed record SharedWakingHoursItem(string From, string To);

/// <summary>Waking hours: at most one window per person and space. Each window is its owner's.</summary>
public sealed class WakingHoursData(HearthDbContext db) : IPersonalDataKind
{
    public string Name => "wakingHours";

    public KindDisplay Display { get; } = new("Your waking hours", "Their waking hours");

    public async Task<KindExport> ExportAsync(MemberSpace space, CancellationToken ct)
    {
        var rows = await db.Set<MemberWakingHours>().IgnoreQueryFilters().AsNoTracking().Where(w => w.SpaceId == space.SpaceId).ToListAsync(ct);
        var mine = rows.Where(w => w.UserId == space.Me).Select(w => new WakingHoursItem(Show(w.FromMinute), Show(w.ToMinute), ExportJson.Instant(w.UpdatedAt)));
        var shared = rows.Where(w => w.UserId != space.Me).Select(w => new SharedWakingHoursItem(Show(w.FromMinute), Show(w.ToMinute)));
        return KindExport.Of(mine, shared);
    }

    public ImportWriter? PrepareImport(JsonElement mine, string path, FieldErrors errors)
    {
        var items = ExportJson.ReadAtMostOne<WakingHoursItem>(mine, path, errors, "A person has one set of waking hours in a space.");
        if (items is null)
        {
            return null;
        }

        var clean = new List<(WakingWindow Window, DateTimeOffset UpdatedAt)>();
        for (var i = 0; i < items.Count; i++)
        {
            var window = WakingWindow.TryCreate(items[i].From, items[i].To, out var problems);
            foreach (var problem in problems)
            {
                errors.Add($"{path}[{i}].{(problem.Field == WakingWindow.FromField ? "from" : "to")}", problem.Message);
            }

            if (window is not null)
            {
                clean.Add((window, items[i].UpdatedAt));
            }
        }

        return (target, _) =>
        {
            foreach (var (window, updatedAt) in clean)
            {
                db.Add(new MemberWakingHours
                {
                    SpaceId = target.SpaceId,
                    UserId = target.Me,
                    FromMinute = (window.From.Hour * 60) + window.From.Minute,
                    ToMinute = (window.To.Hour * 60) + window.To.Minute,
                    UpdatedAt = updatedAt,
                });
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>The person's own waking hours go; the other person's stay theirs.</summary>
    public Task EraseAsync(Guid userId, CancellationToken ct) =>
        db.Set<MemberWakingHours>().IgnoreQueryFilters().Where(w => w.UserId == userId).ExecuteDeleteAsync(ct);

    private static string Show(int minutes) => RitualService.Show(LocalTime.FromMinutesSinceMidnight(minutes));
}

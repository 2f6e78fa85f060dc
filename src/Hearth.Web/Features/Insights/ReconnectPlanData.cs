using System.Text.Json;
using Hearth.Core.Insights;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Export;
using Hearth.Web.Features.Daily;
using Hearth.Web.Features.DataRights;
using Hearth.Web.Features.Rituals;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Hearth.Web.Features.Insights;

/// <summary>
/// A reconnect plan: the week it starts in, how many weeks it lasts, whether it is the two of you's
/// ("shared") or only yours, and the ids of the steps marked done (the steps themselves come from Hearth).
/// </summary>
public sealed record ReconnectPlanItem(string StartWeek, int Weeks, bool Shared, IReadOnlyList<string> DoneSteps, DateTimeOffset StartedAt);

/// <summary>
/// Reconnect plans: the ones only you see, and the ones you both see (either of you could start one
/// or mark its steps, so those are in both of your exports, like the space's settings). A plan only
/// the other person sees is never here. Deleting an account takes its private plans; a shared plan
/// stays with the space for the other person.
/// </summary>
public sealed class ReconnectPlanData(HearthDbContext db, Microsoft.Extensions.Localization.IStringLocalizer<InsightsText> text) : IPersonalDataKind
{
    public string Name => "reconnectPlans";

    public KindDisplay Display { get; } = new("Your plans to reconnect")
    {
        Value = (name, value) =>
            name == "doneSteps" && value.ValueKind == JsonValueKind.Array
                && value.GetArrayLength() > 0
                ? string.Join(", ", value.EnumerateArray().Select(v => v.GetString() is { } id && StepTitles(text).TryGetValue(id, out var title) ? title : KindDisplay.Text(v)))
                : null,
    };

    /// <summary>Step ids of a reconnect plan, as the titles people saw, in the reader's language.</summary>
    private static Dictionary<string, string> StepTitles(Microsoft.Extensions.Localization.IStringLocalizer<InsightsText> text) =>
        ReconnectPlan.Create(new LocalDate(2000, 1, 3), ReconnectPlan.MaximumWeeks, InsightTexts.For(System.Globalization.CultureInfo.CurrentUICulture.Name)).Steps
            .ToDictionary(s => s.Id, s => s.Id.StartsWith("reconnect.device-free-time.", StringComparison.Ordinal) ? text["StepInWeek", s.Title, s.Week].Value : s.Title, StringComparer.Ordinal);

    public async Task<KindExport> ExportAsync(MemberSpace space, CancellationToken ct)
    {
        var rows = await db.Set<ReconnectPlanRecord>().IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.SpaceId == space.SpaceId && (p.OwnerUserId == null || p.OwnerUserId == space.Me))
            .ToListAsync(ct);
        var mine = rows.Select(p =>
        {
            var done = p.DoneSteps.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            var steps = StepIds(p.Weeks).Where(done.Contains).ToList();
            return new ReconnectPlanItem(DailyText.Iso(PairCalendar.ToLocalDate(p.StartWeek)), p.Weeks, p.OwnerUserId is null, steps, ExportJson.Instant(p.StartedAt));
        });
        return new KindExport(ExportJson.Element(ExportJson.StableOrder(mine)), null);
    }

    public ImportWriter? PrepareImport(JsonElement mine, string path, FieldErrors errors)
    {
        var items = ExportJson.ReadList<ReconnectPlanItem>(mine, path, errors);
        if (items is null)
        {
            return null;
        }

        var clean = new List<(LocalDate Start, int Weeks, bool Shared, string Done, DateTimeOffset StartedAt)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = $"{path}[{i}]";
            if (!DailyText.TryParseDate(item.StartWeek, out var start))
            {
                errors.Add($"{at}.startWeek", "Weeks are the year-month-day they began, for example 2026-11-22.");
            }

            if (item.Weeks is < ReconnectPlan.MinimumWeeks or > ReconnectPlan.MaximumWeeks)
            {
                errors.Add($"{at}.weeks", $"A reconnect plan lasts {ReconnectPlan.MinimumWeeks} to {ReconnectPlan.MaximumWeeks} weeks.");
                continue;
            }

            var ids = StepIds(item.Weeks);
            var done = new HashSet<string>(StringComparer.Ordinal);
            foreach (var step in item.DoneSteps)
            {
                if (!ids.Contains(step, StringComparer.Ordinal))
                {
                    errors.Add($"{at}.doneSteps", "A step here is not one of this plan's steps.");
                }
                else if (!done.Add(step))
                {
                    errors.Add($"{at}.doneSteps", "A step is marked done more than once.");
                }
            }

            clean.Add((start, item.Weeks, item.Shared, string.Join(' ', ids.Where(done.Contains)), item.StartedAt));
        }

        return (target, _) =>
        {
            foreach (var (start, weeks, shared, done, startedAt) in clean)
            {
                db.Add(new ReconnectPlanRecord
                {
                    Id = Guid.CreateVersion7(),
                    SpaceId = target.SpaceId,
                    OwnerUserId = shared ? null : target.Me,
                    StartWeek = PairCalendar.ToDateOnly(start),
                    Weeks = weeks,
                    DoneSteps = done,
                    StartedAt = startedAt,
                });
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>The person's private plans go; a plan both saw stays with the space for the other person.</summary>
    public Task EraseAsync(Guid userId, CancellationToken ct) =>
        db.Set<ReconnectPlanRecord>().IgnoreQueryFilters().Where(p => p.OwnerUserId == userId).ExecuteDeleteAsync(ct);

    /// <summary>The plan's step ids in their own order (they depend only on its length).</summary>
    private static List<string> StepIds(int weeks) =>
        weeks is < ReconnectPlan.MinimumWeeks or > ReconnectPlan.MaximumWeeks
            ? []
            : ReconnectPlan.Create(new LocalDate(2000, 1, 3), weeks).Steps.Select(s => s.Id).ToList();
}

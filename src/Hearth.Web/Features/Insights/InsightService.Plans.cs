using Hearth.Core.Assessments;
using Hearth.Core.CheckIns;
using Hearth.Core.Dimensions;
using Hearth.Core.Insights;
using Hearth.Core.Practices;
using Hearth.Core.Rituals;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Features.Assessments;
using Hearth.Web.Features.CheckIns;
using Hearth.Web.Features.Daily;
using Hearth.Web.Features.Rituals;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Hearth.Web.Features.Insights;

/// <summary>Reconnect plans: starting one from a fading insight, marking its steps, and how it is shown.</summary>
public sealed partial class InsightService
{
    /// <summary>Starts a reconnect plan, only while a fading insight is showing to the caller. Shared if that insight is.</summary>
    public async Task<Outcome<InsightsView>> StartPlanAsync(Guid spaceId, StartPlanInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var data = await LoadAsync(spaceId, ct);
        if (data is null)
        {
            return Outcome<InsightsView>.NotFound();
        }

        var weeks = input.Weeks ?? ReconnectPlan.DefaultWeeks;
        if (weeks is < ReconnectPlan.MinimumWeeks or > ReconnectPlan.MaximumWeeks)
        {
            return Outcome<InsightsView>.Invalid("weeks", text["PlanWeeksInvalid", ReconnectPlan.MinimumWeeks, ReconnectPlan.MaximumWeeks]);
        }

        var (pair, history, assessment) = data.Value;
        var (shared, mine) = await ComputeAsync(pair, history, assessment, ct);
        var fading = shared.Concat(mine).FirstOrDefault(i => i.Kind == InsightKind.Fading);
        if (fading is null)
        {
            return Outcome<InsightsView>.Refused(409, text["NothingToStartTitle"], text["NothingToStart"]);
        }

        // Under the space's lock (ADR 55): both members tapping "start" at once start one plan.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RowLock.SpaceAsync(db, spaceId, ct);
        var plans = await VisiblePlansAsync(pair, ct);
        if (plans.Any(p => !IsFinished(p, history) && (p.OwnerUserId is null) == fading.Audience.IsShared))
        {
            return Outcome<InsightsView>.Refused(409, text["AlreadyStartedTitle"], text["AlreadyStarted"]);
        }

        db.Add(new ReconnectPlanRecord
        {
            Id = Guid.CreateVersion7(),
            SpaceId = spaceId,
            OwnerUserId = fading.Audience.IsShared ? null : pair.Me,
            StartWeek = PairCalendar.ToDateOnly(history.CurrentWeek),
            Weeks = weeks,
            StartedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await InsightsAsync(spaceId, ct);
    }

    /// <summary>Marks a step of the current plan done or not yet.</summary>
    public async Task<Outcome<InsightsView>> MarkStepAsync(Guid spaceId, string stepId, MarkStepInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<InsightsView>.NotFound();
        }

        var history = await checkIns.HistoryAsync(pair, HistoryWeeks, ct);
        var plans = await VisiblePlansAsync(pair, ct);
        var row = plans.FirstOrDefault(p => !IsFinished(p, history)) ?? plans.FirstOrDefault();
        if (row is null)
        {
            return Outcome<InsightsView>.NotFound();
        }

        var plan = Plan(row, history);
        if (plan.Steps.All(s => !string.Equals(s.Id, stepId, StringComparison.Ordinal)))
        {
            return Outcome<InsightsView>.NotFound();
        }

        var done = row.DoneSteps.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (input.Done ?? true)
        {
            done.Add(stepId);
        }
        else
        {
            done.Remove(stepId);
        }

        var tracked = await db.Set<ReconnectPlanRecord>().FirstAsync(p => p.Id == row.Id, ct);
        tracked.DoneSteps = string.Join(' ', plan.Steps.Select(s => s.Id).Where(done.Contains));
        await db.SaveChangesAsync(ct);
        return await InsightsAsync(spaceId, ct);
    }

    private async Task<List<ReconnectPlanRecord>> VisiblePlansAsync(PairSpace pair, CancellationToken ct) =>
        await db.Set<ReconnectPlanRecord>().AsNoTracking()
            .Where(p => p.SpaceId == pair.SpaceId && (p.OwnerUserId == null || p.OwnerUserId == pair.Me))
            .OrderByDescending(p => p.StartWeek).ThenByDescending(p => p.StartedAt)
            .ToListAsync(ct);

    private static LocalDate StartOf(ReconnectPlanRecord row, CheckInHistory history) =>
        PairCalendar.Rekey(PairCalendar.ToLocalDate(row.StartWeek), history.Rule);

    private static ReconnectPlan Plan(ReconnectPlanRecord row, CheckInHistory history)
    {
        var plan = ReconnectPlan.Create(StartOf(row, history), row.Weeks, Words);
        foreach (var id in row.DoneSteps.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (plan.Steps.Any(s => s.Id == id))
            {
                plan = plan.Mark(id);
            }
        }

        return plan;
    }

    private static bool IsFinished(ReconnectPlanRecord row, CheckInHistory history) => Plan(row, history).IsFinished(history.CurrentWeek);

    private static FinishedReconnectPlan Finished(ReconnectPlanRecord row, CheckInHistory history)
    {
        var plan = Plan(row, history);
        return new FinishedReconnectPlan(plan.StartWeek, plan.EndWeek);
    }

    private static ReconnectPlanView PlanView(ReconnectPlanRecord row, CheckInHistory history, PairSpace pair)
    {
        var plan = Plan(row, history).ForPair(pair.Kind, pair.LivingApart, Words);
        var currentWeek = (int)(Period.Between(plan.StartWeek, history.CurrentWeek, PeriodUnits.Days).Days / 7) + 1;
        return new ReconnectPlanView(
            row.OwnerUserId is null ? InsightViewAudience.Both : InsightViewAudience.You,
            DailyText.Iso(plan.StartWeek),
            DailyText.Iso(plan.EndWeek),
            plan.Weeks,
            Math.Clamp(currentWeek, 1, plan.Weeks),
            plan.IsFinished(history.CurrentWeek),
            plan.DoneCount,
            plan.Steps.Count,
            plan.Steps.Select(s => new ReconnectStepView(s.Id, s.Week, s.Title, s.Description, s.PracticeId, PracticeTitle(s.PracticeId), s.Done)).ToList());
    }
}

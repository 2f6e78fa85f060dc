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

/// <summary>
/// Trends, insights and reconnect plans. A member's own trends read only their own answers; the
/// pair's trends read only weeks both checked in (revealed to both). Shared insights come only from
/// <see cref="SharedView"/> (revealed rounds, and the dimensions both shared in the latest assessment
/// round both finished); private insights only from the member's own data, and only for them.
/// No safety answer is an input anywhere: none is stored.
/// </summary>
public sealed class InsightService(HearthDbContext db, PairSpaces pairs, CheckInService checkIns, AssessmentService assessments, TimeProvider clock)
{
    private static readonly CheckInMeasure[] TrackedMeasures =
        [.. CheckInMeasures.Definitions.OrderBy(d => d.ChartOrder).Select(d => d.Measure)];

    public async Task<Outcome<TrendsView>> TrendsAsync(Guid spaceId, CancellationToken ct = default)
    {
        var data = await LoadAsync(spaceId, ct);
        if (data is null)
        {
            return Outcome<TrendsView>.NotFound();
        }

        var (pair, history, assessment) = data.Value;
        var week = history.CurrentWeek;
        var yours = TrackedMeasures.Select(m => Measure(m, Trends.ForMember(history.Mine, m), week, detectChange: true)).Where(t => t.Points.Count > 0).ToList();
        var revealedMine = history.Mine.Where(r => history.TheirsRevealed.Any(t => t.Week == r.Week)).ToList();
        var together = TrackedMeasures.Select(m => Measure(m, Trends.ForPair(revealedMine, history.TheirsRevealed, m), week, detectChange: false)).Where(t => t.Points.Count > 0).ToList();

        var myDated = assessment?.Mine
            .Select(r => new DatedAssessment(WeekOf(r.CompletedAt, history.Rule), r.Result))
            .GroupBy(d => d.Week).Select(g => g.Last()).ToList() ?? [];
        var yourDimensions = DimensionCatalog.All
            .Select(d => DimensionTrend(d, Trends.ForDimension(myDated, d), week))
            .Where(t => t.Points.Any(p => p.Value is not null))
            .ToList();
        var sharedDimensions = DimensionCatalog.All
            .Select(d => DimensionTrend(d, PairDimension(assessment, d, history.Rule), week))
            .Where(t => t.Points.Any(p => p.Value is not null))
            .ToList();

        return Outcome<TrendsView>.Ok(new TrendsView(DailyText.Iso(week), pair.IsPaired, pair.OtherName, yours, together, yourDimensions, sharedDimensions));
    }

    public async Task<Outcome<InsightsView>> InsightsAsync(Guid spaceId, CancellationToken ct = default)
    {
        var data = await LoadAsync(spaceId, ct);
        if (data is null)
        {
            return Outcome<InsightsView>.NotFound();
        }

        var (pair, history, assessment) = data.Value;
        var (shared, mine) = await ComputeAsync(pair, history, assessment, ct);
        var plans = await VisiblePlansAsync(pair, ct);
        var active = plans.FirstOrDefault(p => !IsFinished(p, history));
        var fading = shared.Concat(mine).FirstOrDefault(i => i.Kind == InsightKind.Fading);
        string? offer = null;
        if (fading is not null && active is null)
        {
            offer = fading.Audience.IsShared ? "both" : "you";
        }

        var shown = active ?? plans.FirstOrDefault();
        return Outcome<InsightsView>.Ok(new InsightsView(
            DailyText.Iso(history.CurrentWeek),
            shared.Concat(mine).Select(i => View(i, pair)).ToList(),
            shown is null ? null : PlanView(shown, history),
            offer,
            ReconnectPlan.SentenceStarters,
            mine.Any(i => i.Kind == InsightKind.Counselling)));
    }

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
            return Outcome<InsightsView>.Invalid("weeks", $"A reconnect plan lasts {ReconnectPlan.MinimumWeeks} to {ReconnectPlan.MaximumWeeks} weeks. Please choose one of those.");
        }

        var (pair, history, assessment) = data.Value;
        var (shared, mine) = await ComputeAsync(pair, history, assessment, ct);
        var fading = shared.Concat(mine).FirstOrDefault(i => i.Kind == InsightKind.Fading);
        if (fading is null)
        {
            return Outcome<InsightsView>.Refused(409, "Nothing to start", "A reconnect plan is offered when things have felt further apart for a while. Right now there's nothing to start; the practices are always there if you'd like one.");
        }

        var plans = await VisiblePlansAsync(pair, ct);
        if (plans.Any(p => !IsFinished(p, history) && (p.OwnerUserId is null) == fading.Audience.IsShared))
        {
            return Outcome<InsightsView>.Refused(409, "Already started", "A reconnect plan is already under way. You'll find it below.");
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

    /// <summary>
    /// The pair, its decrypted check-in history and its scored assessments. Kept for the rest of the
    /// request (this service is scoped): the trends page asks for trends and insights of the same
    /// space, and reading and decrypting years of history twice doubled its cost. Nothing this
    /// service writes (reconnect plans) is part of it.
    /// </summary>
    private async Task<(PairSpace Pair, CheckInHistory History, AssessmentHistory? Assessment)?> LoadAsync(Guid spaceId, CancellationToken ct)
    {
        if (loaded is { } cached && cached.SpaceId == spaceId)
        {
            return cached.Data;
        }

        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return null;
        }

        var history = await checkIns.HistoryAsync(pair, HistoryWeeks, ct);
        var assessment = await assessments.HistoryAsync(spaceId, ct);
        loaded = (spaceId, (pair, history, assessment));
        return (pair, history, assessment);
    }

    private (Guid SpaceId, (PairSpace Pair, CheckInHistory History, AssessmentHistory? Assessment) Data)? loaded;

    private async Task<(IReadOnlyList<Insight> Shared, IReadOnlyList<Insight> Mine)> ComputeAsync(PairSpace pair, CheckInHistory history, AssessmentHistory? assessment, CancellationToken ct)
    {
        var me = pair.Me.ToString();
        var plans = await VisiblePlansAsync(pair, ct);
        var finishedShared = plans.Where(p => p.OwnerUserId is null && IsFinished(p, history)).Select(p => Finished(p, history)).FirstOrDefault();
        var finishedAny = plans.Where(p => IsFinished(p, history)).Select(p => Finished(p, history)).FirstOrDefault();

        IReadOnlyList<Insight> shared = [];
        var latestShared = assessment is { Shared.Count: > 0 } h ? h.Shared[^1] : null;
        var sharedByBoth = latestShared?.Shared ?? [];
        if (pair.OtherId is { } otherId)
        {
            // Only what both may see: revealed weeks, and the shared dimensions of the round both finished.
            var revealedMine = history.Mine.Where(r => history.TheirsRevealed.Any(t => t.Week == r.Week)).ToList();
            var mineShared = new MemberHistory(me, latestShared?.Mine, revealedMine);
            var theirsShared = new MemberHistory(otherId.ToString(), latestShared?.Theirs, history.TheirsRevealed);
            var (first, second) = pair.FirstMemberIsMe ? (mineShared, theirsShared) : (theirsShared, mineShared);
            shared = InsightEngine.Shared(SharedView.From(new InsightInput(first, second, sharedByBoth, finishedShared, history.CurrentWeek)));
        }

        var latest = assessment is { Mine.Count: > 0 } m ? m.Mine[^1].Result : null;
        var earlier = assessment is { Mine.Count: > 1 } a ? a.Mine[^2].Result : null;
        var own = new MemberHistory(me, latest, history.Mine, earlier);
        var nobody = new MemberHistory(Guid.Empty.ToString(), null, []);
        var mine = InsightEngine.ForMember(own, new InsightInput(own, nobody, sharedByBoth, finishedAny, history.CurrentWeek), shared);
        return (shared, mine);
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
        var plan = ReconnectPlan.Create(StartOf(row, history), row.Weeks);
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

    private static ReconnectPlanView PlanView(ReconnectPlanRecord row, CheckInHistory history)
    {
        var plan = Plan(row, history);
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

    private static InsightView View(Insight insight, PairSpace pair) => new(
        insight.Kind switch
        {
            InsightKind.GrowthArea => InsightViewKind.GrowthArea,
            InsightKind.Strength => InsightViewKind.Strength,
            InsightKind.PerceptionGap => InsightViewKind.PerceptionGap,
            InsightKind.Fading => InsightViewKind.Fading,
            InsightKind.Improvement => InsightViewKind.Improvement,
            InsightKind.QualityTimeShortfall => InsightViewKind.QualityTimeShortfall,
            _ => InsightViewKind.Counselling,
        },
        insight.Audience.IsShared ? InsightViewAudience.Both : InsightViewAudience.You,
        insight.Message,
        insight.Why,
        insight.Dimensions.Select(d => d.WireName()).ToList(),
        insight.Measures.Select(m => m.WireName()).ToList(),
        insight.Evidence.Select(e => new EvidenceView(
            e.Source,
            e.MemberId is null ? "both of you" : e.MemberId == pair.Me.ToString() ? "you" : pair.OtherName ?? "them",
            e.Weeks.Select(DailyText.Iso).ToList(),
            double.IsFinite(e.Value) ? Math.Round(e.Value, 2) : 0,
            e.Detail)).ToList(),
        insight.PracticeIds.Select(id => new PracticeLinkView(id, PracticeTitle(id))).ToList(),
        insight.SuggestsReconnectPlan);

    internal static string PracticeTitle(string id) =>
        PracticeCatalog.Default.TryGet(id, out var practice) ? practice.Title : id;

    private static LocalDate WeekOf(DateTimeOffset instant, Ritual rule) => PairWeek.WeekOf(Instant.FromDateTimeOffset(instant), rule).Key;

    private static List<WeeklyValue> PairDimension(AssessmentHistory? assessment, Dimension dimension, Ritual rule) =>
        (assessment?.Shared ?? [])
            .Where(r => r.Shared.Contains(dimension) && r.Mine.For(dimension).Experience.Mean is not null && r.Theirs.For(dimension).Experience.Mean is not null)
            .Select(r => new WeeklyValue(WeekOf(r.CompletedAt, rule), (r.Mine.For(dimension).Experience.Mean!.Value + r.Theirs.For(dimension).Experience.Mean!.Value) / 2))
            .GroupBy(v => v.Week).Select(g => g.Last())
            .OrderBy(v => v.Week)
            .ToList();

    private static MeasureTrend DimensionTrend(Dimension dimension, IReadOnlyList<WeeklyValue> series, LocalDate week)
    {
        // The last year, like every other chart here: laid out week by week since the first assessment,
        // five years of history made 2,600 weekly slots per page (1.9 MB of allocations per request).
        var points = Points(series, week, ChartWeeks);
        return new MeasureTrend(dimension.WireName(), dimension.Title(), 1, 7, points, null);
    }

    private static MeasureTrend Measure(CheckInMeasure measure, IReadOnlyList<WeeklyValue> series, LocalDate week, bool detectChange)
    {
        var (min, max) = measure.Range();
        if (measure == CheckInMeasure.PhoneFreeMinutes)
        {
            max = Math.Max(300, (int)Math.Ceiling((series.Max(v => v.Value) ?? 0) / 60.0) * 60);
        }

        ChangeView? change = null;
        if (detectChange && series.Count > 0 && MeasureNorms.For(measure) is { } norm)
        {
            var result = ChangeDetector.Detect(series, norm, week);
            change = new ChangeView(
                result.Direction switch { ChangeDirection.Decline => ChangeViewDirection.Decline, ChangeDirection.Improvement => ChangeViewDirection.Improvement, _ => ChangeViewDirection.None },
                result.Reliable,
                result.Persistent,
                result.Current is { } c ? Math.Round(c, 2) : null,
                result.Baseline is { } b ? Math.Round(b, 2) : null,
                Math.Round(result.Threshold, 2),
                ChangeMessage(measure, result));
        }

        // The change rules read their half year and window; the chart and table show the last year.
        return new MeasureTrend(measure.WireName(), measure.Info().ChartTitle, min, max, Points(series, week, ChartWeeks), change);
    }

    /// <summary>
    /// How many weeks of check-in answers the trend charts and tables show. Five years of weeks made
    /// the trends page about 740 KB and its cost grow with every week a pair had used Hearth
    /// (docs/performance.md); a year is what a weekly chart on a phone can show.
    /// </summary>
    public const int ChartWeeks = 52;

    /// <summary>
    /// How many weeks of check-ins a request reads and decrypts: the charts' year, which holds every
    /// week the change rules look at (<see cref="Hearth.Core.CheckIns.ChangeDetector.WeeksRead"/>), so
    /// the cost and memory of the trends page stay flat after years of use.
    /// </summary>
    public const int HistoryWeeks = ChartWeeks > Hearth.Core.CheckIns.ChangeDetector.WeeksRead ? ChartWeeks : Hearth.Core.CheckIns.ChangeDetector.WeeksRead;

    private static List<TrendPoint> Points(IReadOnlyList<WeeklyValue> series, LocalDate week, int? lastWeeks = null)
    {
        // With a window, only its weeks and the two before its first (for that week's rolling mean).
        var from = lastWeeks is { } shown ? week.PlusWeeks(-(shown - 1 + RollingMean.WindowWeeks - 1)) : LocalDate.MinIsoValue;
        var upToNow = series.Where(v => v.Week <= week && v.Week >= from).ToList();
        if (upToNow.Count == 0)
        {
            return [];
        }

        var slots = RollingMean.Slots(upToNow, week);
        var rolling = RollingMean.OverSlots(slots);
        var skip = lastWeeks is { } n ? Math.Max(0, slots.Count - n) : 0;
        return slots.Skip(skip).Select((s, i) => new TrendPoint(DailyText.Iso(s.Week), s.Value, rolling[skip + i].Value is { } r ? Math.Round(r, 2) : null)).ToList();
    }

    private static string ChangeMessage(CheckInMeasure measure, ChangeResult result) => result.Direction switch
    {
        ChangeDirection.Improvement =>
            $"Lately {measure.Describe()} has been higher for you than before. That's worth noticing, and worth a thank-you to each other.",
        ChangeDirection.Decline =>
            $"Lately {measure.Describe()} has been a little lower for you than before. That's common, and it can change. One small thing to try: {PracticeTitle(PracticeIds.Daily20Minutes)}.",
        _ => "No clear change so far. Ups and downs from week to week are normal.",
    };
}

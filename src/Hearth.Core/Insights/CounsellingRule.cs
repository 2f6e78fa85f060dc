using Hearth.Core.CheckIns;
using NodaTime;

namespace Hearth.Core.Insights;

/// <summary>
/// When to mention talking with a counsellor (docs/product/assessment-and-insights.md, "Counselling").
/// Three triggers: warning signs high while satisfaction falls (private: the warning index is never
/// shared); a finished reconnect plan after which things have not lifted, judged on the present;
/// and repair or feeling heard rated very low in most recent weeks. When every input of a trigger
/// is data both members can see (revealed check-ins, a shared plan), the card is shared
/// (<see cref="Shared"/>); the private card then only carries what the shared one does not.
/// Counselling comes first in the list (<see cref="CounsellingFirst"/>).
/// </summary>
public static class CounsellingRule
{
    /// <summary>
    /// A finished plan is judged by the weeks after it: only once the whole current 3-week window lies
    /// after the plan's last week (so a plan begun at the first sign of fading is not blamed for a
    /// fall it was catching). From then on the trigger holds while the latest three weeks are no
    /// happier than the three before the plan, and not reliably above the lowest point since it began.
    /// </summary>
    public const int PlanJudgedFromWeeksAfterEnd = RollingMean.WindowWeeks;

    private const string PlanReason = "plan";

    /// <summary>The counselling card both members see, from the shared view alone (revealed rounds and a shared finished plan), or null.</summary>
    public static Insight? Shared(SharedView view, InsightTexts w)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(w);
        var found = new[] { view.FirstId, view.SecondId }
            .SelectMany(id => FromCheckIns(id, view.RevealedRecords(id), view.FinishedPlan, view.Week, w))
            .ToList();
        if (found.Count == 0)
        {
            return null;
        }

        var reasons = found.Select(f => f.Reason).Distinct().Select(r => w.Say($"counselling.shared.reason/{r}"));
        return new Insight(
            InsightKind.Counselling,
            [],
            [],
            found.SelectMany(f => f.Evidence).ToList(),
            InsightAudience.BothMembers,
            w.Say("counselling.shared/message"),
            w.Say("counselling/why", w.Join("counselling/reasons", reasons)),
            []);
    }

    /// <summary>The private card of <paramref name="member"/>, leaving out what <paramref name="shared"/> already says about them, or null.</summary>
    public static Insight? ForMember(MemberHistory member, IReadOnlyList<CheckInRecord> own, ChangeResult? satisfaction, InsightInput input, InsightAudience audience, IReadOnlyList<Insight> shared, InsightTexts w)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(shared);
        ArgumentNullException.ThrowIfNull(w);
        var found = new List<(string Reason, List<InsightEvidence> Evidence)>();
        if (member.LatestAssessment?.WarningIndex.Mean is { } warning && warning >= InsightEngine.CounsellingWarningIndexAtLeast
            && satisfaction is { Direction: ChangeDirection.Decline })
        {
            found.Add(("warnings",
            [
                new InsightEvidence("assessment.warningIndex", member.MemberId, [], warning, w.Say("evidence/warningIndex")),
                new InsightEvidence("checkin.satisfaction", member.MemberId, satisfaction.WindowWeeks, satisfaction.Current!.Value, w.Say("evidence/recentSatisfaction")),
            ]));
        }

        var sharedSources = shared.Where(i => i.Kind == InsightKind.Counselling)
            .SelectMany(i => i.Evidence)
            .Where(e => string.Equals(e.MemberId, member.MemberId, StringComparison.Ordinal))
            .Select(e => e.Source)
            .ToHashSet(StringComparer.Ordinal);
        found.AddRange(FromCheckIns(member.MemberId, own, input.FinishedPlan, input.Week, w)
            .Where(f => !f.Evidence.Any(e => sharedSources.Contains(e.Source))));
        if (found.Count == 0)
        {
            return null;
        }

        return new Insight(
            InsightKind.Counselling,
            [],
            [],
            found.SelectMany(f => f.Evidence).ToList(),
            audience,
            w.Say("counselling/message"),
            w.Say("counselling/why", w.Join("counselling/reasons", found.Select(f => w.Say($"counselling.reason/{f.Reason}")))),
            []);
    }

    /// <summary>The same insights with counselling first, the rest in their order: the do-it-yourself plan comes second.</summary>
    public static IReadOnlyList<Insight> CounsellingFirst(IEnumerable<Insight> insights)
    {
        ArgumentNullException.ThrowIfNull(insights);
        var all = insights.ToList();
        return [.. all.Where(i => i.Kind == InsightKind.Counselling), .. all.Where(i => i.Kind != InsightKind.Counselling)];
    }

    /// <summary>The triggers that read only check-ins and a plan: the plan after which things have not lifted, and low repair or felt-heard weeks.</summary>
    private static IEnumerable<(string Reason, List<InsightEvidence> Evidence)> FromCheckIns(string memberId, IReadOnlyList<CheckInRecord> records, FinishedReconnectPlan? plan, LocalDate week, InsightTexts w)
    {
        var own = records.Where(r => r.Week <= week).OrderBy(r => r.Week).ToList();
        if (plan is not null && PlanDidNotLift(memberId, own, plan, week, w) is { } planEvidence)
        {
            yield return (PlanReason, planEvidence);
        }

        var recent = own.Where(r => r.Week > week.PlusWeeks(-InsightEngine.TriggerLookbackWeeks)).ToList();
        foreach (var (measure, reason) in new[] { (CheckInMeasure.Repair, "repair"), (CheckInMeasure.FeltHeard, "feltHeard") })
        {
            var low = recent.Where(r => r.Value(measure) is { } v && v <= InsightEngine.TriggerRatingAtMost).ToList();
            if (low.Count >= InsightEngine.TriggerWeeksAtLeast)
            {
                yield return (reason, [new InsightEvidence($"checkin.{measure.WireName()}", memberId, low.Select(r => r.Week).ToList(), low.Count, w.Say("evidence/lowWeeks", w.InSentence(measure), InsightEngine.TriggerRatingAtMost))]);
            }
        }
    }

    private static List<InsightEvidence>? PlanDidNotLift(string memberId, List<CheckInRecord> own, FinishedReconnectPlan plan, LocalDate week, InsightTexts w)
    {
        var windowStart = week.PlusWeeks(-(RollingMean.WindowWeeks - 1));
        if (windowStart <= plan.EndWeek)
        {
            return null;
        }

        var before = Mean(own, plan.StartWeek.PlusWeeks(-RollingMean.WindowWeeks), plan.StartWeek.PlusWeeks(-1));
        var recent = Mean(own, windowStart, week);
        if (before is not { } b || recent is not { } a || a > b)
        {
            return null;
        }

        var series = Trends.ForMember(own, CheckInMeasure.Satisfaction);
        var change = ChangeDetector.Detect(series, MeasureNorms.Satisfaction, week);
        if (LowPointRule.Detect(series, change, week, plan.StartWeek) is { State: LowPointState.Recovered })
        {
            return null;
        }

        return
        [
            new InsightEvidence("plan.reconnect.before", memberId, [plan.StartWeek], b, w.Say("evidence/planBefore")),
            new InsightEvidence("plan.reconnect.after", memberId, [windowStart, week], a, w.Say("evidence/planAfter")),
        ];
    }

    private static double? Mean(List<CheckInRecord> records, LocalDate from, LocalDate through)
    {
        var values = records.Where(r => r.Week >= from && r.Week <= through && r.Satisfaction is not null).Select(r => (double)r.Satisfaction!.Value).ToList();
        return values.Count > 0 ? values.Average() : null;
    }
}

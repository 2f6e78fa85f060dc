using Hearth.Core.Practices;
using Hearth.Core.Assessments;
using Hearth.Core.CheckIns;
using Hearth.Core.Dimensions;
using NodaTime;

namespace Hearth.Core.Insights;

/// <summary>
/// Turns plain records into insights, each with its evidence and the reason it appeared
/// (docs/product/assessment-and-insights.md, "Insight rules"). Shared insights come only from <see cref="Shared"/>, whose
/// single input is a <see cref="SharedView"/>; member-only insights come from
/// <see cref="ForMember"/>. Safety answers are not an input of any kind: the engine never
/// produces safety insights, and nothing it produces can depend on a safety answer.
/// </summary>
public static class InsightEngine
{
    /// <summary>
    /// Quality-time shortfall: docs/product/domain.md recommends 20-30 focused minutes a day (140-210 a week)
    /// and notes that even 10-15 a day helps. "Well under" is below 10 a day: fewer than 70
    /// minutes in the week, as reported by BOTH members for the same recent round.
    /// </summary>
    public const int QualityTimeMinutesPerWeekBelow = 70;

    /// <summary>
    /// Counselling: a warning index (1-5 frequency scale) of at least 3.5, between "sometimes" and
    /// "often", counts as high when satisfaction is falling at the same time.
    /// </summary>
    public const double CounsellingWarningIndexAtLeast = 3.5;

    /// <summary>Warning signs are rising when the latest index is at least this much above the earlier one (1-5 scale).</summary>
    public const double WarningSignsRiseAtLeast = 1.0;

    /// <summary>
    /// A trigger named by the member's own answers: repairing after tension, or feeling heard,
    /// rated this low or lower (1-7) ...
    /// </summary>
    public const int TriggerRatingAtMost = 2;

    /// <summary>... in at least this many of their last <see cref="TriggerLookbackWeeks"/> weeks.</summary>
    public const int TriggerWeeksAtLeast = 3;

    public const int TriggerLookbackWeeks = 4;

    private static readonly CheckInMeasure[] FadingMeasures = [CheckInMeasure.Satisfaction, CheckInMeasure.Closeness];

    /// <summary>All insights for the pair: shared ones first, then each member's own.</summary>
    public static IReadOnlyList<Insight> Run(InsightInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var shared = Shared(SharedView.From(input));
        return [.. shared, .. ForMember(input.First, input, shared), .. ForMember(input.Second, input, shared)];
    }

    /// <summary>Insights both members see, computed from the shared view alone.</summary>
    public static IReadOnlyList<Insight> Shared(SharedView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var insights = new List<Insight>();
        foreach (var shared in view.Dimensions)
        {
            if (shared.First is not { } a || shared.Second is not { } b)
            {
                continue;
            }

            var title = shared.Dimension.Title();
            var evidence = new List<InsightEvidence>
            {
                DimensionEvidence(view.FirstId, a),
                DimensionEvidence(view.SecondId, b),
            };
            if (a.IsStrength && b.IsStrength)
            {
                insights.Add(new Insight(
                    InsightKind.Strength,
                    [shared.Dimension],
                    [],
                    evidence,
                    InsightAudience.BothMembers,
                    $"{title} is a real strength for you two. Whatever you already do for it, it's worth keeping.",
                    $"You both rated how this feels now at {Show(AssessmentScorer.StrengthExperienceAtLeastPercent)} of 100 or more ({Show(a.Experience.Percent!.Value)} and {Show(b.Experience.Percent!.Value)}).",
                    PracticeIds.ForDimension(shared.Dimension).Take(1).ToList()));
            }

            if (a.Experience.Mean is { } meanA && b.Experience.Mean is { } meanB
                && ReliableDifference.IsReliable(meanA, meanB, ReliableDifference.PopulationStandardError, ReliableDifference.PopulationStandardError))
            {
                var (low, high) = meanA <= meanB ? (meanA, meanB) : (meanB, meanA);
                insights.Add(new Insight(
                    InsightKind.PerceptionGap,
                    [shared.Dimension],
                    [],
                    evidence,
                    InsightAudience.BothMembers,
                    $"You experience {Lower(title)} differently. That's common, and it's a good reason to talk with curiosity. Neither view is the right one.",
                    $"Your answers average {Show(low)} and {Show(high)} of 7. A gap of {Show(high - low)} points is more than everyday ups and downs in answers would explain ({Show(ReliableDifference.PopulationThreshold)}).",
                    [PracticeIds.OneMeaningfulQuestion, PracticeIds.IStatementTalk]));
            }

            var growing = new[] { (view.FirstId, a), (view.SecondId, b) }.Where(p => p.Item2.IsGrowthArea).ToList();
            if (growing.Count > 0)
            {
                insights.Add(new Insight(
                    InsightKind.GrowthArea,
                    [shared.Dimension],
                    [],
                    growing.SelectMany(p => GrowthEvidence(p.Item1, p.Item2)).ToList(),
                    InsightAudience.BothMembers,
                    $"{title} is something you could grow together. It matters, and right now it feels further away than wanted. Small, steady steps help.",
                    $"You chose to share this part of your results. Where it matters a lot (a gap of {Show(AssessmentScorer.GrowthAreaMinimumGap)} points or more) and feels below {Show(AssessmentScorer.GrowthAreaExperienceBelowPercent)} of 100 now, Hearth suggests a practice.",
                    PracticeIds.ForDimension(shared.Dimension)));
            }
        }

        var changes = view.Rounds.Count == 0
            ? []
            : new[] { view.FirstId, view.SecondId }
                .SelectMany(id => FadingMeasures.Select(m => (Id: id, Measure: m, Change: ChangeDetector.Detect(Trends.ForMember(view.RevealedRecords(id), m), MeasureNorms.For(m)!, view.Week))))
                .ToList();
        var declines = changes.Where(c => c.Change.Direction == ChangeDirection.Decline).ToList();
        var rises = changes.Where(c => c.Change.Direction == ChangeDirection.Improvement).ToList();
        if (declines.Count > 0)
        {
            insights.Add(FadingInsight(declines, InsightAudience.BothMembers, "Things have felt a little further apart lately. That happens to every pair, and it can turn around."));
        }
        else if (rises.Count > 0)
        {
            insights.Add(ImprovementInsight(rises, InsightAudience.BothMembers, "You two have been feeling closer lately. That's worth celebrating together."));
        }

        if (view.Rounds.Count > 0 && view.Rounds[^1] is var latest
            && latest.Week >= view.Week.PlusWeeks(-1)
            && latest.First.PhoneFreeMinutes is { } minutesA && minutesA < QualityTimeMinutesPerWeekBelow
            && latest.Second.PhoneFreeMinutes is { } minutesB && minutesB < QualityTimeMinutesPerWeekBelow)
        {
            var estimate = (minutesA + minutesB) / 2.0;
            insights.Add(new Insight(
                InsightKind.QualityTimeShortfall,
                [],
                [CheckInMeasure.PhoneFreeMinutes],
                [
                    new InsightEvidence("checkin.phoneFreeMinutes", view.FirstId, [latest.Week], minutesA, "phone-free minutes together that week"),
                    new InsightEvidence("checkin.phoneFreeMinutes", view.SecondId, [latest.Week], minutesB, "phone-free minutes together that week"),
                ],
                InsightAudience.BothMembers,
                $"Life got busy: about {Show(estimate)} phone-free minutes together this week. Even ten minutes a day adds up. Want to pick a time for tomorrow?",
                $"You both counted fewer than {QualityTimeMinutesPerWeekBelow} phone-free minutes together that week ({minutesA} and {minutesB}). Many pairs aim for 20 to 30 a day.",
                [PracticeIds.Daily20Minutes, PracticeIds.WalkAndTalk]));
        }

        return insights;
    }

    /// <summary>
    /// Insights only <paramref name="member"/> sees, from their own data. Topics already covered
    /// by a shared insight are not repeated privately.
    /// </summary>
    public static IReadOnlyList<Insight> ForMember(MemberHistory member, InsightInput input, IReadOnlyList<Insight> shared)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(shared);
        var audience = InsightAudience.OnlyMember(member.MemberId);
        var insights = new List<Insight>();
        var own = member.CheckIns.Where(r => r.Week <= input.Week).OrderBy(r => r.Week).ToList();

        if (member.LatestAssessment is { } result)
        {
            foreach (var d in result.Dimensions.Where(d => d.IsGrowthArea && !input.SharedByBoth.Contains(d.Dimension)))
            {
                insights.Add(new Insight(
                    InsightKind.GrowthArea,
                    [d.Dimension],
                    [],
                    GrowthEvidence(member.MemberId, d),
                    audience,
                    $"{d.Dimension.Title()} matters to you, and right now it feels further away than you'd like. That's common, and it can change. Here's something small to try.",
                    $"You rated how much this matters {d.Importance} of 7, and how it feels now {Show(d.Experience.Percent!.Value)} of 100. Only you can see this.",
                    PracticeIds.ForDimension(d.Dimension)));
            }
        }

        var changes = own.Count == 0
            ? []
            : FadingMeasures.Select(m => (Id: member.MemberId, Measure: m, Change: ChangeDetector.Detect(Trends.ForMember(own, m), MeasureNorms.For(m)!, input.Week))).ToList();
        var satisfaction = changes.FirstOrDefault(c => c.Measure == CheckInMeasure.Satisfaction).Change;
        var warningsRising = WarningRise(member);
        var declines = changes.Where(c => c.Change.Direction == ChangeDirection.Decline).ToList();
        var rises = changes.Where(c => c.Change.Direction == ChangeDirection.Improvement).ToList();
        if (!shared.Any(i => i.Kind == InsightKind.Fading) && (declines.Count > 0 || warningsRising is not null))
        {
            var fading = FadingInsight(declines, audience, "You've been feeling a little further apart lately. That's common, and it can turn around. Only you can see this.");
            if (warningsRising is { } rise)
            {
                fading = fading with { Evidence = [.. fading.Evidence, .. rise], Why = $"{(declines.Count > 0 ? fading.Why + " " : string.Empty)}Harder moments came up more often in your latest assessment than in the one before." };
            }

            insights.Add(fading);
        }
        else if (!shared.Any(i => i.Kind is InsightKind.Improvement or InsightKind.Fading) && declines.Count == 0 && rises.Count > 0)
        {
            insights.Add(ImprovementInsight(rises, audience, "You've been feeling closer lately. Well done, both of you: small steps add up."));
        }

        if (Counselling(member, own, satisfaction, input, audience) is { } counselling)
        {
            insights.Add(counselling);
        }

        return insights;
    }

    private static Insight? Counselling(MemberHistory member, List<CheckInRecord> own, ChangeResult? satisfaction, InsightInput input, InsightAudience audience)
    {
        var evidence = new List<InsightEvidence>();
        var reasons = new List<string>();

        if (member.LatestAssessment?.WarningIndex.Mean is { } warning && warning >= CounsellingWarningIndexAtLeast
            && satisfaction is { Direction: ChangeDirection.Decline })
        {
            evidence.Add(new InsightEvidence("assessment.warningIndex", member.MemberId, [], warning, "how often harder moments came up, 1 (never) to 5 (very often)"));
            evidence.Add(new InsightEvidence("checkin.satisfaction", member.MemberId, satisfaction.WindowWeeks, satisfaction.Current!.Value, "your recent 3-week average happiness, 0-10"));
            reasons.Add("harder moments have been coming up often while your happiness with things has been dipping");
        }

        if (input.FinishedPlan is { } plan)
        {
            var before = Mean(own, CheckInMeasure.Satisfaction, plan.StartWeek.PlusWeeks(-RollingMean.WindowWeeks), plan.StartWeek.PlusWeeks(-1));
            var after = Mean(own, CheckInMeasure.Satisfaction, plan.EndWeek.PlusWeeks(-(RollingMean.WindowWeeks - 1)), plan.EndWeek);
            if (before is { } b && after is { } a && a <= b)
            {
                evidence.Add(new InsightEvidence("plan.reconnect.before", member.MemberId, [plan.StartWeek], b, "your average happiness in the three weeks before the plan, 0-10"));
                evidence.Add(new InsightEvidence("plan.reconnect.after", member.MemberId, [plan.EndWeek], a, "your average happiness in its last three weeks, 0-10"));
                reasons.Add("you finished a reconnect plan and things haven't lifted for you yet");
            }
        }

        var recent = own.Where(r => r.Week > input.Week.PlusWeeks(-TriggerLookbackWeeks)).ToList();
        foreach (var (measure, words) in new[] { (CheckInMeasure.Repair, "after tension, finding your way back has often felt hard"), (CheckInMeasure.FeltHeard, "you've often not felt listened to") })
        {
            var low = recent.Where(r => r.Value(measure) is { } v && v <= TriggerRatingAtMost).ToList();
            if (low.Count >= TriggerWeeksAtLeast)
            {
                evidence.Add(new InsightEvidence($"checkin.{measure.WireName()}", member.MemberId, low.Select(r => r.Week).ToList(), low.Count, $"weeks you rated {measure.Describe()} {TriggerRatingAtMost} of 7 or lower"));
                reasons.Add(words);
            }
        }

        if (reasons.Count == 0)
        {
            return null;
        }

        return new Insight(
            InsightKind.Counselling,
            [],
            [],
            evidence,
            audience,
            "Talking things through with a counsellor is something strong pairs do, not a sign that anything is broken. If you'd like, here is how to find one. Only you can see this.",
            $"We're mentioning it because {string.Join(", and ", reasons)}.",
            []);
    }

    private static InsightEvidence[]? WarningRise(MemberHistory member)
    {
        if (member.LatestAssessment?.WarningIndex.Mean is { } latest
            && member.EarlierAssessment?.WarningIndex.Mean is { } earlier
            && latest - earlier >= WarningSignsRiseAtLeast)
        {
            return
            [
                new InsightEvidence("assessment.warningIndex.earlier", member.MemberId, [], earlier, "how often harder moments came up before, 1-5"),
                new InsightEvidence("assessment.warningIndex", member.MemberId, [], latest, "how often harder moments came up lately, 1-5"),
            ];
        }

        return null;
    }

    private static Insight FadingInsight(List<(string Id, CheckInMeasure Measure, ChangeResult Change)> declines, InsightAudience audience, string message) =>
        new(
            InsightKind.Fading,
            [],
            declines.Select(d => d.Measure).Distinct().Order().ToList(),
            declines.SelectMany(d => ChangeEvidence(d.Id, d.Measure, d.Change)).ToList(),
            audience,
            message + " A short reconnect plan could help, one small step at a time.",
            declines.Count == 0 ? string.Empty : Explain(declines, "lower"),
            [PracticeIds.IStatementTalk, PracticeIds.Daily20Minutes],
            SuggestsReconnectPlan: true);

    private static Insight ImprovementInsight(List<(string Id, CheckInMeasure Measure, ChangeResult Change)> rises, InsightAudience audience, string message) =>
        new(
            InsightKind.Improvement,
            [],
            rises.Select(d => d.Measure).Distinct().Order().ToList(),
            rises.SelectMany(d => ChangeEvidence(d.Id, d.Measure, d.Change)).ToList(),
            audience,
            message,
            Explain(rises, "higher"),
            [PracticeIds.AppreciationNote]);

    private static string Explain(List<(string Id, CheckInMeasure Measure, ChangeResult Change)> changes, string direction)
    {
        var measures = string.Join(" and ", changes.Select(c => c.Measure.Describe()).Distinct());
        var reliable = changes.Any(c => c.Change.Reliable);
        var weeks = RollingMean.WindowWeeks;
        return reliable
            ? $"Recent check-ins about {measures} are clearly {direction} than earlier weeks: the last {weeks} weeks differ by more than everyday ups and downs would explain."
            : $"The {weeks}-week average of check-ins about {measures} has been {direction} for {ChangeDetector.ConsecutiveWeeks} weeks in a row.";
    }

    private static IEnumerable<InsightEvidence> ChangeEvidence(string memberId, CheckInMeasure measure, ChangeResult change)
    {
        var source = $"checkin.{measure.WireName()}";
        yield return new InsightEvidence(source, memberId, change.WindowWeeks, change.Current!.Value, $"3-week average of {measure.Describe()}");
        if (change.Baseline is { } baseline)
        {
            yield return new InsightEvidence(source + ".baseline", memberId, change.BaselineWeeks, baseline, $"earlier average of {measure.Describe()}");
        }
    }

    private static List<InsightEvidence> GrowthEvidence(string memberId, DimensionResult d) =>
    [
        new InsightEvidence($"assessment.{d.Dimension.WireName()}.experience", memberId, [], d.Experience.Percent!.Value, "how it feels now, 0-100"),
        new InsightEvidence($"assessment.{d.Dimension.WireName()}.gap", memberId, [], d.Gap!.Value, "how much it matters minus how it feels now, 1-7 points"),
    ];

    private static InsightEvidence DimensionEvidence(string memberId, DimensionResult d) =>
        new($"assessment.{d.Dimension.WireName()}.experience", memberId, [], d.Experience.Mean ?? double.NaN, "how it feels now, 1-7");

    private static double? Mean(List<CheckInRecord> records, CheckInMeasure measure, LocalDate from, LocalDate through)
    {
        var values = records.Where(r => r.Week >= from && r.Week <= through && r.Value(measure) is not null).Select(r => (double)r.Value(measure)!.Value).ToList();
        return values.Count > 0 ? values.Average() : null;
    }

    private static string Show(double value) => AssessmentScorer.Show(value);

    private static string Lower(string title) => string.Concat(title[..1].ToLowerInvariant(), title[1..]);
}

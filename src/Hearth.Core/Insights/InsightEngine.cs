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
public static partial class InsightEngine
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
    /// <param name="input">The pair's records.</param>
    /// <param name="words">The language of the sentences (<see cref="InsightTexts.For"/>); English when not given.</param>
    public static IReadOnlyList<Insight> Run(InsightInput input, InsightTexts? words = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var shared = Shared(SharedView.From(input), words);
        return CounsellingRule.CounsellingFirst([.. shared, .. ForMember(input.First, input, shared, words), .. ForMember(input.Second, input, shared, words)]);
    }

    /// <summary>Insights both members see, computed from the shared view alone.</summary>
    public static IReadOnlyList<Insight> Shared(SharedView view, InsightTexts? words = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var w = words ?? InsightTexts.Default;
        var insights = new List<Insight>();
        foreach (var shared in view.Dimensions)
        {
            if (shared.First is not { } a || shared.Second is not { } b)
            {
                continue;
            }

            var title = w.Title(shared.Dimension);
            var evidence = new List<InsightEvidence>
            {
                DimensionEvidence(view.FirstId, a, w),
                DimensionEvidence(view.SecondId, b, w),
            };
            if (a.IsStrength && b.IsStrength)
            {
                insights.Add(new Insight(
                    InsightKind.Strength,
                    [shared.Dimension],
                    [],
                    evidence,
                    InsightAudience.BothMembers,
                    w.Say("strength/message", title),
                    w.Say("strength/why", w.Number(AssessmentScorer.StrengthExperienceAtLeastPercent), w.Number(a.Experience.Percent!.Value), w.Number(b.Experience.Percent!.Value)),
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
                    w.Say("perceptionGap/message", w.InSentence(shared.Dimension)),
                    w.Say("perceptionGap/why", w.Number(low), w.Number(high), w.Number(high - low), w.Number(ReliableDifference.PopulationThreshold)),
                    [PracticeIds.OneMeaningfulQuestion, PracticeIds.IStatementTalk]));
            }

            var growing = new[] { (view.FirstId, a), (view.SecondId, b) }.Where(p => p.Item2.IsGrowthArea).ToList();
            if (growing.Count > 0)
            {
                insights.Add(new Insight(
                    InsightKind.GrowthArea,
                    [shared.Dimension],
                    [],
                    growing.SelectMany(p => GrowthEvidence(p.Item1, p.Item2, w)).ToList(),
                    InsightAudience.BothMembers,
                    w.Say("growthArea.shared/message", title),
                    w.Say("growthArea.shared/why", w.Number(AssessmentScorer.GrowthAreaMinimumGap), w.Number(AssessmentScorer.GrowthAreaExperienceBelowPercent)),
                    PracticeIds.ForDimension(shared.Dimension)));
            }
        }

        var changes = view.Rounds.Count == 0
            ? []
            : new[] { view.FirstId, view.SecondId }
                .SelectMany(id => FadingMeasures.Select(m => (Id: id, Measure: m, Change: ChangeDetector.Detect(Trends.ForMember(view.RevealedRecords(id), m), MeasureNorms.For(m)!, view.Week))))
                .ToList();
        var tension = new[] { view.FirstId, view.SecondId }
            .SelectMany(id => TensionRule.Declines(id, view.RevealedRecords(id), changes.FirstOrDefault(c => c.Id == id && c.Measure == CheckInMeasure.Satisfaction).Change, view.Week))
            .ToList();
        if (ChangeInsight(changes, view.RevealedRecords, view.Week, InsightAudience.BothMembers, "shared", tension, w) is { } change)
        {
            insights.Add(change);
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
                    new InsightEvidence("checkin.phoneFreeMinutes", view.FirstId, [latest.Week], minutesA, w.Say("evidence/phoneFreeMinutes")),
                    new InsightEvidence("checkin.phoneFreeMinutes", view.SecondId, [latest.Week], minutesB, w.Say("evidence/phoneFreeMinutes")),
                ],
                InsightAudience.BothMembers,
                w.Say(tension.Count > 0 ? "qualityTime.alongsideTension/message" : "qualityTime/message", w.Number(estimate)),
                w.Say("qualityTime/why", QualityTimeMinutesPerWeekBelow, minutesA, minutesB),
                [PracticeIds.Daily20Minutes, PracticeIds.WalkAndTalk]));
        }

        if (CounsellingRule.Shared(view, w) is { } counselling)
        {
            insights.Add(counselling);
        }

        // Everyday strengths and weekly warning signs: their rules are in their own files.
        insights.AddRange(StrengthsRule.Shared(view, insights, w));
        if (WarningSignsTrend.Shared(view, w) is { } sharpMoments)
        {
            insights.Add(sharpMoments);
        }

        return CounsellingRule.CounsellingFirst(insights);
    }

    /// <summary>
    /// Insights only <paramref name="member"/> sees, from their own data. Topics already covered
    /// by a shared insight are not repeated privately.
    /// </summary>
    public static IReadOnlyList<Insight> ForMember(MemberHistory member, InsightInput input, IReadOnlyList<Insight> shared, InsightTexts? words = null)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(shared);
        var w = words ?? InsightTexts.Default;
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
                    GrowthEvidence(member.MemberId, d, w),
                    audience,
                    w.Say("growthArea.own/message", w.Title(d.Dimension)),
                    w.Say("growthArea.own/why", d.Importance?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, w.Number(d.Experience.Percent!.Value)),
                    PracticeIds.ForDimension(d.Dimension)));
            }
        }

        var changes = own.Count == 0
            ? []
            : FadingMeasures.Select(m => (Id: member.MemberId, Measure: m, Change: ChangeDetector.Detect(Trends.ForMember(own, m), MeasureNorms.For(m)!, input.Week))).ToList();
        var satisfaction = changes.FirstOrDefault(c => c.Measure == CheckInMeasure.Satisfaction).Change;
        var warningsRising = WarningRise(member, w);
        var tension = TensionRule.Declines(member.MemberId, own, satisfaction, input.Week);
        var change = ChangeInsight(changes, _ => own, input.Week, audience, "own", tension, w);
        if (!shared.Any(i => i.Kind == InsightKind.Fading) && (change is { Kind: InsightKind.Fading } || warningsRising is not null))
        {
            var fading = change is { Kind: InsightKind.Fading } f ? f : FadingInsight([], audience, w.Say("fading.own/message"), w);
            if (warningsRising is { } rise)
            {
                fading = fading with { Evidence = [.. fading.Evidence, .. rise], Why = $"{(fading.Why.Length > 0 ? fading.Why + " " : string.Empty)}{w.Say("fading.warningsRising/why")}" };
            }

            insights.Add(fading);
        }
        else if (!shared.Any(i => i.Kind is InsightKind.Improvement or InsightKind.Fading) && change is { Kind: InsightKind.Improvement } improvement)
        {
            insights.Add(improvement);
        }

        if (CounsellingRule.ForMember(member, own, satisfaction, input, audience, shared, w) is { } counselling)
        {
            insights.Add(counselling);
        }

        if (WarningSignsTrend.ForMember(member.MemberId, own, input.Week, shared, w) is { } sharpMoments)
        {
            insights.Add(sharpMoments);
        }

        if (!insights.Any(i => i.Kind == InsightKind.Counselling) && WarningSignsTrend.Counselling(member.MemberId, own, input.Week, w) is { } weeklyCounselling)
        {
            insights.Add(weeklyCounselling);
        }

        insights.AddRange(StrengthsRule.ForMember(member.MemberId, own, input.Week, [.. shared, .. insights], w));

        return insights;
    }

    private static InsightEvidence[]? WarningRise(MemberHistory member, InsightTexts w)
    {
        if (member.LatestAssessment?.WarningIndex.Mean is { } latest
            && member.EarlierAssessment?.WarningIndex.Mean is { } earlier
            && latest - earlier >= WarningSignsRiseAtLeast)
        {
            return
            [
                new InsightEvidence("assessment.warningIndex.earlier", member.MemberId, [], earlier, w.Say("evidence/warningIndexEarlier")),
                new InsightEvidence("assessment.warningIndex", member.MemberId, [], latest, w.Say("evidence/warningIndexLatest")),
            ];
        }

        return null;
    }

    private static Insight FadingInsight(List<(string Id, CheckInMeasure Measure, ChangeResult Change)> declines, InsightAudience audience, string message, InsightTexts w) =>
        new(
            InsightKind.Fading,
            [],
            declines.Select(d => d.Measure).Distinct().Order().ToList(),
            declines.SelectMany(d => ChangeEvidence(d.Id, d.Measure, d.Change, w)).ToList(),
            audience,
            message,
            declines.Count == 0 ? string.Empty : Explain(declines, "lower", w),
            [PracticeIds.IStatementTalk, PracticeIds.Daily20Minutes],
            SuggestsReconnectPlan: true);

    private static Insight ImprovementInsight(List<(string Id, CheckInMeasure Measure, ChangeResult Change)> rises, InsightAudience audience, string message, InsightTexts w) =>
        new(
            InsightKind.Improvement,
            [],
            rises.Select(d => d.Measure).Distinct().Order().ToList(),
            rises.SelectMany(d => ChangeEvidence(d.Id, d.Measure, d.Change, w)).ToList(),
            audience,
            message,
            Explain(rises, "higher", w),
            [PracticeIds.AppreciationNote]);

    /// <param name="direction">"lower" or "higher": which of the file's sentences.</param>
    private static string Explain(List<(string Id, CheckInMeasure Measure, ChangeResult Change)> changes, string direction, InsightTexts w)
    {
        var measures = w.Join("list/and", changes.Select(c => w.InSentence(c.Measure)).Distinct());
        var reliable = changes.Any(c => c.Change.Reliable);
        var weeks = RollingMean.WindowWeeks;
        return reliable
            ? w.Say($"change.reliable.{direction}/why", measures, weeks)
            : w.Say($"change.steady.{direction}/why", weeks, measures, ChangeDetector.ConsecutiveWeeks);
    }

    private static IEnumerable<InsightEvidence> ChangeEvidence(string memberId, CheckInMeasure measure, ChangeResult change, InsightTexts w)
    {
        var source = $"checkin.{measure.WireName()}";
        yield return new InsightEvidence(source, memberId, change.WindowWeeks, change.Current!.Value, w.Say("evidence/recentAverage", w.InSentence(measure)));
        if (change.Baseline is { } baseline)
        {
            yield return new InsightEvidence(source + ".baseline", memberId, change.BaselineWeeks, baseline, w.Say("evidence/earlierAverage", w.InSentence(measure)));
        }
    }

    private static List<InsightEvidence> GrowthEvidence(string memberId, DimensionResult d, InsightTexts w) =>
    [
        new InsightEvidence($"assessment.{d.Dimension.WireName()}.experience", memberId, [], d.Experience.Percent!.Value, w.Say("evidence/experiencePercent")),
        new InsightEvidence($"assessment.{d.Dimension.WireName()}.gap", memberId, [], d.Gap!.Value, w.Say("evidence/gap")),
    ];

    private static InsightEvidence DimensionEvidence(string memberId, DimensionResult d, InsightTexts w) =>
        new($"assessment.{d.Dimension.WireName()}.experience", memberId, [], d.Experience.Mean ?? double.NaN, w.Say("evidence/experienceMean"));
}

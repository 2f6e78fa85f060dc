using Hearth.Core.CheckIns;
using Hearth.Core.Practices;
using NodaTime;

namespace Hearth.Core.Insights;

/// <summary>
/// Strengths from everyday life (docs/product/assessment-and-insights.md, "Strengths from the
/// check-ins"): what the weekly check-ins say is working, named with a "keep doing this". Steady, not
/// counted: every answered week of the recent weeks at or above the measure's mark, in at least
/// <see cref="RoundsAtLeast"/> weeks, and no decline in it by the change rules. Never a streak, a
/// score or a count of weeks in a row.
/// Shared when it comes from weeks both checked in (the <see cref="SharedView"/>: both members steady);
/// private to a member from their own weeks otherwise. Not beside a fading insight the same member
/// sees: "you have felt close" and "you have felt further apart" never stand on one page.
/// </summary>
public static class StrengthsRule
{
    /// <summary>The recent weeks looked at: this week and the five before it.</summary>
    public const int LookbackWeeks = 6;

    /// <summary>At least this many answered weeks among them (for shared: weeks both checked in and both answered).</summary>
    public const int RoundsAtLeast = 4;

    /// <summary>Closeness circles and feeling listened to: 5 of 7 or higher, above the middle of the scale, every answered week.</summary>
    public const int SevenPointAtLeast = 5;

    /// <summary>Phone-free time: 140 minutes a week or more, the 20 focused minutes a day of docs/product/domain.md.</summary>
    public const int MinutesAtLeast = 140;

    /// <summary>The everyday things the rule looks at, each with its mark, in the order they are named.</summary>
    public static IReadOnlyList<(CheckInMeasure Measure, int AtLeast)> Marks { get; } =
    [
        (CheckInMeasure.Closeness, SevenPointAtLeast),
        (CheckInMeasure.FeltHeard, SevenPointAtLeast),
        (CheckInMeasure.PhoneFreeMinutes, MinutesAtLeast),
    ];

    /// <summary>Strengths both see: from the rounds both completed, with both members steady.</summary>
    /// <param name="view">What both may see.</param>
    /// <param name="soFar">The shared insights already found (a fading one means no strengths now).</param>
    /// <param name="w">The words.</param>
    public static IReadOnlyList<Insight> Shared(SharedView view, IReadOnlyList<Insight> soFar, InsightTexts w)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(soFar);
        ArgumentNullException.ThrowIfNull(w);
        var insights = new List<Insight>();
        if (soFar.Any(i => i.Kind == InsightKind.Fading))
        {
            return insights;
        }

        var from = view.Week.PlusWeeks(-(LookbackWeeks - 1));
        var rounds = view.Rounds.Where(r => r.Week >= from && r.Week <= view.Week).ToList();
        foreach (var (measure, atLeast) in Marks)
        {
            var answered = rounds.Where(r => r.First.Value(measure) is not null && r.Second.Value(measure) is not null).ToList();
            if (answered.Count < RoundsAtLeast
                || answered.Any(r => r.First.Value(measure) < atLeast || r.Second.Value(measure) < atLeast)
                || Declining(view.RevealedRecords(view.FirstId), measure, view.Week)
                || Declining(view.RevealedRecords(view.SecondId), measure, view.Week))
            {
                continue;
            }

            var weeks = answered.Select(r => r.Week).ToList();
            insights.Add(Strength(
                measure,
                [Evidence(measure, view.FirstId, weeks, answered.Average(r => r.First.Value(measure)!.Value), w), Evidence(measure, view.SecondId, weeks, answered.Average(r => r.Second.Value(measure)!.Value), w)],
                InsightAudience.BothMembers,
                w.Say($"everydayStrength.{measure.WireName()}.shared/message"),
                w.Say("everydayStrength.shared/why", w.InSentence(measure), Mark(measure, atLeast, w), LookbackWeeks)));
        }

        return insights;
    }

    /// <summary>Strengths only <paramref name="memberId"/> sees, from their own weeks, where no shared one names the same thing.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="own">Their own check-ins.</param>
    /// <param name="week">The current week.</param>
    /// <param name="seen">Every insight the member sees so far, shared and their own.</param>
    /// <param name="w">The words.</param>
    public static IReadOnlyList<Insight> ForMember(string memberId, IReadOnlyList<CheckInRecord> own, LocalDate week, IReadOnlyList<Insight> seen, InsightTexts w)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(w);
        var insights = new List<Insight>();
        if (seen.Any(i => i.Kind == InsightKind.Fading))
        {
            return insights;
        }

        var from = week.PlusWeeks(-(LookbackWeeks - 1));
        foreach (var (measure, atLeast) in Marks)
        {
            if (seen.Any(i => i.Kind == InsightKind.EverydayStrength && i.Measures.Contains(measure)))
            {
                continue;
            }

            var answered = own.Where(r => r.Week >= from && r.Week <= week && r.Value(measure) is not null).ToList();
            if (answered.Count < RoundsAtLeast || answered.Any(r => r.Value(measure) < atLeast) || Declining(own, measure, week))
            {
                continue;
            }

            insights.Add(Strength(
                measure,
                [Evidence(measure, memberId, answered.Select(r => r.Week).ToList(), answered.Average(r => r.Value(measure)!.Value), w)],
                InsightAudience.OnlyMember(memberId),
                w.Say($"everydayStrength.{measure.WireName()}.own/message"),
                w.Say("everydayStrength.own/why", w.InSentence(measure), Mark(measure, atLeast, w), LookbackWeeks)));
        }

        return insights;
    }

    /// <summary>A steady mark is not a strength while the same measure is falling by the change rules.</summary>
    private static bool Declining(IReadOnlyList<CheckInRecord> records, CheckInMeasure measure, LocalDate week) =>
        MeasureNorms.For(measure) is { } norm && ChangeDetector.Detect(Trends.ForMember(records, measure), norm, week).Direction == ChangeDirection.Decline;

    private static string Mark(CheckInMeasure measure, int atLeast, InsightTexts w) =>
        measure == CheckInMeasure.PhoneFreeMinutes ? w.Say("everydayStrength.mark/minutes", atLeast) : w.Say("everydayStrength.mark/of7", atLeast);

    private static InsightEvidence Evidence(CheckInMeasure measure, string memberId, IReadOnlyList<LocalDate> weeks, double mean, InsightTexts w) =>
        new($"checkin.{measure.WireName()}", memberId, weeks, mean, w.Say("evidence/steadyAverage", w.InSentence(measure)));

    private static Insight Strength(CheckInMeasure measure, IReadOnlyList<InsightEvidence> evidence, InsightAudience audience, string message, string why) =>
        new(InsightKind.EverydayStrength, [], [measure], evidence, audience, message, why, [PracticeIds.AppreciationNote]);
}

using Hearth.Core.CheckIns;
using Hearth.Core.Practices;
using NodaTime;

namespace Hearth.Core.Insights;

/// <summary>
/// Warning signs, week by week (docs/product/assessment-and-insights.md, "Warning signs every week"):
/// the optional weekly item <see cref="CheckInMeasure.WarningSigns"/> (1 never to 5 very often) is
/// watched with the change rules of <see cref="ChangeDetector"/>, and a <b>reliable</b> rise against the
/// person's own earlier weeks is named gently. Shared when the rise is in weeks both checked in (the
/// <see cref="SharedView"/>), private otherwise. When the recent weekly answers are high
/// (<see cref="InsightEngine.CounsellingWarningIndexAtLeast"/>, as for the assessment's warning index)
/// while the member's own happiness is falling, the member alone gets the counselling card.
/// Skipped answers and check-ins from before the item was asked are simply not there.
/// </summary>
public static class WarningSignsTrend
{
    private const CheckInMeasure Measure = CheckInMeasure.WarningSigns;

    /// <summary>The rise both see, from revealed weeks, or none.</summary>
    public static Insight? Shared(SharedView view, InsightTexts w)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(w);
        var rises = new[] { view.FirstId, view.SecondId }
            .Select(id => (Id: id, Change: Rise(view.RevealedRecords(id), view.Week)))
            .Where(r => r.Change is not null)
            .ToList();
        return rises.Count == 0
            ? null
            : Insight(rises.SelectMany(r => Evidence(r.Id, r.Change!, w)).ToList(), InsightAudience.BothMembers, w.Say("warningSigns.shared/message"), w);
    }

    /// <summary>The rise only <paramref name="memberId"/> sees, from their own weeks, when no shared one names it.</summary>
    public static Insight? ForMember(string memberId, IReadOnlyList<CheckInRecord> own, LocalDate week, IReadOnlyList<Insight> shared, InsightTexts w)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(shared);
        ArgumentNullException.ThrowIfNull(w);
        if (shared.Any(i => i.Kind == InsightKind.WarningSignsRising && i.Evidence.Any(e => e.MemberId == memberId)) || Rise(own, week) is not { } change)
        {
            return null;
        }

        return Insight([.. Evidence(memberId, change, w)], InsightAudience.OnlyMember(memberId), w.Say("warningSigns.own/message"), w);
    }

    /// <summary>
    /// The counselling card from the weekly item: the member's recent 3-week mean is at least
    /// <see cref="InsightEngine.CounsellingWarningIndexAtLeast"/> while their own satisfaction declines.
    /// Private, always; null when it does not hold.
    /// </summary>
    public static Insight? Counselling(string memberId, IReadOnlyList<CheckInRecord> own, LocalDate week, InsightTexts w)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(w);
        var warning = ChangeDetector.Detect(Trends.ForMember(own, Measure), MeasureNorms.For(Measure)!, week);
        var satisfaction = ChangeDetector.Detect(Trends.ForMember(own, CheckInMeasure.Satisfaction), MeasureNorms.For(CheckInMeasure.Satisfaction)!, week);
        if (warning.Current is not { } current || current < InsightEngine.CounsellingWarningIndexAtLeast || satisfaction.Direction != ChangeDirection.Decline)
        {
            return null;
        }

        return new Insight(
            InsightKind.Counselling,
            [],
            [],
            [
                new InsightEvidence($"checkin.{Measure.WireName()}", memberId, warning.WindowWeeks, current, w.Say("evidence/recentAverage", w.InSentence(Measure))),
                new InsightEvidence("checkin.satisfaction", memberId, satisfaction.WindowWeeks, satisfaction.Current!.Value, w.Say("evidence/recentSatisfaction")),
            ],
            InsightAudience.OnlyMember(memberId),
            w.Say("counselling/message"),
            w.Say("counselling/why", w.Say("counselling.reason/weeklyWarnings")),
            []);
    }

    /// <summary>The change in one member's answers when it is a reliable rise, otherwise null.</summary>
    private static ChangeResult? Rise(IReadOnlyList<CheckInRecord> records, LocalDate week)
    {
        var change = ChangeDetector.Detect(Trends.ForMember(records, Measure), MeasureNorms.For(Measure)!, week);
        return change is { Reliable: true, Current: { } current, Baseline: { } baseline } && current > baseline ? change : null;
    }

    private static IEnumerable<InsightEvidence> Evidence(string memberId, ChangeResult change, InsightTexts w)
    {
        var source = $"checkin.{Measure.WireName()}";
        yield return new InsightEvidence(source, memberId, change.WindowWeeks, change.Current!.Value, w.Say("evidence/recentAverage", w.InSentence(Measure)));
        yield return new InsightEvidence(source + ".baseline", memberId, change.BaselineWeeks, change.Baseline!.Value, w.Say("evidence/earlierAverage", w.InSentence(Measure)));
    }

    private static Insight Insight(IReadOnlyList<InsightEvidence> evidence, InsightAudience audience, string message, InsightTexts w) =>
        new(
            InsightKind.WarningSignsRising,
            [],
            [Measure],
            evidence,
            audience,
            message,
            w.Say("warningSigns/why", w.InSentence(Measure), RollingMean.WindowWeeks),
            [PracticeIds.IStatementTalk]);
}

using Hearth.Core.CheckIns;
using Hearth.Core.Practices;
using NodaTime;

namespace Hearth.Core.Insights;

/// <summary>
/// The check-in change insights, shared and private alike: a fall (fading), a low point that
/// stays (still fading, worded for a low stretch), a turn that is only beginning, and a rise
/// (improvement). When feeling heard or repair fell with satisfaction, the fading insight says so
/// (<see cref="TensionRule"/>) rather than leaving it to the quality-time message.
/// </summary>
public static partial class InsightEngine
{
    /// <param name="changes">Each member's change per fading measure.</param>
    /// <param name="records">Whose records the changes came from (the revealed ones for shared insights).</param>
    /// <param name="week">The week looked at.</param>
    /// <param name="audience">Who will see it.</param>
    /// <param name="scope">"shared" or "own": which of the file's sentences.</param>
    /// <param name="tension">Felt-heard or repair declines that came with a satisfaction decline.</param>
    /// <param name="w">The words.</param>
    private static Insight? ChangeInsight(
        List<(string Id, CheckInMeasure Measure, ChangeResult Change)> changes,
        Func<string, IReadOnlyList<CheckInRecord>> records,
        LocalDate week,
        InsightAudience audience,
        string scope,
        List<(string Id, CheckInMeasure Measure, ChangeResult Change)> tension,
        InsightTexts w)
    {
        var declines = changes.Where(c => c.Change.Direction == ChangeDirection.Decline).ToList();
        var rises = changes.Where(c => c.Change.Direction == ChangeDirection.Improvement).ToList();
        if (declines.Count > 0)
        {
            if (tension.Count == 0)
            {
                return FadingInsight(declines, audience, w.Say($"fading.{scope}/message"), w);
            }

            var all = declines.Concat(tension).ToList();
            return FadingInsight(all, audience, w.Say($"fading.tension.{scope}/message"), w) with
            {
                PracticeIds = [PracticeIds.IStatementTalk, PracticeIds.ShareAFeeling],
            };
        }

        var lows = changes
            .Select(c => (c.Id, c.Measure, c.Change, Low: LowPointRule.Detect(Trends.ForMember(records(c.Id), c.Measure), c.Change, week)))
            .Where(l => l.Low.IsHolding)
            .ToList();
        if (lows.Count > 0 && !rises.Any(r => r.Change.Reliable))
        {
            return LowPointInsight(lows, audience, scope, w);
        }

        return rises.Count > 0 ? ImprovementInsight(rises, audience, w.Say($"improvement.{scope}/message"), w) : null;
    }

    private static Insight LowPointInsight(List<(string Id, CheckInMeasure Measure, ChangeResult Change, LowPointResult Low)> lows, InsightAudience audience, string scope, InsightTexts w)
    {
        var turning = lows.All(l => l.Low.State == LowPointState.Turning);
        var measures = w.Join("list/and", lows.Select(l => w.InSentence(l.Measure)).Distinct());
        var evidence = lows.SelectMany(l => LowPointEvidence(l.Id, l.Measure, l.Change, l.Low, w)).ToList();
        return new Insight(
            InsightKind.Fading,
            [],
            lows.Select(l => l.Measure).Distinct().Order().ToList(),
            evidence,
            audience,
            w.Say(turning ? $"turning.{scope}/message" : $"lowPoint.{scope}/message"),
            turning ? w.Say("turning/why", RollingMean.WindowWeeks, measures) : w.Say("lowPoint/why", measures, RollingMean.WindowWeeks),
            turning ? [PracticeIds.NoticeSmallSteps, PracticeIds.Daily20Minutes] : [PracticeIds.IStatementTalk, PracticeIds.Daily20Minutes],
            SuggestsReconnectPlan: true);
    }

    private static IEnumerable<InsightEvidence> LowPointEvidence(string memberId, CheckInMeasure measure, ChangeResult change, LowPointResult low, InsightTexts w)
    {
        var source = $"checkin.{measure.WireName()}";
        yield return new InsightEvidence(source, memberId, change.WindowWeeks, low.Current!.Value, w.Say("evidence/recentAverage", w.InSentence(measure)));
        yield return new InsightEvidence(source + ".earlierLevel", memberId, [low.EarlierLevelWeek!.Value], low.EarlierLevel!.Value, w.Say("evidence/earlierLevel", w.InSentence(measure)));
        yield return new InsightEvidence(source + ".lowest", memberId, [low.LowestWeek!.Value], low.Lowest!.Value, w.Say("evidence/lowestAverage", w.InSentence(measure)));
    }
}

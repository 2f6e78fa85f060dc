using Hearth.Core.CheckIns;
using Hearth.Core.Insights;
using static Hearth.Core.Tests.Insights.InsightTestData;

namespace Hearth.Core.Tests.Insights;

/// <summary>
/// Issue 17, rule 3: no silence at the low point. A pair that fell and stays down keeps hearing
/// that it is seen, with the reconnect offer; a turn upward is named as a beginning until it is a
/// reliable change.
/// </summary>
public sealed class LowPointRuleTests
{
    private static readonly InsightTexts Words = InsightTexts.Default;

    /// <summary>Eight good weeks, a fall over three weeks, then <paramref name="then"/>.</summary>
    private static int?[] History(params int[] then) => [8, 8, 8, 8, 8, 8, 8, 8, 6, 4, 3, .. then.Select(v => (int?)v)];

    private static Insight? Change(int?[] satisfaction, int now)
    {
        var input = Input(Satisfaction(satisfaction), Satisfaction(satisfaction), now: now);
        return InsightEngine.Run(input).FirstOrDefault(i => i.Kind is InsightKind.Fading or InsightKind.Improvement);
    }

    [Theory]
    [InlineData(4, "fading")] // four weeks on, still a reliable fall against the weeks before
    [InlineData(8, "lowPoint")]
    [InlineData(14, "lowPoint")]
    public void A_pair_that_fell_and_stays_low_keeps_being_acknowledged_and_offered_the_plan(int plateauWeeks, string lastly)
    {
        var history = History([.. Enumerable.Repeat(3, plateauWeeks)]);

        for (var now = 9; now < history.Length; now++)
        {
            var seen = Change(history, now);
            Assert.True(seen is { Kind: InsightKind.Fading, SuggestsReconnectPlan: true, Audience.IsShared: true }, $"week {now}: {(seen is null ? "nothing" : seen.Message)}");
        }

        var last = Change(history, history.Length - 1)!;
        Assert.Equal(Words.Say($"{lastly}.shared/message"), last.Message);
        if (lastly == "fading")
        {
            return;
        }

        Assert.Contains("still clearly lower than before the dip", last.Why, StringComparison.Ordinal);
        Assert.Contains(last.Evidence, e => e.Source == "checkin.satisfaction.earlierLevel" && e.Value == 8);
        Assert.Contains(last.Evidence, e => e.Source == "checkin.satisfaction.lowest" && e.Value == 3);
    }

    [Theory]
    [InlineData(new[] { 3, 3, 3, 3, 4, 5 }, "turning")] // rising from the bottom, not yet reliable: a beginning
    [InlineData(new[] { 3, 3, 3, 3, 3, 4 }, "lowPoint")] // one better week is not yet a turn
    [InlineData(new[] { 3, 3, 3, 3, 5, 7, 8 }, "improvement")] // clearly back up
    public void A_turn_is_named_as_a_beginning_until_the_change_is_reliable(int[] then, string expected)
    {
        var history = History(then);

        var seen = Change(history, history.Length - 1);

        Assert.NotNull(seen);
        Assert.Equal(Words.Say($"{expected}.shared/message"), seen.Message);
        if (expected == "turning")
        {
            Assert.Equal(InsightKind.Fading, seen.Kind);
            Assert.True(seen.SuggestsReconnectPlan);
            Assert.Contains("a beginning", seen.Message + seen.Why, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new int[] { 8, 8, 8, 8, 8, 8, 8, 8, 7, 7, 7, 7, 7, 7, 7 })] // a small dip: not a low point
    [InlineData(new int[] { 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4 })] // always this way: nothing fell
    public void No_low_point_without_a_reliable_fall(int[] satisfaction)
    {
        var series = Trends.ForMember(Satisfaction([.. satisfaction.Select(v => (int?)v)]), CheckInMeasure.Satisfaction);
        var now = Week(satisfaction.Length - 1);

        var low = LowPointRule.Detect(series, ChangeDetector.Detect(series, MeasureNorms.Satisfaction, now), now);

        Assert.Equal(LowPointState.None, low.State);
        Assert.Null(Change([.. satisfaction.Select(v => (int?)v)], satisfaction.Length - 1));
    }
}

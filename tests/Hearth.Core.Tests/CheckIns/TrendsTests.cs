using Hearth.Core.CheckIns;
using NodaTime;
using static Hearth.Core.Tests.CheckIns.Series;

namespace Hearth.Core.Tests.CheckIns;

public sealed class TrendsTests
{
    private const double N = double.NaN;

    [Theory]
    [InlineData(new[] { 4.0, 5, 6, 7 }, "4 4.5 5 6")]
    [InlineData(new[] { 4.0, N, 6, N, N, N, 8 }, "4 4 5 6 6 - 8")] // gaps: mean of what exists in the last three slots
    [InlineData(new[] { 7.0 }, "7")]
    [InlineData(new[] { N, 3.0, N, N, N }, "3")] // a series starts at its first entry
    public void Rolling_means_use_the_values_present_in_the_last_three_week_slots(double[] values, string expected)
    {
        Assert.Equal(expected, Show(RollingMean.ThreeWeek(Of(values))));
    }

    [Fact]
    public void Rolling_means_can_run_on_to_a_later_week_and_become_empty()
    {
        Assert.Equal("5 5 5 -", Show(RollingMean.ThreeWeek(Of(5), Week(3))));
        Assert.Empty(RollingMean.ThreeWeek([]));
    }

    [Fact]
    public void Weeks_must_be_whole_weeks_apart_and_unique()
    {
        Assert.Throws<ArgumentException>(() => RollingMean.ThreeWeek([new WeeklyValue(Week(0), 1), new WeeklyValue(Week(0).PlusDays(3), 2)]));
        Assert.Throws<ArgumentException>(() => RollingMean.ThreeWeek([new WeeklyValue(Week(0), 1), new WeeklyValue(Week(0), 2)]));
    }

    [Fact]
    public void The_pair_series_averages_only_weeks_both_answered()
    {
        var first = new[] { Record(0, 8), Record(1, 6), Record(2, null), Record(4, 9) };
        var second = new[] { Record(0, 6), Record(2, 7), Record(3, 5), Record(4, 7) };

        var pair = Trends.ForPair(first, second, CheckInMeasure.Satisfaction);

        Assert.Equal([Week(0), Week(4)], pair.Select(p => p.Week));
        Assert.Equal([7.0, 8.0], pair.Select(p => p.Value!.Value));
        Assert.Equal("7 7 7 - 8", Show(RollingMean.ThreeWeek(pair)));
    }

    [Fact]
    public void A_member_series_keeps_skipped_answers_as_empty_weeks()
    {
        var series = Trends.ForMember([Record(1, null, closeness: 5), Record(0, 7, closeness: 4)], CheckInMeasure.Closeness);

        Assert.Equal("4 5", Show(series));
        Assert.Equal("7 -", Show(Trends.ForMember([Record(1, null), Record(0, 7)], CheckInMeasure.Satisfaction)));
    }

    internal static CheckInRecord Record(int week, int? satisfaction, int? closeness = null) =>
        new(Week(week), "weekly.v1", satisfaction, closeness, null, null, null, null, false, null, null);
}

public sealed class ChangeDetectorTests
{
    private const double N = double.NaN;

    [Fact]
    public void Thresholds_follow_the_stated_population_defaults()
    {
        // Satisfaction 0-10: SEM = 2.0 x sqrt(.2) = 0.894; threshold = 1.96 x sqrt(2) x 0.894 = 2.479.
        Assert.Equal(2.4792, ChangeDetector.Detect(Of(8, 8, 8, 8), MeasureNorms.Satisfaction, Week(3)).Threshold, 1e-3);
        // 1-7 items: the docs/product/assessment-and-insights.md example, about 1.49.
        Assert.Equal(1.4875, ChangeDetector.Detect(Of(6, 6, 6, 6), MeasureNorms.SevenPoint, Week(3)).Threshold, 1e-3);
    }

    [Theory]
    // Baseline weeks 0-2, two silent weeks, then the current week alone in the window (so the rolling
    // mean does not step down three times and only the reliable rule can fire).
    [InlineData(8.0, 5.52, true, ChangeDirection.Decline)] // 2.48 > 2.479
    [InlineData(8.0, 5.53, false, ChangeDirection.None)] // 2.47: within everyday wobble
    [InlineData(4.0, 6.48, true, ChangeDirection.Improvement)]
    [InlineData(4.0, 6.47, false, ChangeDirection.None)]
    public void Satisfaction_change_is_reliable_just_above_the_threshold(double baseline, double now, bool reliable, ChangeDirection direction)
    {
        var result = ChangeDetector.Detect(Of(baseline, baseline, baseline, N, N, now), MeasureNorms.Satisfaction, Week(5));

        Assert.Equal(reliable, result.Reliable);
        Assert.False(result.Persistent);
        Assert.Equal(direction, result.Direction);
        Assert.Equal(baseline, result.Baseline);
        Assert.Equal(now, result.Current);
        Assert.Equal([Week(0), Week(1), Week(2)], result.BaselineWeeks);
    }

    [Fact]
    public void The_baseline_is_the_half_year_before_the_window_so_years_ago_neither_count_nor_cost()
    {
        // Two years of low satisfaction, then thirty steady weeks at 8: today is steady, not "better".
        var values = Enumerable.Repeat(2.0, 104).Concat(Enumerable.Repeat(8.0, 30)).ToArray();
        var now = Week(values.Length - 1);

        var result = ChangeDetector.Detect(Of(values), MeasureNorms.Satisfaction, now);

        Assert.Equal(ChangeDirection.None, result.Direction);
        Assert.Equal(8.0, result.Baseline);
        Assert.Equal(ChangeDetector.MaxBaselineWeeks, result.BaselineWeeks.Count);
        Assert.True(result.BaselineWeeks.Min() >= now.PlusWeeks(-ChangeDetector.WeeksRead + 1), "no week before the half year is read");

        // And a history only as long as the rule reads gives the same answer as five years of it.
        var recent = Of(values).Where(v => v.Week > now.PlusWeeks(-ChangeDetector.WeeksRead)).ToList();
        var short_ = ChangeDetector.Detect(recent, MeasureNorms.Satisfaction, now);
        Assert.Equal((result.Direction, result.Baseline, result.Current, result.Threshold), (short_.Direction, short_.Baseline, short_.Current, short_.Threshold));
        Assert.Equal(result.BaselineWeeks, short_.BaselineWeeks);
    }

    [Theory]
    [InlineData(6.0, 4.51, true)] // 1.49 > 1.4875
    [InlineData(6.0, 4.52, false)]
    public void Seven_point_change_is_reliable_just_above_the_threshold(double baseline, double now, bool reliable)
    {
        var result = ChangeDetector.Detect(Of(baseline, baseline, baseline, N, N, now), MeasureNorms.SevenPoint, Week(5));

        Assert.Equal(reliable, result.Reliable);
    }

    [Fact]
    public void A_baseline_needs_three_answered_weeks_before_the_window()
    {
        var result = ChangeDetector.Detect(Of(8, N, 8, N, N, 1), MeasureNorms.Satisfaction, Week(5));

        Assert.Null(result.Baseline);
        Assert.False(result.Reliable);
        Assert.Equal(ChangeDirection.None, result.Direction);
    }

    [Theory]
    [InlineData(new[] { 6.0, 6, 6, 6, 5, 5, 5 }, ChangeDirection.Decline)] // rolling 6, 5.67, 5.33, 5: three steps down
    [InlineData(new[] { 6.0, 6, 6, 6, 5, 5, 6 }, ChangeDirection.None)] // the last step is flat: barely not
    [InlineData(new[] { 4.0, 4, 4, 4, 5, 5, 5 }, ChangeDirection.Improvement)]
    [InlineData(new[] { 4.0, 4, 4, 5, 5, 5 }, ChangeDirection.Improvement)]
    [InlineData(new[] { 4.0, 4, 4, 4, 5, 5, 4 }, ChangeDirection.None)]
    [InlineData(new[] { 6.0, 6, 6, 5, N, N, N, 5 }, ChangeDirection.None)] // three silent weeks leave a rolling mean missing: no streak
    public void Three_weeks_of_steady_decline_or_rise_count_even_when_small(double[] values, ChangeDirection direction)
    {
        var result = ChangeDetector.Detect(Of(values), MeasureNorms.SevenPoint, Week(values.Length - 1));

        Assert.Equal(direction, result.Direction);
        Assert.False(result.Reliable);
        Assert.Equal(direction != ChangeDirection.None, result.Persistent);
    }

    [Fact]
    public void From_eight_answered_weeks_the_persons_own_spread_is_used_with_a_floor()
    {
        var steady = ChangeDetector.Detect(Of(6, 6, 6, 6, 6, 6, 6, 6), MeasureNorms.SevenPoint, Week(7));
        Assert.True(steady.UsedOwnHistory);
        // Own SD 0 is floored at half the population SD: 0.6 -> threshold about 0.74.
        Assert.Equal(1.4875 / 2, steady.Threshold, 1e-3);

        var short_ = ChangeDetector.Detect(Of(6, 6, 6, 6, 6, 6, 6), MeasureNorms.SevenPoint, Week(6));
        Assert.False(short_.UsedOwnHistory);

        // A person whose answers swing widely needs a bigger change to count.
        var swinging = ChangeDetector.Detect(Of(2, 7, 2, 7, 2, 7, 2, 7), MeasureNorms.SevenPoint, Week(7));
        Assert.True(swinging.Threshold > 1.4875);
    }

    [Fact]
    public void Weeks_after_now_are_ignored_and_no_history_means_no_change()
    {
        var result = ChangeDetector.Detect(Of(8, 8, 8, N, N, 1, 10, 10, 10), MeasureNorms.Satisfaction, Week(5));
        Assert.Equal(ChangeDirection.Decline, result.Direction);

        var empty = ChangeDetector.Detect([], MeasureNorms.Satisfaction, Week(5));
        Assert.Equal(ChangeDirection.None, empty.Direction);
        Assert.Null(empty.Current);
    }

    [Fact]
    public void Minutes_and_counts_have_no_norm()
    {
        Assert.Null(MeasureNorms.For(CheckInMeasure.PhoneFreeMinutes));
        Assert.Null(MeasureNorms.For(CheckInMeasure.Appreciation));
        Assert.Same(MeasureNorms.Satisfaction, MeasureNorms.For(CheckInMeasure.Satisfaction));
    }
}

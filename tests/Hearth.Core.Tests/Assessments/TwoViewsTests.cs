using Hearth.Core.Assessments;
using Hearth.Core.CheckIns;

namespace Hearth.Core.Tests.Assessments;

/// <summary>Issue 17, rule 8: the one rule for "similar", "a little apart" and "a gap" between two people.</summary>
public sealed class TwoViewsTests
{
    [Theory]
    [InlineData(2.7, 5.7, TwoViewsReading.Gap)] // the trends page's "4.2": a gap, shown as two views
    [InlineData(4.66, 3.64, TwoViewsReading.ALittleApart)] // 61 vs 44 of 100: never "similar"
    [InlineData(4.0, 4.0, TwoViewsReading.Similar)]
    [InlineData(4.0, 4.75, TwoViewsReading.Similar)] // within one standard error of the difference (0.759)
    [InlineData(4.0, 4.77, TwoViewsReading.ALittleApart)]
    [InlineData(4.0, 5.48, TwoViewsReading.ALittleApart)] // 1.48: just under the reliable threshold
    [InlineData(4.0, 5.49, TwoViewsReading.Gap)] // 1.49: just over it
    [InlineData(1.0, 7.0, TwoViewsReading.Gap)]
    public void Dimension_means_on_one_to_seven(double a, double b, TwoViewsReading reading)
    {
        var views = TwoViews.CompareDimension(a, b);
        Assert.Equal(reading, views.Reading);
        Assert.Equal(reading, TwoViews.CompareDimension(b, a).Reading); // the order of the two never matters
        Assert.Equal(Math.Min(a, b), views.Low);
        Assert.Equal(Math.Max(a, b), views.High);
        Assert.Equal(1.4875, views.GapAbove, 1e-3);
        Assert.Equal(0.7589, views.SimilarWithin, 1e-3);
    }

    [Theory]
    [InlineData(CheckInMeasure.Satisfaction, 2, 8, TwoViewsReading.Gap)]
    [InlineData(CheckInMeasure.Satisfaction, 5, 7, TwoViewsReading.ALittleApart)] // 2 of 10: under 2.48
    [InlineData(CheckInMeasure.Satisfaction, 6, 7, TwoViewsReading.Similar)] // within 1.26
    [InlineData(CheckInMeasure.FeltHeard, 5, 5, TwoViewsReading.Similar)]
    [InlineData(CheckInMeasure.Closeness, 3, 6, TwoViewsReading.Gap)]
    [InlineData(CheckInMeasure.Repair, 4, 5, TwoViewsReading.ALittleApart)]
    public void Check_in_measures_use_their_own_norm(CheckInMeasure measure, double a, double b, TwoViewsReading reading) =>
        Assert.Equal(reading, PairViews.Compare(measure, a, b)!.Reading);

    [Fact]
    public void Minutes_and_counts_have_no_norm_and_get_no_reading()
    {
        Assert.Null(PairViews.Compare(CheckInMeasure.PhoneFreeMinutes, 10, 300));
        Assert.Null(PairViews.Compare(CheckInMeasure.Appreciation, 0, 5));
        Assert.Equal(2.479, PairViews.GapAbove(CheckInMeasure.Satisfaction)!.Value, 1e-3);
    }

    [Fact]
    public void The_pair_series_keeps_both_answers_and_only_weeks_both_answered()
    {
        var a = Insights.InsightTestData.Satisfaction(3, null, 4);
        var b = Insights.InsightTestData.Satisfaction(9, 8, null);

        var both = PairViews.ForPair(a, b, CheckInMeasure.Satisfaction);

        var week = Assert.Single(both);
        Assert.Equal((3.0, 9.0), (week.First, week.Second));
    }
}

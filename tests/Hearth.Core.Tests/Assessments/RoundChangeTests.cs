using Hearth.Core.Assessments;
using Hearth.Core.Dimensions;

namespace Hearth.Core.Tests.Assessments;

public sealed class RoundChangeTests
{
    [Fact]
    public void The_population_threshold_is_about_one_and_a_half_points_of_seven()
    {
        // 1.96 x sqrt(2) x (1.2 x sqrt(0.2)): the reliable-change rule of docs/product/assessment-and-insights.md.
        Assert.Equal(1.488, RoundChange.PopulationThreshold, 3);
    }

    [Theory]
    [InlineData(3.0, 5.0, RoundChangeDirection.ReliablyHigher, true)]
    [InlineData(5.0, 3.0, RoundChangeDirection.ReliablyLower, true)]
    [InlineData(3.0, 4.4, RoundChangeDirection.Steady, false)]
    [InlineData(4.4, 3.0, RoundChangeDirection.Steady, false)]
    [InlineData(4.0, 5.48, RoundChangeDirection.Steady, false)] // just under 1.487
    [InlineData(4.0, 5.5, RoundChangeDirection.ReliablyHigher, true)] // just over
    [InlineData(6.0, 6.0, RoundChangeDirection.Steady, false)]
    public void A_change_is_reliable_only_beyond_the_threshold(double before, double after, RoundChangeDirection direction, bool reliable)
    {
        var change = RoundChange.Of(before, after, RoundChange.PopulationThreshold);

        Assert.Equal(direction, change.Direction);
        Assert.Equal(reliable, change.Reliable);
        Assert.Equal(after - before, change.Change!.Value, 6);
    }

    [Theory]
    [InlineData(null, 4.0)]
    [InlineData(4.0, null)]
    [InlineData(null, null)]
    public void Without_a_score_in_either_round_nothing_is_said(double? before, double? after)
    {
        var change = RoundChange.Of(before, after, RoundChange.PopulationThreshold);

        Assert.Equal(RoundChangeDirection.NotComparable, change.Direction);
        Assert.Null(change.Change);
        Assert.False(change.Reliable);
    }

    [Fact]
    public void Each_person_is_compared_with_themselves_and_only_shared_dimensions_are_read()
    {
        var result = RoundChange.Compare(
            ResultWith((Dimension.Emotional, 3.0), (Dimension.Physical, 4.0)),
            ResultWith((Dimension.Emotional, 5.0), (Dimension.Physical, 4.0)),
            ResultWith((Dimension.Emotional, 6.0), (Dimension.Physical, 2.0)),
            ResultWith((Dimension.Emotional, 6.5), (Dimension.Physical, 6.0)),
            [Dimension.Emotional]);

        var emotional = Assert.Single(result.Dimensions);
        Assert.Equal(Dimension.Emotional, emotional.Dimension);
        Assert.Equal(RoundChangeDirection.ReliablyHigher, emotional.First.Direction);

        // 6.0 -> 6.5 for the second person is steady, although the first person's 3.0 is far below: never one against the other.
        Assert.Equal(RoundChangeDirection.Steady, emotional.Second.Direction);
        Assert.DoesNotContain(result.Dimensions, d => d.Dimension == Dimension.Physical);
    }

    [Fact]
    public void A_smaller_own_error_lowers_the_threshold()
    {
        var result = RoundChange.Compare(
            ResultWith((Dimension.Spiritual, 4.0)), ResultWith((Dimension.Spiritual, 5.0)),
            ResultWith((Dimension.Spiritual, 4.0)), ResultWith((Dimension.Spiritual, 4.0)),
            [Dimension.Spiritual],
            standardError: 0.3);

        Assert.Equal(0.832, result.Threshold, 3);
        Assert.Equal(RoundChangeDirection.ReliablyHigher, result.Dimensions.Single().First.Direction);
    }

    private static AssessmentResult ResultWith(params (Dimension Dimension, double Mean)[] means)
    {
        var empty = new ScaleScore(ScoreStatus.NotEnoughAnswers, 3, 0, 2, null, null, 1, 7);
        var dimensions = DimensionCatalog.All.Select(d =>
        {
            var given = means.Where(m => m.Dimension == d).Select(m => (double?)m.Mean).FirstOrDefault();
            if (given is not { } mean)
            {
                return new DimensionResult(d, empty, null, false, null, false, false);
            }

            var experience = new ScaleScore(ScoreStatus.Scored, 3, 3, 2, mean, AssessmentScorer.ToPercent(mean, 1, 7), 1, 7);
            return new DimensionResult(d, experience, null, false, null, false, false);
        }).ToList();
        var warnings = new ScaleScore(ScoreStatus.NotEnoughAnswers, 4, 0, 3, null, null, 1, 5);
        return new AssessmentResult("baseline.v1", dimensions, empty, empty, warnings, null, null, [], []);
    }
}

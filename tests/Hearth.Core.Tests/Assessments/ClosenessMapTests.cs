using Hearth.Core.Assessments;
using Hearth.Core.Dimensions;
using Hearth.Core.Spaces;
using static Hearth.Core.Tests.Assessments.TestAnswers;

namespace Hearth.Core.Tests.Assessments;

public sealed class ClosenessMapTests
{
    private static readonly Dimension[] AllShared = [.. DimensionCatalog.All];

    [Fact]
    public void Population_defaults_give_the_threshold_from_the_design_notes()
    {
        // SEM = 1.2 x sqrt(1 - .80) = 0.537; threshold = 1.96 x sqrt(2) x SEM = 1.488 ("about 1.5 points").
        Assert.Equal(0.5366563, ReliableDifference.PopulationStandardError, 1e-6);
        Assert.Equal(1.4875, ReliableDifference.PopulationThreshold, 1e-3);
        Assert.Equal(ReliableDifference.PopulationThreshold, ReliableDifference.Threshold(0.5366563146, 0.5366563146), 1e-9);
    }

    [Theory]
    [InlineData(5.0, 3.5, true)]
    [InlineData(5.0, 3.51, true)] // 1.49: just above
    [InlineData(5.0, 3.52, false)] // 1.48: just below
    [InlineData(3.52, 5.0, false)] // the order of the two people never matters
    [InlineData(3.51, 5.0, true)]
    [InlineData(4.0, 4.0, false)]
    [InlineData(1.0, 7.0, true)]
    public void A_difference_is_reliable_only_above_the_threshold(double a, double b, bool reliable)
    {
        var sem = ReliableDifference.PopulationStandardError;
        Assert.Equal(reliable, ReliableDifference.IsReliable(a, b, sem, sem));

        var map = ClosenessMap.Compare(ResultWith(Dimension.Emotional, a), ResultWith(Dimension.Emotional, b), AllShared);
        var emotional = map.Dimensions.Single(d => d.Dimension == Dimension.Emotional);
        // Not a reliable gap is not yet "similar": that needs at most one standard error of the difference (TwoViews).
        var similar = Math.Abs(a - b) <= TwoViews.SimilarWithin(ReliableDifference.PopulationThreshold);
        Assert.Equal(reliable ? ComparisonOutcome.ExperienceDifferently : similar ? ComparisonOutcome.Agree : ComparisonOutcome.ALittleApart, emotional.Outcome);
        Assert.Equal(Math.Abs(a - b), emotional.Difference!.Value, 1e-9);
    }

    [Theory]
    [InlineData(0.0, 0.0, 0.01, true)] // with no measurement error any difference counts
    [InlineData(1.0, 1.0, 2.7, false)] // 1.96 x sqrt(2) = 2.77
    [InlineData(1.0, 1.0, 2.8, true)]
    [InlineData(0.3, 0.4, 0.97, false)] // 1.96 x 0.5 = 0.98
    [InlineData(0.3, 0.4, 0.99, true)]
    public void Own_standard_errors_replace_the_defaults_when_known(double semA, double semB, double difference, bool reliable)
    {
        Assert.Equal(reliable, ReliableDifference.IsReliable(4 + difference, 4, semA, semB));

        var map = ClosenessMap.Compare(ResultWith(Dimension.Spiritual, 4 + difference), ResultWith(Dimension.Spiritual, 4), AllShared, semA, semB);
        Assert.Equal(reliable, map.Differences.Any(d => d.Dimension == Dimension.Spiritual));
    }

    [Fact]
    public void A_perception_gap_is_worded_as_experiencing_it_differently_never_who_is_right()
    {
        var first = ResultWith(Dimension.Physical, 6.0);
        var second = ResultWith(Dimension.Physical, 3.5);

        var forward = ClosenessMap.Compare(first, second, AllShared).Differences.Single();
        var backward = ClosenessMap.Compare(second, first, AllShared).Differences.Single();

        Assert.Contains("experience physical closeness differently", forward.Message, StringComparison.Ordinal);
        Assert.Equal("Your answers average 3.5 and 6 of 7, a difference of 2.5. Hearth calls answers similar when they are up to 0.8 points apart, and a gap when they are more than 1.5 points apart: more than everyday ups and downs in answers would explain.", forward.Why);
        // Swapping the two people changes nothing a reader could use to rank them.
        Assert.Equal(ResultJson.Of(forward), ResultJson.Of(backward));
        foreach (var word in new[] { "right", "wrong", "higher", "lower", "better", "worse", "fault" })
        {
            Assert.DoesNotContain(word, forward.Message + forward.Why, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Where_you_agree_lists_the_dimensions_within_everyday_wobble()
    {
        var first = ResultWith((Dimension.Emotional, 5.0), (Dimension.Intellectual, 3.0), (Dimension.Experiential, 6.5));
        var second = ResultWith((Dimension.Emotional, 5.5), (Dimension.Intellectual, 6.0), (Dimension.Experiential, 6.0));

        var map = ClosenessMap.Compare(first, second, AllShared);

        Assert.Equal([Dimension.Emotional, Dimension.Experiential], map.Agreements.Select(d => d.Dimension));
        Assert.Equal([Dimension.Intellectual], map.Differences.Select(d => d.Dimension));
        Assert.Equal("You see emotional closeness in a similar way.", map.Agreements[0].Message);
        var shared = map.Agreements[1];
        Assert.True(shared.BothStrong);
        Assert.Equal("Doing life together feels strong to both of you. It could help to notice together what keeps it that way.", shared.Message);
    }

    [Fact]
    public void Dimensions_not_shared_by_both_are_never_compared()
    {
        var first = ResultWith((Dimension.Emotional, 1.0), (Dimension.Physical, 1.0));
        var second = ResultWith((Dimension.Emotional, 7.0), (Dimension.Physical, 7.0));

        var map = ClosenessMap.Compare(first, second, [Dimension.Physical]);

        var emotional = map.Dimensions.Single(d => d.Dimension == Dimension.Emotional);
        Assert.Equal(ComparisonOutcome.NotShared, emotional.Outcome);
        Assert.Null(emotional.Difference);
        Assert.Null(emotional.Message);
        Assert.Equal([Dimension.Physical], map.Differences.Select(d => d.Dimension));
    }

    [Fact]
    public void Without_enough_answers_on_either_side_nothing_is_said()
    {
        var scored = AssessmentScorer.Score(Content, Romantic(("int.exp.1", 7), ("int.exp.2", 7)));
        var thin = AssessmentScorer.Score(Content, Romantic(("int.exp.1", 1)));

        var map = ClosenessMap.Compare(scored, thin, AllShared);

        Assert.All(map.Dimensions, d => Assert.Equal(ComparisonOutcome.NotComparable, d.Outcome));
        Assert.Empty(map.Differences);
        Assert.Empty(map.Agreements);
    }

    [Fact]
    public void The_map_works_on_real_scored_results()
    {
        var first = AssessmentScorer.Score(Content, Build(RelationshipKind.Family, false, ("emo.exp.1", 7), ("emo.exp.2", 6), ("emo.exp.3", 1)));
        var second = AssessmentScorer.Score(Content, Build(RelationshipKind.Family, false, ("emo.exp.1", 3), ("emo.exp.2", 4), ("emo.exp.3", 5)));

        var gap = Assert.Single(ClosenessMap.Compare(first, second, AllShared).Differences);

        Assert.Equal(Dimension.Emotional, gap.Dimension);
        Assert.Equal(6.0 + (2.0 / 3) - (10.0 / 3), gap.Difference!.Value, 1e-9);
    }

    internal static AssessmentResult ResultWith(Dimension dimension, double mean) => ResultWith((dimension, mean));

    /// <summary>A hand-made result: the given experience means on 1-7, the other dimensions unscored.</summary>
    internal static AssessmentResult ResultWith(params (Dimension Dimension, double Mean)[] means)
    {
        var empty = new ScaleScore(ScoreStatus.NotEnoughAnswers, 3, 0, 2, null, null, 1, 7);
        var dimensions = DimensionCatalog.All.Select(d =>
        {
            var given = means.Where(m => m.Dimension == d).Select(m => (double?)m.Mean).FirstOrDefault();
            if (given is not { } mean)
            {
                return new DimensionResult(d, empty, null, false, null, false, false);
            }

            var percent = AssessmentScorer.ToPercent(mean, 1, 7);
            var experience = new ScaleScore(ScoreStatus.Scored, 3, 3, 2, mean, percent, 1, 7);
            return new DimensionResult(d, experience, null, false, null, false, percent >= AssessmentScorer.StrengthExperienceAtLeastPercent);
        }).ToList();
        var warnings = new ScaleScore(ScoreStatus.NotEnoughAnswers, 4, 0, 3, null, null, 1, 5);
        return new AssessmentResult("baseline.v1", dimensions, empty, empty, warnings, null, null, [], []);
    }
}

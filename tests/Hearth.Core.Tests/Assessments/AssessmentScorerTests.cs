using Hearth.Core.Assessments;
using Hearth.Core.Dimensions;
using Hearth.Core.Spaces;
using static Hearth.Core.Tests.Assessments.TestAnswers;

namespace Hearth.Core.Tests.Assessments;

public sealed class AssessmentScorerTests
{
    private const double Tolerance = 1e-9;

    [Theory]
    [InlineData(1, 7, 7)]
    [InlineData(7, 7, 1)]
    [InlineData(4, 7, 4)]
    [InlineData(2, 7, 6)]
    [InlineData(1, 5, 5)]
    [InlineData(2, 5, 4)]
    [InlineData(0, 1, 1)]
    public void Reverse_keying_is_min_plus_max_minus_the_answer(int value, int max, int expected)
    {
        var min = max == 1 ? 0 : 1;
        var scale = new AnswerScale("s", min, max, []);
        Assert.Equal(expected, scale.Reverse(value));
    }

    [Theory]
    [InlineData("emo.exp.3", 2, 6)]
    [InlineData("emo.exp.1", 2, 2)]
    [InlineData("anchor.3", 7, 1)]
    [InlineData("anchor.1", 7, 7)]
    public void Reverse_worded_items_are_turned_round_before_scoring(string id, int answer, int expected)
    {
        Assert.Equal(expected, AssessmentScorer.KeyedValue(Content.Item(id), answer));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(5, 4)]
    public void At_least_two_thirds_of_a_group_must_be_answered(int items, int required)
    {
        Assert.Equal(required, AssessmentScorer.MinimumAnswered(items));
    }

    [Theory]
    [InlineData(5, 6, 3, ScoreStatus.Scored, 3, 5.0 + (1.0 / 3))] // reversed 3 -> 5
    [InlineData(5, 6, Skip, ScoreStatus.Scored, 2, 5.5)]
    [InlineData(Skip, 6, 1, ScoreStatus.Scored, 2, 6.5)]
    [InlineData(5, Decline, 7, ScoreStatus.Scored, 2, 3.0)]
    [InlineData(5, Skip, Skip, ScoreStatus.NotEnoughAnswers, 1, null)]
    [InlineData(5, Decline, Decline, ScoreStatus.NotEnoughAnswers, 1, null)]
    [InlineData(Skip, Skip, Skip, ScoreStatus.NotEnoughAnswers, 0, null)]
    public void Dimension_experience_needs_two_of_three_answers_and_never_imputes(
        int first, int second, int third, ScoreStatus status, int answered, double? mean)
    {
        var answers = Romantic(("emo.exp.1", first), ("emo.exp.2", second), ("emo.exp.3", third));

        var experience = AssessmentScorer.Score(Content, answers).For(Dimension.Emotional).Experience;

        Assert.Equal(status, experience.Status);
        Assert.Equal(answered, experience.Answered);
        Assert.Equal(2, experience.Required);
        Assert.Equal(3, experience.ItemCount);
        if (mean is null)
        {
            Assert.Null(experience.Mean);
            Assert.Null(experience.Percent);
        }
        else
        {
            Assert.Equal(mean.Value, experience.Mean!.Value, Tolerance);
        }
    }

    [Theory]
    [InlineData(1, 1, 7, 0.0)] // emo.exp.3 is reversed: 7 -> 1
    [InlineData(7, 7, 1, 100.0)]
    [InlineData(4, 4, 4, 50.0)]
    [InlineData(7, 1, 4, 50.0)]
    [InlineData(6, 5, 3, 72.22222222222223)] // 6, 5, 5 -> 5.333 -> 4.333 / 6
    [InlineData(2, 3, Skip, 25.0)]
    public void Experience_is_shown_on_0_to_100(int first, int second, int third, double expected)
    {
        var answers = Romantic(("emo.exp.1", first), ("emo.exp.2", second), ("emo.exp.3", third));

        var experience = AssessmentScorer.Score(Content, answers).For(Dimension.Emotional).Experience;

        Assert.Equal(expected, experience.Percent!.Value, Tolerance);
        Assert.Equal(expected, AssessmentScorer.ToPercent(experience.Mean!.Value, 1, 7), Tolerance);
    }

    [Theory]
    // experience answers (int.exp.3 is reversed), importance, growth area?, strength?
    [InlineData(2, 2, 6, 6, true, false)] // mean 2 (17/100), gap 4
    [InlineData(2, 2, 6, 3, false, false)] // low, but matters little: gap 1
    [InlineData(3, 4, 5, 6, true, false)] // 3, 4, 3 -> 3.33 (38.9/100), gap 2.67
    [InlineData(3, 4, 4, 7, false, false)] // 3.67 is 44/100: not below 40
    [InlineData(3, 3, 5, 5, true, false)] // gap exactly 2 counts
    [InlineData(3, 3, 5, 4, false, false)] // gap 1
    [InlineData(2, 2, 6, Skip, false, false)] // no importance, no priority
    [InlineData(2, 2, 6, Decline, false, false)]
    [InlineData(6, 5, Skip, 7, false, true)] // 5.5 is exactly 75/100
    [InlineData(6, 5, 3, 7, false, false)] // 6, 5, 5 -> 72/100
    [InlineData(7, 7, 1, 1, false, true)] // strength does not depend on importance
    [InlineData(6, Skip, Skip, 7, false, false)] // not enough answers: nothing said
    public void Growth_areas_and_strengths_follow_the_named_thresholds(
        int first, int second, int third, int importance, bool growth, bool strength)
    {
        var answers = Romantic(("int.exp.1", first), ("int.exp.2", second), ("int.exp.3", third), ("int.imp", importance));

        var result = AssessmentScorer.Score(Content, answers);
        var dimension = result.For(Dimension.Intellectual);

        Assert.Equal(growth, dimension.IsGrowthArea);
        Assert.Equal(strength, dimension.IsStrength);
        Assert.Equal(growth, result.Statements.Any(s => s.Kind == StatementKind.GrowthArea && s.Dimension == Dimension.Intellectual));
        Assert.Equal(strength, result.Statements.Any(s => s.Kind == StatementKind.Strength && s.Dimension == Dimension.Intellectual));
    }

    [Fact]
    public void The_gap_is_importance_minus_the_experience_mean()
    {
        var answers = Romantic(("emo.exp.1", 3), ("emo.exp.2", 2), ("emo.exp.3", 6), ("emo.imp", 6));

        var emotional = AssessmentScorer.Score(Content, answers).For(Dimension.Emotional);

        Assert.Equal(6 - (7.0 / 3), emotional.Gap!.Value, Tolerance);
        Assert.Equal(6, emotional.Importance);
    }

    [Fact]
    public void A_growth_area_explains_itself_with_the_numbers_behind_it()
    {
        var answers = Romantic(("emo.exp.1", 3), ("emo.exp.2", 2), ("emo.exp.3", 6), ("emo.imp", 6));

        var statement = Assert.Single(AssessmentScorer.Score(Content, answers).Statements);

        Assert.Equal(StatementKind.GrowthArea, statement.Kind);
        Assert.Equal("You rated how much this matters 6 of 7, and how it feels now 2.3 of 7.", statement.Why);
        Assert.StartsWith("Emotional closeness matters to you", statement.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_strength_explains_itself()
    {
        var answers = Romantic(("xpr.exp.1", 7), ("xpr.exp.2", 6), ("xpr.exp.3", 2));

        var statement = Assert.Single(AssessmentScorer.Score(Content, answers).Statements);

        Assert.Equal(StatementKind.Strength, statement.Kind);
        Assert.Equal(Dimension.Experiential, statement.Dimension);
        Assert.Equal("Your answers about how this feels now average 6.3 of 7.", statement.Why);
    }

    [Theory]
    [InlineData(1, 1, 1, 1, ScoreStatus.Scored, 1.0, false)]
    [InlineData(5, 5, 5, 5, ScoreStatus.Scored, 5.0, true)]
    [InlineData(3, 4, 5, Skip, ScoreStatus.Scored, 4.0, true)]
    [InlineData(3, 3, 3, Decline, ScoreStatus.Scored, 3.0, true)] // exactly "sometimes"
    [InlineData(2, 3, 3, 3, ScoreStatus.Scored, 2.75, false)]
    [InlineData(5, 5, Skip, Skip, ScoreStatus.NotEnoughAnswers, null, false)] // 2 of 4 is not enough
    [InlineData(Skip, Skip, Skip, Skip, ScoreStatus.NotEnoughAnswers, null, false)]
    public void The_warning_index_is_the_mean_of_at_least_three_of_four_warning_signs(
        int criticism, int contempt, int shutdown, int phones, ScoreStatus status, double? mean, bool mentioned)
    {
        var answers = Romantic(
            ("warning.criticism", criticism), ("warning.contempt", contempt), ("warning.shutdown", shutdown), ("warning.phones", phones));

        var result = AssessmentScorer.Score(Content, answers);

        Assert.Equal(status, result.WarningIndex.Status);
        Assert.Equal(3, result.WarningIndex.Required);
        Assert.Equal(mean, result.WarningIndex.Mean);
        Assert.Equal(mentioned, result.Statements.Any(s => s.Kind == StatementKind.WarningSigns));
    }

    [Fact]
    public void The_warning_statement_says_why_without_a_verdict()
    {
        var answers = Romantic(("warning.criticism", 4), ("warning.contempt", 3), ("warning.shutdown", 3));

        var statement = Assert.Single(AssessmentScorer.Score(Content, answers).Statements);

        Assert.Equal("You answered 3 questions about harder moments. They average 3.3, where 1 means never and 5 means very often.", statement.Why);
    }

    [Fact]
    public void Anchor_healthy_signs_circles_and_care_ways_are_each_reported()
    {
        var answers = Romantic(
            ("anchor.1", 6), ("anchor.2", 5), ("anchor.3", 2),
            ("healthy.bids", 7), ("healthy.goodNews", 6), ("healthy.thanks", 5), ("healthy.repair", Decline),
            ("closeness.circles", 5),
            ("care.words", 5), ("care.time", 4), ("care.touch", 1), ("care.gifts", Decline));

        var result = AssessmentScorer.Score(Content, answers);

        Assert.Equal(17.0 / 3, result.GlobalAnchor.Mean!.Value, Tolerance); // 6, 5, 8 - 2
        Assert.Equal(6.0, result.HealthySigns.Mean);
        Assert.Equal(3, result.HealthySigns.Answered);
        Assert.Equal(5, result.ClosenessCircles);
        Assert.Equal(
            [(CareWay.Words, 5), (CareWay.Acts, null), (CareWay.Gifts, null), (CareWay.Time, 4), (CareWay.Touch, (int?)1)],
            result.CareWays.Select(c => (c.Way, c.Rating)));
    }

    [Fact]
    public void The_profile_always_has_five_dimensions_and_no_overall_score()
    {
        var result = AssessmentScorer.Score(Content, Romantic());

        Assert.Equal(DimensionCatalog.All, result.Dimensions.Select(d => d.Dimension));
        Assert.DoesNotContain(typeof(AssessmentResult).GetProperties(), p => p.Name.Contains("Overall", StringComparison.Ordinal) || p.Name.Contains("Total", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RelationshipKind.Romantic, false)]
    [InlineData(RelationshipKind.Romantic, true)]
    [InlineData(RelationshipKind.Friends, false)]
    [InlineData(RelationshipKind.Family, true)]
    public void All_skipped_gives_not_enough_answers_everywhere_and_says_nothing(RelationshipKind kind, bool optIn)
    {
        var result = AssessmentScorer.Score(Content, Build(kind, optIn));

        Assert.All(result.Dimensions, d =>
        {
            Assert.Equal(ScoreStatus.NotEnoughAnswers, d.Experience.Status);
            Assert.Null(d.Gap);
            Assert.False(d.IsGrowthArea || d.IsStrength);
        });
        Assert.Equal(ScoreStatus.NotEnoughAnswers, result.GlobalAnchor.Status);
        Assert.Equal(ScoreStatus.NotEnoughAnswers, result.HealthySigns.Status);
        Assert.Equal(ScoreStatus.NotEnoughAnswers, result.WarningIndex.Status);
        Assert.Null(result.ClosenessCircles);
        Assert.All(result.CareWays, c => Assert.Null(c.Rating));
        Assert.Empty(result.Statements);
        Assert.Equal(kind == RelationshipKind.Romantic && optIn, result.SexualCloseness is not null);
    }

    [Fact]
    public void Prefer_not_to_say_everywhere_is_the_same_as_skipping()
    {
        var declined = Every(RelationshipKind.Romantic, sexualOptIn: true, _ => Answer.PreferNotToSay);
        var skipped = Build(RelationshipKind.Romantic, sexualOptIn: true);

        Assert.Equal(ResultJson.Of(AssessmentScorer.Score(Content, skipped)), ResultJson.Of(AssessmentScorer.Score(Content, declined)));
    }

    [Fact]
    public void Not_relevant_on_the_spiritual_items_is_reported_as_not_relevant()
    {
        var answers = Every(RelationshipKind.Friends, sexualOptIn: false, i => i.AllowsNotRelevant ? Answer.NotRelevant : Answer.Of(i.Scale.Min));

        var result = AssessmentScorer.Score(Content, answers);
        var spiritual = result.For(Dimension.Spiritual);

        Assert.Equal(ScoreStatus.NotRelevant, spiritual.Experience.Status);
        Assert.True(spiritual.ImportanceNotRelevant);
        Assert.Null(spiritual.Importance);
        Assert.DoesNotContain(result.Statements, s => s.Dimension == Dimension.Spiritual);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void All_extreme_answers_score_without_surprises(bool highest)
    {
        var answers = Every(RelationshipKind.Romantic, sexualOptIn: true, i => Answer.Of(highest ? i.Scale.Max : i.Scale.Min));

        var result = AssessmentScorer.Score(Content, answers);

        // One reversed item in three: all 7s -> 7, 7, 1 (mean 5); all 1s -> 1, 1, 7 (mean 3).
        Assert.All(result.Dimensions, d => Assert.Equal(highest ? 5.0 : 3.0, d.Experience.Mean!.Value, Tolerance));
        Assert.All(result.Dimensions, d => Assert.Equal(highest ? 2.0 : -2.0, d.Gap!.Value, Tolerance));
        Assert.Equal(highest ? 5.0 : 1.0, result.WarningIndex.Mean);
        Assert.Equal(highest ? 7 : 1, result.ClosenessCircles);
        Assert.Equal(highest ? 100.0 : 0.0, result.SexualCloseness!.Percent);
        Assert.All(result.Statements, s => Assert.False(string.IsNullOrWhiteSpace(s.Why)));
    }

    [Fact]
    public void Sexual_answers_form_their_own_score_and_never_enter_the_physical_mean()
    {
        var answers = Build(RelationshipKind.Romantic, sexualOptIn: true,
            ("phy.exp.1", 6), ("phy.exp.2", 6), ("phy.exp.3", 2), ("phy.sex.1", 1), ("phy.sex.2", 2));

        var result = AssessmentScorer.Score(Content, answers);

        Assert.Equal(6.0, result.For(Dimension.Physical).Experience.Mean);
        Assert.Equal(1.5, result.SexualCloseness!.Mean);
        Assert.Equal(2, result.SexualCloseness.Required);
    }

    [Fact]
    public void Scoring_refuses_answers_that_do_not_validate()
    {
        Assert.Throws<ArgumentException>(() => AssessmentScorer.Score(Content, Romantic(("emo.exp.1", 8))));
        Assert.Throws<ArgumentException>(() => AssessmentScorer.Score(Content, Romantic(("phy.sex.1", 4))));
    }

    [Fact]
    public void Statements_never_read_as_a_verdict()
    {
        string[] banned = ["score is", "you should", "you must", "wrong", "fault", "bad", "failing", "low"];
        var answerSets = new[]
        {
            Every(RelationshipKind.Romantic, true, i => Answer.Of(i.Scale.Max)),
            Every(RelationshipKind.Romantic, true, i => Answer.Of(i.Scale.Min)),
            Romantic(("emo.exp.1", 1), ("emo.exp.2", 2), ("emo.exp.3", 7), ("emo.imp", 7)),
        };

        foreach (var statement in answerSets.SelectMany(a => AssessmentScorer.Score(Content, a).Statements))
        {
            foreach (var word in banned)
            {
                Assert.DoesNotContain(word, statement.Message + " " + statement.Why, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}

using Hearth.Core.Debriefs;
using Hearth.Core.Dimensions;
using Hearth.Core.Practices;
using Hearth.Core.Spaces;

namespace Hearth.Core.Tests.Debriefs;

/// <summary>Which dimensions the debrief names as strengths and which it offers to talk about.</summary>
public sealed class DebriefPlannerTests
{
    private static DebriefPlan Plan(RelationshipKind kind, bool apart, params SharedDimensionScores[] shared) =>
        DebriefPlanner.Plan(shared, kind, apart, DebriefContent.Default, PracticeCatalog.Default);

    private static SharedDimensionScores D(Dimension d, double a, double b, bool differ = false) =>
        new(d, a, b, differ, a >= 75 && b >= 75);

    // dimension, first %, second %, reliably different, expected: "strength", "differ", "roomForMore" or "nothing"
    [Theory]
    [InlineData(Dimension.Emotional, 90, 85, false, "strength")]
    [InlineData(Dimension.Emotional, 61, 44, true, "differ")]
    [InlineData(Dimension.Emotional, 90, 50, true, "differ")]
    [InlineData(Dimension.Intellectual, 30, 35, false, "roomForMore")]
    [InlineData(Dimension.Intellectual, 39, 60, false, "roomForMore")]
    [InlineData(Dimension.Spiritual, 40, 60, false, "nothing")]
    [InlineData(Dimension.Experiential, 60, 70, false, "nothing")]
    public void A_shared_dimension_is_a_strength_a_topic_or_left_alone(Dimension dimension, double a, double b, bool differ, string expected)
    {
        var plan = Plan(RelationshipKind.Romantic, false, D(dimension, a, b, differ));
        var actual = plan.Strengths.Count == 1 ? "strength"
            : plan.Topics.Count == 1 ? (plan.Topics[0].Reason == DebriefReason.Differ ? "differ" : "roomForMore")
            : "nothing";
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Strengths_come_first_and_differences_before_room_for_more_in_the_dimensions_order()
    {
        var plan = Plan(
            RelationshipKind.Romantic,
            false,
            D(Dimension.Experiential, 20, 25),
            D(Dimension.Spiritual, 80, 30, differ: true),
            D(Dimension.Intellectual, 90, 88),
            D(Dimension.Emotional, 70, 20, differ: true));
        Assert.Equal([Dimension.Intellectual], plan.Strengths.Select(s => s.Dimension));
        Assert.Equal([Dimension.Emotional, Dimension.Spiritual, Dimension.Experiential], plan.Topics.Select(t => t.Dimension));
        Assert.Equal([DebriefReason.Differ, DebriefReason.Differ, DebriefReason.RoomForMore], plan.Topics.Select(t => t.Reason));
    }

    [Fact]
    public void Each_topic_has_graded_questions_a_starter_and_one_practice_for_the_week()
    {
        var topic = Assert.Single(Plan(RelationshipKind.Friends, false, D(Dimension.Emotional, 20, 70, differ: true)).Topics);
        Assert.Equal([Hearth.Core.Prompts.PromptDepth.Light, Hearth.Core.Prompts.PromptDepth.Medium, Hearth.Core.Prompts.PromptDepth.Deep], topic.Questions.Select(q => q.Depth!.Value));
        Assert.Equal(DebriefLineKind.Starter, topic.Starter.Kind);
        Assert.NotNull(topic.Practice);
        Assert.Contains(Dimension.Emotional, topic.Practice!.Dimensions);
    }

    [Theory]
    [InlineData(RelationshipKind.Romantic)]
    [InlineData(RelationshipKind.Friends)]
    [InlineData(RelationshipKind.Family)]
    public void Practices_and_words_fit_the_kind_and_a_pair_living_apart(RelationshipKind kind)
    {
        foreach (var dimension in DimensionCatalog.All)
        {
            foreach (var apart in new[] { false, true })
            {
                var topic = Assert.Single(Plan(kind, apart, D(dimension, 10, 15)).Topics);
                Assert.All(topic.Questions.Append(topic.Starter), l => Assert.True(l.Suits(kind)));
                if (topic.Practice is { } practice)
                {
                    Assert.True(practice.Suits(kind));
                    Assert.True(!apart || practice.WorksAtDistance, $"{practice.Id} needs being together, for a pair who live apart");
                }
            }
        }
    }

    [Fact]
    public void Nothing_shared_means_no_strengths_and_no_topics()
    {
        var plan = Plan(RelationshipKind.Romantic, false);
        Assert.Empty(plan.Strengths);
        Assert.Empty(plan.Topics);
        Assert.Empty(plan.SaveableIds);
    }

    [Fact]
    public void Everything_shown_can_be_saved_and_nothing_else()
    {
        var plan = Plan(RelationshipKind.Romantic, false, D(Dimension.Emotional, 90, 90), D(Dimension.Physical, 20, 30));
        var topic = plan.Topics[0];
        Assert.Contains("debrief.strength.emotional", plan.SaveableIds);
        Assert.Contains(topic.Starter.Id, plan.SaveableIds);
        Assert.Contains(topic.Practice!.Id, plan.SaveableIds);
        Assert.All(topic.Questions, q => Assert.Contains(q.Id, plan.SaveableIds));
        Assert.DoesNotContain("debrief.q.emotional.light", plan.SaveableIds);
    }
}

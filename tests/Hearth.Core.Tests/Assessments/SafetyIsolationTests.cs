using Hearth.Core.Assessments;
using Hearth.Core.Spaces;
using static Hearth.Core.Tests.Assessments.TestAnswers;

namespace Hearth.Core.Tests.Assessments;

/// <summary>
/// docs/product/domain.md rule 2: safety answers never leave their owner, in any form. Two worlds that differ
/// only in safety answers must give the very same result, byte for byte.
/// </summary>
public sealed class SafetyIsolationTests
{
    private static readonly string[] SafetyIds = ["safety.fear", "safety.hurt", "safety.threats", "safety.control"];

    public static TheoryData<string, string> Worlds()
    {
        var data = new TheoryData<string, string>();
        foreach (var baseName in BaseAnswers.Keys)
        {
            foreach (var safetyName in SafetyVariants.Keys)
            {
                data.Add(baseName, safetyName);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, Func<AssessmentAnswers>> BaseAnswers = new()
    {
        ["nothing"] = () => Romantic(),
        ["lowest"] = () => Every(RelationshipKind.Romantic, true, i => i.IsSafety ? Answer.Skipped : Answer.Of(i.Scale.Min)),
        ["highest"] = () => Every(RelationshipKind.Romantic, true, i => i.IsSafety ? Answer.Skipped : Answer.Of(i.Scale.Max)),
        ["mixed friends"] = () => Build(RelationshipKind.Friends, false,
            ("emo.exp.1", 2), ("emo.exp.2", 1), ("emo.exp.3", 6), ("emo.imp", 7),
            ("warning.criticism", 4), ("warning.contempt", 4), ("warning.phones", 5), ("spi.exp.1", NotRelevant)),
    };

    private static readonly Dictionary<string, Func<AssessmentAnswers, AssessmentAnswers>> SafetyVariants = new()
    {
        ["all yes"] = a => SafetyIds.Aggregate(a, (acc, id) => acc.With(id, Answer.Of(SafetyCheck.Yes))),
        ["all no"] = a => SafetyIds.Aggregate(a, (acc, id) => acc.With(id, Answer.Of(0))),
        ["one yes"] = a => a.With("safety.control", Answer.Of(SafetyCheck.Yes)),
        ["declined"] = a => SafetyIds.Aggregate(a, (acc, id) => acc.With(id, Answer.PreferNotToSay)),
        ["malformed"] = a => a.With("safety.fear", Answer.Of(42)).With("safety.hurt", Answer.NotRelevant),
    };

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Safety_answers_do_not_change_the_result_in_any_way(string baseName, string safetyName)
    {
        var without = BaseAnswers[baseName]();
        var with = SafetyVariants[safetyName](without);
        Assert.Contains(SafetyIds, id => with.For(id) != without.For(id));

        var resultWithout = AssessmentScorer.Score(Content, without);
        var resultWith = AssessmentScorer.Score(Content, with);

        Assert.Equal(ResultJson.Of(resultWithout), ResultJson.Of(resultWith));
    }

    [Fact]
    public void The_result_type_has_no_place_for_safety_data()
    {
        var names = typeof(AssessmentResult).GetProperties().Select(p => p.Name)
            .Concat(typeof(DimensionResult).GetProperties().Select(p => p.Name));
        Assert.DoesNotContain(names, n => n.Contains("Safety", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("safety.fear", 1, true)]
    [InlineData("safety.hurt", 1, true)]
    [InlineData("safety.threats", 1, true)]
    [InlineData("safety.control", 1, true)]
    [InlineData("safety.fear", 0, false)]
    [InlineData("safety.fear", Decline, false)]
    [InlineData("safety.fear", Skip, false)]
    [InlineData("safety.fear", 7, false)] // malformed is not a "yes"
    [InlineData("emo.exp.1", 1, false)] // only safety items count
    public void Any_endorsed_is_true_only_for_a_yes_to_a_safety_item(string id, int value, bool expected)
    {
        Assert.Equal(expected, SafetyCheck.AnyEndorsed(Content, Romantic((id, value))));
    }

    [Fact]
    public void Any_endorsed_works_in_every_kind_of_space()
    {
        foreach (var kind in RelationshipKinds.All)
        {
            Assert.True(SafetyCheck.AnyEndorsed(Content, Build(kind, false, ("safety.control", 0), ("safety.threats", 1))));
            Assert.False(SafetyCheck.AnyEndorsed(Content, Build(kind, false, ("safety.control", 0), ("safety.threats", 0))));
        }
    }
}

using Hearth.Core.Assessments;
using Hearth.Core.Spaces;

namespace Hearth.Core.Tests.Assessments;

/// <summary>Small builders so table-driven tests read as answers, not plumbing.</summary>
internal static class TestAnswers
{
    /// <summary>In [InlineData] tables: -3 means skipped, -1 prefer not to say, -2 not relevant (0 is "No").</summary>
    public const int Skip = -3;
    public const int Decline = -1;
    public const int NotRelevant = -2;

    public static AssessmentContent Content => AssessmentContent.Baseline;

    public static Answer FromTable(int value) => value switch
    {
        Skip => Answer.Skipped,
        Decline => Answer.PreferNotToSay,
        NotRelevant => Answer.NotRelevant,
        _ => Answer.Of(value),
    };

    public static AssessmentAnswers Romantic(params (string Id, int Value)[] values) =>
        Build(RelationshipKind.Romantic, sexualOptIn: false, values);

    public static AssessmentAnswers Build(RelationshipKind kind, bool sexualOptIn, params (string Id, int Value)[] values) =>
        new(kind, sexualOptIn, values
            .Where(v => v.Value != Skip)
            .ToDictionary(v => v.Id, v => FromTable(v.Value), StringComparer.Ordinal));

    /// <summary>Answers every item this member sees (safety items included) with <paramref name="pick"/>.</summary>
    public static AssessmentAnswers Every(RelationshipKind kind, bool sexualOptIn, Func<AssessmentItem, Answer> pick) =>
        new(kind, sexualOptIn, Content.ItemsFor(kind, sexualOptIn)
            .ToDictionary(p => p.Id, p => pick(p.Item), StringComparer.Ordinal));

    public static AssessmentAnswers With(this AssessmentAnswers answers, string id, Answer answer)
    {
        var values = answers.Values.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        values[id] = answer;
        return answers with { Values = values };
    }
}

using Hearth.Core.Spaces;

namespace Hearth.Core.Assessments;

/// <summary>How a member responded to one item. Every item allows "prefer not to say".</summary>
public enum AnswerKind
{
    /// <summary>Seen and left blank. Same as no entry at all.</summary>
    Skipped = 0,

    /// <summary>A point on the item's scale.</summary>
    Value = 1,

    /// <summary>The member chose not to answer. Never counted, never imputed.</summary>
    PreferNotToSay = 2,

    /// <summary>"Not relevant to us": offered only where the item allows it (the spiritual items).</summary>
    NotRelevant = 3,
}

/// <summary>One response. Use the factories: <see cref="Of"/>, <see cref="PreferNotToSay"/>, ...</summary>
public readonly record struct Answer(AnswerKind Kind, int Value)
{
    public static Answer Of(int value) => new(AnswerKind.Value, value);

    public static Answer PreferNotToSay { get; } = new(AnswerKind.PreferNotToSay, 0);

    public static Answer NotRelevant { get; } = new(AnswerKind.NotRelevant, 0);

    public static Answer Skipped { get; } = new(AnswerKind.Skipped, 0);

    public bool HasValue => Kind == AnswerKind.Value;
}

public enum AnswerProblem
{
    /// <summary>The id is not an item of this content version.</summary>
    UnknownItem = 1,

    /// <summary>The value is not a point on the item's scale.</summary>
    OutOfRange = 2,

    /// <summary>"Not relevant to us" on an item that does not offer it.</summary>
    NotRelevantNotOffered = 3,

    /// <summary>An answer to an item this member is not shown (wrong kind of space, or sexual without opt-in).</summary>
    NotShown = 4,
}

/// <summary>A specific problem with one answer. The message names the item id, never the value.</summary>
public sealed record AnswerError(string ItemId, AnswerProblem Problem, string Message);

/// <summary>
/// One member's answers to one assessment, with the context that decided which items they saw.
/// Item ids map to answers; a missing id means skipped.
/// </summary>
public sealed record AssessmentAnswers(
    RelationshipKind Kind,
    bool SexualOptIn,
    IReadOnlyDictionary<string, Answer> Values)
{
    public Answer For(string itemId) => Values.TryGetValue(itemId, out var answer) ? answer : Answer.Skipped;

    /// <summary>
    /// The same answers with every safety item removed. Scoring starts from this, so nothing a
    /// member says in the safety module can change (or break) any other computation.
    /// </summary>
    public AssessmentAnswers WithoutSafetyItems(AssessmentContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var kept = Values
            .Where(pair => !(content.TryGetItem(pair.Key, out var item) && item.IsSafety))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        return this with { Values = kept };
    }

    /// <summary>Every problem with these answers, in a stable order (by item id). Empty when all is well.</summary>
    public static IReadOnlyList<AnswerError> Validate(AssessmentContent content, AssessmentAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(answers);
        var errors = new List<AnswerError>();
        foreach (var (id, answer) in answers.Values.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!content.TryGetItem(id, out var item))
            {
                errors.Add(new AnswerError(id, AnswerProblem.UnknownItem, $"There is no question '{id}' in {content.Version}."));
                continue;
            }

            if (!AssessmentContent.IsShown(item, answers.Kind, answers.SexualOptIn))
            {
                if (answer.Kind != AnswerKind.Skipped)
                {
                    errors.Add(new AnswerError(id, AnswerProblem.NotShown, $"Question '{id}' is not part of this assessment for this member."));
                }

                continue;
            }

            switch (answer.Kind)
            {
                case AnswerKind.Value when !item.Scale.Contains(answer.Value):
                    errors.Add(new AnswerError(
                        id,
                        AnswerProblem.OutOfRange,
                        $"Answers to '{id}' must be between {item.Scale.Min} and {item.Scale.Max}."));
                    break;
                case AnswerKind.NotRelevant when !item.AllowsNotRelevant:
                    errors.Add(new AnswerError(id, AnswerProblem.NotRelevantNotOffered, $"Question '{id}' does not offer \"not relevant to us\"."));
                    break;
                case AnswerKind.Value or AnswerKind.NotRelevant or AnswerKind.PreferNotToSay or AnswerKind.Skipped:
                    break;
                default:
                    errors.Add(new AnswerError(id, AnswerProblem.OutOfRange, $"The answer to '{id}' is not a known kind of answer."));
                    break;
            }
        }

        return errors;
    }
}

using Hearth.Core.Assessments;

namespace Hearth.Web.Features.Assessments;

/// <summary>The private safety check: looked at once, never stored.</summary>
public sealed partial class AssessmentService
{
    /// <summary>
    /// The private safety check: answers are looked at once and never stored, logged or counted.
    /// The answer says only whether to show the member the support resources.
    /// </summary>
    public async Task<Outcome<SafetyCheckResult>> CheckSafetyAsync(Guid spaceId, SafetyCheckInput input, CancellationToken ct = default)
    {
        var space = await MySpaceAsync(spaceId, ct);
        if (space is null)
        {
            return Outcome<SafetyCheckResult>.NotFound();
        }

        var errors = new FieldErrors();
        var parsed = AssessmentAnswerWire.ParseAnswers(input.Answers, errors, text);
        foreach (var id in parsed.Keys)
        {
            if (!Content.TryGetItem(id, out var item) || !item.IsSafety)
            {
                errors.Add($"answers.{id}", text["OnlySafetyHere"]);
            }
            else if (parsed[id] is { Kind: AnswerKind.Value } answer && !item.Scale.Contains(answer.Value))
            {
                errors.Add($"answers.{id}", text["YesOrNo"]);
            }
        }

        if (errors.Any)
        {
            return errors.ToOutcome<SafetyCheckResult>();
        }

        var endorsed = SafetyCheck.AnyEndorsed(Content, new AssessmentAnswers(space.Kind, false, parsed));
        return Outcome<SafetyCheckResult>.Ok(new SafetyCheckResult(endorsed));
    }
}

namespace Hearth.Core.Assessments;

/// <summary>
/// The member-only view of the safety module. It is the ONLY code that reads safety answers.
/// Its outcome may decide whether that member alone sees resources and a quick exit; it must
/// never feed a shared screen, a notification, an insight, or anything the other member can see.
/// </summary>
public static class SafetyCheck
{
    /// <summary>The "Yes" point of the yes/no scale the safety items use.</summary>
    public const int Yes = 1;

    /// <summary>
    /// True when the member answered "Yes" to any safety item. "No", "prefer not to say", skipped,
    /// unknown ids and malformed values all count as not endorsed.
    /// </summary>
    public static bool AnyEndorsed(AssessmentContent content, AssessmentAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(answers);
        return content.Items
            .Where(i => i.IsSafety)
            .Any(i => answers.For(i.Id) is { Kind: AnswerKind.Value, Value: Yes });
    }
}

using Hearth.Core.Practices;
using Hearth.Core.Spaces;

namespace Hearth.Core.Insights;

/// <summary>
/// A reconnect plan for a pair who said "we live apart" (issue 17, rule 6): the steps whose wording
/// assumes one room ("a hug hello", "a hand to hold") get their form for a distance
/// (<c>&lt;wording&gt;.apart/description</c> in the insight texts), and every step's practice passes
/// through <see cref="PracticeSuggestions"/>. The stored plan is ids only, so nothing stored changes
/// when the setting does.
/// </summary>
public static class ReconnectPlanAtDistance
{
    /// <summary>The step wordings that have a form for pairs who live apart.</summary>
    public static IReadOnlyList<string> AdaptedWordings { get; } = ["reconnect.small-affection", "reconnect.device-free-time"];

    /// <summary>The plan as this pair should read it: unchanged for a pair who live together.</summary>
    public static ReconnectPlan ForPair(this ReconnectPlan plan, RelationshipKind kind, bool livingApart, InsightTexts? words = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!livingApart)
        {
            return plan;
        }

        var w = words ?? InsightTexts.Default;
        return plan with
        {
            Steps = plan.Steps.Select(s =>
            {
                var wording = AdaptedWordings.FirstOrDefault(a => s.Id == a || s.Id.StartsWith(a + ".", StringComparison.Ordinal));
                return s with
                {
                    Description = wording is null ? s.Description : w.Say($"{wording}.apart/description"),
                    PracticeId = PracticeSuggestions.Adapt(s.PracticeId, kind, livingApart: true) ?? s.PracticeId,
                };
            }).ToList(),
        };
    }
}

using System.Globalization;
using Hearth.Core.Dimensions;

namespace Hearth.Core.Assessments;

/// <summary>
/// Turns one member's answers into their private profile. Pure: same content and answers, same
/// result. The safety module is removed before anything is read (see <see cref="Score"/>).
/// </summary>
public static class AssessmentScorer
{
    /// <summary>
    /// Growth area, from docs/product/assessment-and-insights.md ("Insight rules"): experience below 40 of 100 ...
    /// </summary>
    public const double GrowthAreaExperienceBelowPercent = 40;

    /// <summary>... and a gap (importance - experience mean, 1-7 scale) of at least 2 points.</summary>
    public const double GrowthAreaMinimumGap = 2;

    /// <summary>
    /// Strength: docs/product/assessment-and-insights.md says "high" without a number. We use 75 of 100, which is a mean of
    /// 5.5 of 7: on average between "somewhat agree" and "agree" once reversed items are turned round.
    /// </summary>
    public const double StrengthExperienceAtLeastPercent = 75;

    /// <summary>
    /// Warning signs are rated on the 1-5 frequency scale (never, rarely, sometimes, often, very often).
    /// We mention them when their mean reaches 3, "sometimes". A gentle note, never a verdict.
    /// </summary>
    public const double WarningIndexNoticeAt = 3;

    /// <summary>
    /// How many answered items a group needs before it gets a score. docs/product/assessment-and-insights.md: "at least 2 of 3
    /// items answered". Generalised to two thirds, rounded up: 2 of 2, 2 of 3, 3 of 4, 4 of 5.
    /// Below that Hearth says "not enough answers" and never fills the gap.
    /// </summary>
    public static int MinimumAnswered(int itemCount) => (2 * itemCount + 2) / 3;

    /// <summary>Places a mean on 0-100: (mean - min) / (max - min) x 100; (mean - 1) / 6 x 100 on 1-7.</summary>
    public static double ToPercent(double mean, int scaleMin, int scaleMax) =>
        (mean - scaleMin) / (scaleMax - scaleMin) * 100;

    /// <summary>The value used for scoring: reverse-keyed items become (min + max) - x.</summary>
    public static int KeyedValue(AssessmentItem item, int value)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.IsReverseKeyed ? item.Scale.Reverse(value) : value;
    }

    /// <summary>
    /// Scores one member's answers. Safety items are stripped first, so their answers (even
    /// malformed ones) cannot change or break the result. Throws <see cref="ArgumentException"/>
    /// if any remaining answer fails <see cref="AssessmentAnswers.Validate"/>.
    /// </summary>
    public static AssessmentResult Score(AssessmentContent content, AssessmentAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(answers);
        var scored = answers.WithoutSafetyItems(content);
        var errors = AssessmentAnswers.Validate(content, scored);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors.Select(e => e.Message)), nameof(answers));
        }

        var shown = content.ItemsFor(scored.Kind, scored.SexualOptIn)
            .Select(p => p.Item)
            .Where(i => !i.IsSafety)
            .ToList();
        List<AssessmentItem> InSection(AssessmentSection section) => shown.Where(i => i.Section == section).ToList();

        var dimensions = DimensionCatalog.All.Select(d => ScoreDimension(d, shown, scored)).ToList();
        var warnings = Summarise(InSection(AssessmentSection.WarningSigns), scored);
        var sexualItems = InSection(AssessmentSection.Sexual);
        var circles = InSection(AssessmentSection.Closeness).Select(i => scored.For(i.Id)).FirstOrDefault();
        var careWays = InSection(AssessmentSection.CareWays)
            .Select(i => new CareWayRating(i.CareWay!.Value, ValueOrNull(scored.For(i.Id)), i.Scale.Max))
            .ToList();

        return new AssessmentResult(
            content.Version,
            dimensions,
            Summarise(InSection(AssessmentSection.Anchor), scored),
            Summarise(InSection(AssessmentSection.HealthySigns), scored),
            warnings,
            sexualItems.Count > 0 ? Summarise(sexualItems, scored) : null,
            ValueOrNull(circles),
            careWays,
            Statements(dimensions, warnings));
    }

    private static DimensionResult ScoreDimension(Dimension dimension, List<AssessmentItem> shown, AssessmentAnswers answers)
    {
        var experience = Summarise(
            shown.Where(i => i.Section == AssessmentSection.Experience && i.Dimension == dimension).ToList(),
            answers);
        var importanceItem = shown.First(i => i.Section == AssessmentSection.Importance && i.Dimension == dimension);
        var importanceAnswer = answers.For(importanceItem.Id);
        var importance = ValueOrNull(importanceAnswer);
        double? gap = importance is { } imp && experience.Mean is { } mean ? imp - mean : null;

        var isGrowthArea = experience.Percent < GrowthAreaExperienceBelowPercent && gap >= GrowthAreaMinimumGap;
        var isStrength = experience.Percent >= StrengthExperienceAtLeastPercent;
        return new DimensionResult(
            dimension,
            experience,
            importance,
            importanceAnswer.Kind == AnswerKind.NotRelevant,
            gap,
            isGrowthArea,
            isStrength);
    }

    /// <summary>Mean of the answered items of one group, with the minimum-answered rule.</summary>
    internal static ScaleScore Summarise(IReadOnlyList<AssessmentItem> items, AssessmentAnswers answers)
    {
        if (items.Count == 0)
        {
            throw new ArgumentException("A score needs at least one item.", nameof(items));
        }

        var scale = items[0].Scale;
        var values = new List<int>();
        var notRelevant = 0;
        foreach (var item in items)
        {
            var answer = answers.For(item.Id);
            if (answer.HasValue)
            {
                values.Add(KeyedValue(item, answer.Value));
            }
            else if (answer.Kind == AnswerKind.NotRelevant)
            {
                notRelevant++;
            }
        }

        var required = MinimumAnswered(items.Count);
        if (values.Count >= required)
        {
            var mean = values.Average();
            return new ScaleScore(ScoreStatus.Scored, items.Count, values.Count, required, mean, ToPercent(mean, scale.Min, scale.Max), scale.Min, scale.Max);
        }

        // "Not relevant" wins only when the member said so for most of the group.
        var status = notRelevant >= required ? ScoreStatus.NotRelevant : ScoreStatus.NotEnoughAnswers;
        return new ScaleScore(status, items.Count, values.Count, required, null, null, scale.Min, scale.Max);
    }

    private static List<ResultStatement> Statements(List<DimensionResult> dimensions, ScaleScore warnings)
    {
        var statements = new List<ResultStatement>();
        foreach (var d in dimensions.Where(d => d.IsGrowthArea))
        {
            statements.Add(new ResultStatement(
                StatementKind.GrowthArea,
                d.Dimension,
                $"{d.Dimension.Title()} matters to you, and right now it feels further away than you'd like. Small, steady steps can bring it closer.",
                $"You rated how much this matters {d.Importance} of 7, and how it feels now {Show(d.Experience.Mean!.Value)} of {d.Experience.ScaleMax}."));
        }

        foreach (var d in dimensions.Where(d => d.IsStrength))
        {
            statements.Add(new ResultStatement(
                StatementKind.Strength,
                d.Dimension,
                $"{d.Dimension.Title()} feels strong for you right now. It's worth noticing what keeps it that way.",
                $"Your answers about how this feels now average {Show(d.Experience.Mean!.Value)} of {d.Experience.ScaleMax}."));
        }

        if (warnings.Mean >= WarningIndexNoticeAt)
        {
            statements.Add(new ResultStatement(
                StatementKind.WarningSigns,
                null,
                "Some harder moments have been showing up lately. Every pair has them, and noticing them is a useful first step.",
                $"You answered {warnings.Answered} questions about harder moments. They average {Show(warnings.Mean.Value)}, where {warnings.ScaleMin} means never and {warnings.ScaleMax} means very often."));
        }

        return statements;
    }

    private static int? ValueOrNull(Answer answer) => answer.HasValue ? answer.Value : null;

    /// <summary>One decimal at most, invariant culture: 2.3, 6, 4.5.</summary>
    internal static string Show(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}

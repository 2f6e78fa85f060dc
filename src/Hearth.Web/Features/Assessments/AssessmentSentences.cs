using System.Globalization;
using Hearth.Core.Assessments;
using Hearth.Core.Dimensions;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Assessments;

/// <summary>
/// The sentences of a member's results and of the shared map in the member's language. Core decides
/// what is said (the kind of statement, the outcome, the numbers) and keeps the English; the sentence
/// in each language is the resource of that kind ("Statement.GrowthArea", "Map.Agree", ...), with the
/// numbers as arguments, shown as Core shows them (one decimal at most) in the member's culture.
/// </summary>
internal static class AssessmentSentences
{
    public static string Message(IStringLocalizer<AssessmentsText> text, ResultStatement statement) => statement.Kind switch
    {
        StatementKind.GrowthArea or StatementKind.Strength when statement.Dimension is { } d => text[$"Statement.{statement.Kind}", text.Title(d)],
        StatementKind.WarningSigns => text["Statement.WarningSigns"],
        _ => statement.Message,
    };

    public static string Why(IStringLocalizer<AssessmentsText> text, ResultStatement statement, AssessmentResult result)
    {
        if (statement.Kind == StatementKind.WarningSigns && result.WarningIndex.Mean is { } warnings)
        {
            var w = result.WarningIndex;
            return text["StatementWhy.WarningSigns", w.Answered, Show(warnings), w.ScaleMin, w.ScaleMax];
        }

        if (statement.Dimension is not { } dimension || result.For(dimension) is not { Experience.Mean: { } mean } d)
        {
            return statement.Why;
        }

        return statement.Kind switch
        {
            StatementKind.GrowthArea => text["StatementWhy.GrowthArea", d.Importance ?? 0, Show(mean), d.Experience.ScaleMax],
            StatementKind.Strength => text["StatementWhy.Strength", Show(mean), d.Experience.ScaleMax],
            _ => statement.Why,
        };
    }

    public static string? Message(IStringLocalizer<AssessmentsText> text, DimensionComparison c) => c.Message is null ? null : c.Outcome switch
    {
        ComparisonOutcome.ExperienceDifferently => text["Map.ExperienceDifferently", InSentence(text, c.Dimension)],
        ComparisonOutcome.Agree when c.BothStrong => text["Map.BothStrong", text.Title(c.Dimension)],
        ComparisonOutcome.Agree => text["Map.Agree", InSentence(text, c.Dimension)],
        ComparisonOutcome.ALittleApart => text["Map.ALittleApart", InSentence(text, c.Dimension)],
        _ => c.Message,
    };

    public static string? Why(IStringLocalizer<AssessmentsText> text, DimensionComparison c, AssessmentResult you, AssessmentResult them)
    {
        if (c.Why is null || you.For(c.Dimension).Experience is not { Mean: { } a } experience || them.For(c.Dimension).Experience.Mean is not { } b)
        {
            return c.Why;
        }

        // The numbers, then the rule that decided the words, with its thresholds (TwoViews).
        var views = TwoViews.Compare(a, b, c.Threshold);
        return c.Outcome is ComparisonOutcome.ExperienceDifferently or ComparisonOutcome.Agree or ComparisonOutcome.ALittleApart
            ? $"{text["MapWhy.Numbers", Show(views.Low), Show(views.High), experience.ScaleMax, Show(views.Difference)]} {text["MapWhy.Rule", Show(views.SimilarWithin), Show(views.GapAbove)]}"
            : c.Why;
    }

    /// <summary>A dimension's name inside a sentence ("closeness of minds"): "DimensionInSentence.&lt;wire name&gt;".</summary>
    private static string InSentence(IStringLocalizer<AssessmentsText> text, Dimension dimension) => text[$"DimensionInSentence.{dimension.WireName()}"];

    /// <summary>One decimal at most, as Core shows it (2.3, 6, 4.5), in the member's culture (4,5 in German).</summary>
    private static string Show(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.CurrentCulture);
}

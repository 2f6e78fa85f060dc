using Hearth.Core.Assessments;
using Hearth.Core.Dimensions;
using Hearth.Core.Spaces;
using Hearth.Web.Languages;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Assessments;

/// <summary>The words of the closeness assessment and the map: AssessmentsText.resx (English) and its translations.</summary>
public sealed class AssessmentsText;

/// <summary>The five kinds of closeness in the member's language (the English is Core's <see cref="DimensionCatalog.Title"/> and <see cref="DimensionCatalog.Describe"/>).</summary>
public static class DimensionWords
{
    /// <summary>"Emotional closeness": the resource "DimensionTitle.&lt;wire name&gt;".</summary>
    public static string Title(this IStringLocalizer<AssessmentsText> text, Dimension dimension)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[$"DimensionTitle.{dimension.WireName()}"];
    }

    /// <summary>
    /// One plain sentence on what the dimension is made of, as the kind of space reads it:
    /// "DimensionDescription.&lt;wire name&gt;" or its kind wording ("….romantic": only romantic
    /// partners read about sexual closeness).
    /// </summary>
    public static string Description(this IStringLocalizer<AssessmentsText> text, Dimension dimension, RelationshipKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ForKind($"DimensionDescription.{dimension.WireName()}", kind);
    }
}

/// <summary>Core's problems with assessment answers in the member's language: the resource "Problem.&lt;problem&gt;".</summary>
internal static class AssessmentMessages
{
    /// <summary>Arguments: {0} the item id, then {1} {2} the scale's ends (out of range) or {1} the content version (unknown item).</summary>
    public static string Say(IStringLocalizer<AssessmentsText> text, AssessmentContent content, AnswerError error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(error);
        object[] arguments = error.Problem switch
        {
            AnswerProblem.UnknownItem => [error.ItemId, content.Version],
            AnswerProblem.OutOfRange when content.TryGetItem(error.ItemId, out var item) => [error.ItemId, item.Scale.Min, item.Scale.Max],
            _ => [error.ItemId],
        };
        var sentence = text[$"Problem.{error.Problem}", arguments];
        return sentence.ResourceNotFound || arguments.Length < Needed(error.Problem) ? error.Message : sentence.Value;
    }

    private static int Needed(AnswerProblem problem) => problem switch
    {
        AnswerProblem.UnknownItem => 2,
        AnswerProblem.OutOfRange => 3,
        _ => 1,
    };
}

using Hearth.Core.CheckIns;
using Hearth.Core.Dimensions;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.CheckIns;

/// <summary>
/// The one reading of a check-in's answers, for the API, the page (through the service) and the
/// import: the wire values become <see cref="CheckInAnswers"/>, and Core's
/// <see cref="CheckInAnswers.Validate"/> alone judges them (ranges, the one length rule, the tag), so
/// every path gives the same messages, in the member's language.
/// </summary>
internal static class CheckInInputReader
{
    /// <summary>A tag that names none of the five dimensions: Core refuses it as <see cref="CheckInProblem.UnknownDimension"/>.</summary>
    private const Dimension NotADimension = 0;

    /// <summary>The answers of <paramref name="input"/>; each problem is added to <paramref name="errors"/> under <paramref name="prefix"/> + its field.</summary>
    public static CheckInAnswers Read(CheckInContent content, CheckInInput input, string prefix, FieldErrors errors, IStringLocalizer<CheckInsText> text)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);
        Dimension? tag = null;
        if (!string.IsNullOrWhiteSpace(input.NeedsDimension))
        {
            tag = DimensionCatalog.TryParse(input.NeedsDimension, out var parsed) ? parsed : NotADimension;
        }

        var answers = new CheckInAnswers(
            input.Satisfaction,
            input.Closeness,
            input.FeltHeard,
            input.PhoneFreeMinutes,
            input.Appreciation,
            input.Repair,
            input.NoTension ?? false,
            input.Needs,
            tag,
            WarningSigns: input.WarningSigns);
        foreach (var error in CheckInAnswers.Validate(content, answers))
        {
            errors.Add(prefix + error.Field, Say(text, error));
        }

        return answers;
    }

    /// <summary>A Core check-in problem in the member's language: the resource "Problem.&lt;problem&gt;" (per measure where the English differs).</summary>
    public static string Say(IStringLocalizer<CheckInsText> text, CheckInError error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(error);
        var key = $"Problem.{error.Problem}";
        var arguments = error.Arguments.ToArray();
        if (error.Problem == CheckInProblem.OutOfRange)
        {
            var specific = text[$"{key}.{error.Field}", arguments];
            if (!specific.ResourceNotFound)
            {
                return specific.Value;
            }
        }

        return text[key, arguments].Value;
    }
}

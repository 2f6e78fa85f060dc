using System.Globalization;
using Hearth.Core.Dimensions;
using Hearth.Core.FreeText;
using NodaTime;

namespace Hearth.Core.CheckIns;

public enum CheckInProblem
{
    /// <summary>The number is outside the item's range.</summary>
    OutOfRange = 1,

    /// <summary>Both a repair rating and "no tension this week" were given.</summary>
    RepairAndNoTension = 2,

    /// <summary>The free text is longer than the limit.</summary>
    TextTooLong = 3,

    /// <summary>A dimension tag was given without any free text to tag.</summary>
    TagWithoutText = 4,

    /// <summary>The tag is not one of the five dimensions.</summary>
    UnknownDimension = 5,

    /// <summary>A safety pulse answer names a question that does not exist.</summary>
    UnknownSafetyItem = 6,

    /// <summary>The free text fits the limit as a person sees it, but a character carries too many marks (<see cref="TextFit.TooDense"/>).</summary>
    TextTooDense = 7,

    /// <summary>The free text has a hidden control character in it (other than a line break or a tab).</summary>
    ControlCharacter = 8,
}

/// <summary>
/// A problem with one field of a check-in. The message names the field, never echoes the answer. The
/// problem and its <paramref name="Arguments"/> (positional, for the sentence in each language: the
/// app's resource for the problem) are what a page or the API shows; <paramref name="Message"/> is the English.
/// </summary>
public sealed record CheckInError(string Field, CheckInProblem Problem, string Message, IReadOnlyList<object>? Arguments = null)
{
    public IReadOnlyList<object> Arguments { get; init; } = Arguments ?? [];
}

/// <summary>
/// What a member submits for one week. Every question may be skipped (null). The safety pulse
/// travels separately inside <see cref="Safety"/> and is stripped before anything is stored for
/// sharing or scoring: use <see cref="ToRecord"/> for the scored part.
/// </summary>
/// <param name="Satisfaction">0-10.</param>
/// <param name="Closeness">1-7 circles.</param>
/// <param name="FeltHeard">1-7.</param>
/// <param name="PhoneFreeMinutes">0-10080.</param>
/// <param name="Appreciation">0-5, where 5 means "5 or more".</param>
/// <param name="Repair">1-7, or null.</param>
/// <param name="NoTension">"There was no tension this week" instead of a repair rating.</param>
/// <param name="Needs">"More of / less of" free text, up to the content's limit.</param>
/// <param name="NeedsDimension">An optional tag for the free text.</param>
/// <param name="Safety">The private safety pulse, or null when not answered.</param>
/// <param name="WarningSigns">How often things turned sharp this week, 1 (never) to 5 (very often); optional.</param>
public sealed record CheckInAnswers(
    int? Satisfaction = null,
    int? Closeness = null,
    int? FeltHeard = null,
    int? PhoneFreeMinutes = null,
    int? Appreciation = null,
    int? Repair = null,
    bool NoTension = false,
    string? Needs = null,
    Dimension? NeedsDimension = null,
    SafetyPulse? Safety = null,
    int? WarningSigns = null)
{
    public const string NeedsField = "needs";
    public const string NeedsDimensionField = "needsDimension";

    public int? Value(CheckInMeasure measure) => CheckInMeasures.Pick(measure, Satisfaction, Closeness, FeltHeard, PhoneFreeMinutes, Appreciation, Repair, WarningSigns);

    /// <summary>
    /// Every problem with the scored part, in question order. The safety pulse is not read here
    /// (see <see cref="SafetyPulse.Validate"/>), so it can never block or change a check-in.
    /// </summary>
    public static IReadOnlyList<CheckInError> Validate(CheckInContent content, CheckInAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(answers);
        var errors = new List<CheckInError>();
        foreach (var item in content.Items)
        {
            if (answers.Value(item.Measure) is { } value && !item.Contains(value))
            {
                var message = item.Measure switch
                {
                    CheckInMeasure.PhoneFreeMinutes =>
                        $"Phone-free minutes must be between {item.Min} and {item.Max}, the number of minutes in a week.",
                    CheckInMeasure.Appreciation =>
                        $"Please choose a number from {item.Min} to {item.Max} ({item.Max} means \"{item.MaxLabel}\").",
                    CheckInMeasure.WarningSigns =>
                        $"Please choose how often it happened, from {item.Min} (never) to {item.Max} (very often).",
                    _ => $"Answers to '{item.Id}' must be between {item.Min} and {item.Max}.",
                };
                errors.Add(new CheckInError(item.Id, CheckInProblem.OutOfRange, message, [item.Min, item.Max, item.Id, item.MaxLabel]));
            }
        }

        if (answers.Repair is not null && answers.NoTension)
        {
            errors.Add(new CheckInError(
                CheckInMeasure.Repair.WireName(),
                CheckInProblem.RepairAndNoTension,
                "Please either rate how you found your way back after tension, or say there was no tension this week, not both."));
        }

        // The one length rule (TextLength) on the text as it would be kept, checked here and nowhere else.
        var needs = CleanNeeds(answers.Needs);
        var hasText = needs is not null;
        var fit = hasText ? TextLength.Check(needs!, content.Needs.MaxLength) : TextFit.Fits;
        if (fit == TextFit.TooLong)
        {
            var max = content.Needs.MaxLength;
            var length = TextLength.Of(needs!);
            errors.Add(new CheckInError(
                NeedsField,
                CheckInProblem.TextTooLong,
                string.Create(CultureInfo.InvariantCulture, $"Please keep this to {max:N0} characters. It has {length:N0} now."),
                [max, length]));
        }
        else if (fit == TextFit.TooDense)
        {
            errors.Add(new CheckInError(NeedsField, CheckInProblem.TextTooDense, TextLength.TooDenseMessage));
        }
        else if (hasText && needs!.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            errors.Add(new CheckInError(NeedsField, CheckInProblem.ControlCharacter, "This has a hidden control character in it. Please type it again without pasting."));
        }

        if (answers.NeedsDimension is { } dimension)
        {
            if (!Enum.IsDefined(dimension))
            {
                errors.Add(new CheckInError(NeedsDimensionField, CheckInProblem.UnknownDimension, "Please choose one of the five kinds of closeness, or no tag."));
            }
            else if (!hasText)
            {
                errors.Add(new CheckInError(NeedsDimensionField, CheckInProblem.TagWithoutText, "A tag goes with a few words about what you'd like more or less of. Please add some, or leave the tag off."));
            }
        }

        return errors;
    }

    /// <summary>The "more of / less of" text as it is kept: line breaks as \n, trimmed; null when empty.</summary>
    private static string? CleanNeeds(string? needs)
    {
        var text = (needs ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// The scored, shareable part for one week, with the safety pulse left out by construction.
    /// Throws <see cref="ArgumentException"/> when <see cref="Validate"/> finds problems.
    /// </summary>
    public CheckInRecord ToRecord(CheckInContent content, LocalDate week)
    {
        var errors = Validate(content, this);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors.Select(e => e.Message)), nameof(content));
        }

        var needs = CleanNeeds(Needs);
        return new CheckInRecord(
            week,
            content.Version,
            Satisfaction,
            Closeness,
            FeltHeard,
            PhoneFreeMinutes,
            Appreciation,
            Repair,
            NoTension,
            needs,
            needs is null ? null : NeedsDimension,
            WarningSigns);
    }
}

/// <summary>
/// One member's scored check-in for one week of the pair's calendar. It has no safety field
/// at all: trends, change detection and insights read only this.
/// </summary>
/// <param name="Week">The pair week key (see <c>PairWeek</c>).</param>
/// <param name="ContentVersion">The content version answered, e.g. "weekly.v1".</param>
/// <param name="WarningSigns">The optional warning-signs item, 1-5; null when skipped and in check-ins from before it was asked.</param>
public sealed record CheckInRecord(
    LocalDate Week,
    string ContentVersion,
    int? Satisfaction,
    int? Closeness,
    int? FeltHeard,
    int? PhoneFreeMinutes,
    int? Appreciation,
    int? Repair,
    bool NoTension,
    string? Needs,
    Dimension? NeedsDimension,
    int? WarningSigns = null)
{
    public int? Value(CheckInMeasure measure) => CheckInMeasures.Pick(measure, Satisfaction, Closeness, FeltHeard, PhoneFreeMinutes, Appreciation, Repair, WarningSigns);
}

/// <summary>
/// The private safety pulse of one check-in: question id to yes (true) or no (false); skipped
/// questions are absent. Only the member's own private screen may read it. It is never part of a
/// <see cref="CheckInRecord"/>, a trend, an insight or anything the other member can see.
/// </summary>
public sealed record SafetyPulse(IReadOnlyDictionary<string, bool> Answers)
{
    /// <summary>True when any question was answered "yes".</summary>
    public bool AnyEndorsed => Answers.Values.Any(v => v);

    /// <summary>Problems with a pulse (only unknown question ids are possible).</summary>
    public static IReadOnlyList<CheckInError> Validate(CheckInContent content, SafetyPulse pulse)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(pulse);
        return pulse.Answers.Keys
            .Where(id => content.SafetyPulse.Items.All(i => !string.Equals(i.Id, id, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(id => new CheckInError(id, CheckInProblem.UnknownSafetyItem, "There is no such question in this check-in."))
            .ToList();
    }
}

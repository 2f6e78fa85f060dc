namespace Hearth.Core.CheckIns;

/// <summary>The seven measures of the weekly check-in (docs/product/assessment-and-insights.md, "Weekly check-in").</summary>
public enum CheckInMeasure
{
    /// <summary>Overall happiness with the relationship this week, 0-10.</summary>
    Satisfaction = 1,

    /// <summary>The closeness circles, 1-7.</summary>
    Closeness = 2,

    /// <summary>Felt listened to and understood, 1-7.</summary>
    FeltHeard = 3,

    /// <summary>Minutes of focused, phone-free time together this week, 0-10080 (the minutes in a week).</summary>
    PhoneFreeMinutes = 4,

    /// <summary>How often I showed thanks or answered a bid warmly: 0, 1, 2, 3, 4, and 5 meaning "5 or more".</summary>
    Appreciation = 5,

    /// <summary>We repaired well after tension, 1-7; "no tension this week" is a separate choice.</summary>
    Repair = 6,

    /// <summary>
    /// How often things turned sharp between us this week (criticism, defensiveness, shutting down,
    /// contempt, in our own words): 1 never to 5 very often. Optional; higher is harder.
    /// </summary>
    WarningSigns = 7,
}

/// <summary>How a measure is asked on the check-in page.</summary>
public enum CheckInInputKind
{
    /// <summary>A row of numbered choices from the lowest to the highest answer.</summary>
    Scale = 1,

    /// <summary>The closeness circles: pairs of circles from apart to almost one.</summary>
    Circles = 2,

    /// <summary>A number typed in (minutes).</summary>
    Number = 3,
}

/// <summary>
/// Everything the code knows about one measure, in one place: the check-in service, the page, the
/// stored document, the export, the trends and the insights all read it from here. The words of the
/// questions live in the versioned content file (CheckIns/Content), which must agree with the range.
/// </summary>
/// <param name="Measure">Which measure.</param>
/// <param name="WireName">The stable name in content files, JSON, exports and evidence.</param>
/// <param name="StoredKey">Its key in the encrypted answers document (short on purpose; never changes).</param>
/// <param name="Min">Lowest answer.</param>
/// <param name="Max">Highest answer.</param>
/// <param name="OpenTop">The highest answer means "this many or more" (its label says so).</param>
/// <param name="Input">How the page asks it.</param>
/// <param name="Describe">A short lower-case name for "why" sentences: "how happy you've been together".</param>
/// <param name="AnswerHeading">The heading beside a given answer; null shows the question itself.</param>
/// <param name="OutOf">Said after a given answer ("of 10"); null for none.</param>
/// <param name="ChartTitle">The title of its trend chart.</param>
/// <param name="ChartOrder">Where its chart stands on the trends page.</param>
/// <param name="Norm">What counts as a real change for it; null when it is not watched for change.</param>
public sealed record CheckInMeasureInfo(
    CheckInMeasure Measure,
    string WireName,
    string StoredKey,
    int Min,
    int Max,
    bool OpenTop,
    CheckInInputKind Input,
    string Describe,
    string? AnswerHeading,
    string? OutOf,
    string ChartTitle,
    int ChartOrder,
    MeasureNorm? Norm)
{
    /// <summary>A higher answer means a harder week (the warning signs): a rise is noticed the way a fall of the others is.</summary>
    public bool HigherIsHarder { get; init; }

    /// <summary>The name of its field in the check-in form ("feltHeard" is "FeltHeard").</summary>
    public string FormName => char.ToUpperInvariant(WireName[0]) + WireName[1..];
}

public static class CheckInMeasures
{
    /// <summary>The one definition of the seven measures, in the order a member meets them.</summary>
    public static IReadOnlyList<CheckInMeasureInfo> Definitions { get; } =
    [
        new(CheckInMeasure.Satisfaction, "satisfaction", "S", 0, 10, false, CheckInInputKind.Scale,
            "how happy you've been together", null, "of 10", "How happy you've been (0 to 10)", 1, MeasureNorms.Satisfaction),
        new(CheckInMeasure.Closeness, "closeness", "C", 1, 7, false, CheckInInputKind.Circles,
            "how close you've felt", null, "of 7", "How close you've felt (1 to 7)", 2, MeasureNorms.SevenPoint),
        new(CheckInMeasure.FeltHeard, "feltHeard", "H", 1, 7, false, CheckInInputKind.Scale,
            "feeling listened to", null, "of 7", "Feeling listened to (1 to 7)", 3, MeasureNorms.SevenPoint),
        new(CheckInMeasure.PhoneFreeMinutes, "phoneFreeMinutes", "M", 0, 7 * 24 * 60, false, CheckInInputKind.Number,
            "phone-free time together", "Phone-free minutes together", null, "Phone-free minutes together", 5, null),
        new(CheckInMeasure.Appreciation, "appreciation", "A", 0, 5, true, CheckInInputKind.Scale,
            "thanks and warm responses", "Thanks and warm responses", null, "Thanks and warm responses (0 to 5 or more)", 6, null),
        new(CheckInMeasure.Repair, "repair", "R", 1, 7, false, CheckInInputKind.Scale,
            "finding your way back after tension", "Finding the way back after tension", "of 7", "Finding your way back after tension (1 to 7)", 4, MeasureNorms.SevenPoint),
        new(CheckInMeasure.WarningSigns, "warningSigns", "W", 1, 5, false, CheckInInputKind.Scale,
            "how often things turned sharp between you", "Sharp moments between you", "of 5", "How often things turned sharp (1 never to 5 very often)", 7, MeasureNorms.Frequency)
        {
            HigherIsHarder = true,
        },
    ];

    public static IReadOnlyList<CheckInMeasure> All { get; } = Definitions.Select(d => d.Measure).ToList();

    /// <summary>The definition of a measure.</summary>
    public static CheckInMeasureInfo Info(this CheckInMeasure measure) =>
        Definitions.FirstOrDefault(d => d.Measure == measure) ?? throw new ArgumentOutOfRangeException(nameof(measure));

    /// <summary>The stable name used in content files, JSON and evidence.</summary>
    public static string WireName(this CheckInMeasure measure) => measure.Info().WireName;

    public static bool TryParse(string? value, out CheckInMeasure measure)
    {
        foreach (var candidate in Definitions)
        {
            if (string.Equals(candidate.WireName, value, StringComparison.Ordinal))
            {
                measure = candidate.Measure;
                return true;
            }
        }

        measure = default;
        return false;
    }

    /// <summary>
    /// The range the code relies on. The content file must agree (checked when it loads), so a
    /// wording change can never quietly change what the numbers mean.
    /// </summary>
    public static (int Min, int Max) Range(this CheckInMeasure measure) => (measure.Info().Min, measure.Info().Max);

    /// <summary>A short lower-case name for "why" sentences: "how happy you've been".</summary>
    public static string Describe(this CheckInMeasure measure) => measure.Info().Describe;

    /// <summary>One measure's value among the seven (the one place that maps a measure to its answer).</summary>
    public static int? Pick(CheckInMeasure measure, int? satisfaction, int? closeness, int? feltHeard, int? phoneFreeMinutes, int? appreciation, int? repair, int? warningSigns) => measure switch
    {
        CheckInMeasure.Satisfaction => satisfaction,
        CheckInMeasure.Closeness => closeness,
        CheckInMeasure.FeltHeard => feltHeard,
        CheckInMeasure.PhoneFreeMinutes => phoneFreeMinutes,
        CheckInMeasure.Appreciation => appreciation,
        CheckInMeasure.Repair => repair,
        CheckInMeasure.WarningSigns => warningSigns,
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };
}

namespace Hearth.Core.CheckIns;

/// <summary>The six measures of the weekly check-in (docs/product/assessment-and-insights.md, "Weekly check-in").</summary>
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
}

public static class CheckInMeasures
{
    public static IReadOnlyList<CheckInMeasure> All { get; } = Enum.GetValues<CheckInMeasure>();

    /// <summary>The stable name used in content files, JSON and evidence.</summary>
    public static string WireName(this CheckInMeasure measure) => measure switch
    {
        CheckInMeasure.Satisfaction => "satisfaction",
        CheckInMeasure.Closeness => "closeness",
        CheckInMeasure.FeltHeard => "feltHeard",
        CheckInMeasure.PhoneFreeMinutes => "phoneFreeMinutes",
        CheckInMeasure.Appreciation => "appreciation",
        CheckInMeasure.Repair => "repair",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    public static bool TryParse(string? value, out CheckInMeasure measure)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.WireName(), value, StringComparison.Ordinal))
            {
                measure = candidate;
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
    public static (int Min, int Max) Range(this CheckInMeasure measure) => measure switch
    {
        CheckInMeasure.Satisfaction => (0, 10),
        CheckInMeasure.Closeness or CheckInMeasure.FeltHeard or CheckInMeasure.Repair => (1, 7),
        CheckInMeasure.PhoneFreeMinutes => (0, 7 * 24 * 60),
        CheckInMeasure.Appreciation => (0, 5),
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    /// <summary>A short lower-case name for "why" sentences: "how happy you've been".</summary>
    public static string Describe(this CheckInMeasure measure) => measure switch
    {
        CheckInMeasure.Satisfaction => "how happy you've been together",
        CheckInMeasure.Closeness => "how close you've felt",
        CheckInMeasure.FeltHeard => "feeling listened to",
        CheckInMeasure.PhoneFreeMinutes => "phone-free time together",
        CheckInMeasure.Appreciation => "thanks and warm responses",
        CheckInMeasure.Repair => "finding your way back after tension",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };
}

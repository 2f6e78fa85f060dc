namespace Hearth.Core.Assessments;

/// <summary>
/// The gentle offer to take the assessment again (docs/product/assessment-and-insights.md,
/// "Checking in on the big picture"). Each member's offer comes from their own rounds only, so it
/// says nothing about the other person's progress. A pair may change the interval or turn it off.
/// </summary>
public static class RetakeOffer
{
    /// <summary>About three months.</summary>
    public const int DefaultWeeks = 13;

    /// <summary>The shortest interval a pair may choose: sooner than a month says little new.</summary>
    public const int MinimumWeeks = 4;

    /// <summary>The longest interval a pair may choose: a year.</summary>
    public const int MaximumWeeks = 52;

    public static bool IsValidInterval(int weeks) => weeks is >= MinimumWeeks and <= MaximumWeeks;

    /// <summary>When the offer appears, or null when it does not (turned off, never finished, or a round in progress).</summary>
    /// <param name="lastFinished">When the member finished their latest round, or null if never.</param>
    /// <param name="roundInProgress">The member has started a round and not finished it.</param>
    /// <param name="intervalWeeks">The pair's interval, or null when they turned the offer off.</param>
    public static DateTimeOffset? DueAt(DateTimeOffset? lastFinished, bool roundInProgress, int? intervalWeeks) =>
        lastFinished is { } done && !roundInProgress && intervalWeeks is { } weeks ? done.AddDays(7 * weeks) : null;

    /// <summary>Whether the offer shows at <paramref name="now"/>.</summary>
    public static bool IsDue(DateTimeOffset? lastFinished, bool roundInProgress, int? intervalWeeks, DateTimeOffset now) =>
        DueAt(lastFinished, roundInProgress, intervalWeeks) is { } due && now >= due;
}

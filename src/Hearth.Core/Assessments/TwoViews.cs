namespace Hearth.Core.Assessments;

/// <summary>How two people's answers to the same question compare (docs/product/assessment-and-insights.md, "Two views, never one average").</summary>
public enum TwoViewsReading
{
    /// <summary>At most one standard error of the difference apart: "in a similar way".</summary>
    Similar = 1,

    /// <summary>Further apart than similar, but not past the reliable-difference threshold: "a little differently", never "similar" and never "a gap".</summary>
    ALittleApart = 2,

    /// <summary>More than the reliable-difference threshold apart: a gap, "you experience this differently".</summary>
    Gap = 3,
}

/// <summary>
/// Two people's answers side by side and what Hearth may say about them. Neutral by design: it knows
/// which answer is lower only to say "a and b" in a fixed order, never who is higher or right.
/// </summary>
/// <param name="Low">The lower of the two answers.</param>
/// <param name="High">The higher of the two answers.</param>
/// <param name="Difference">|a - b|.</param>
/// <param name="SimilarWithin">Answers at most this far apart are "similar".</param>
/// <param name="GapAbove">Answers more than this far apart are a gap (the reliable-difference threshold).</param>
/// <param name="Reading">Similar, a little apart, or a gap.</param>
public sealed record TwoViewsComparison(double Low, double High, double Difference, double SimilarWithin, double GapAbove, TwoViewsReading Reading);

/// <summary>
/// The one rule that decides "similar" and "a gap" between two people, for the shared map and for the
/// pair's trends. A gap is the reliable-difference rule (<see cref="ReliableDifference"/>, Jacobson and
/// Truax): more than 1.96 standard errors of the difference. "Similar" needs more than "not a
/// reliable gap": at most one standard error of the difference, so 61 vs 44 of 100 (1.02 points of 7,
/// under the 1.49 a gap needs) is neither similar nor a gap. An average of the two is never the
/// pair's number: it would hide exactly this.
/// </summary>
public static class TwoViews
{
    /// <summary>
    /// "Similar" reaches as far as one standard error of the difference: the threshold divided by
    /// <see cref="ReliableDifference.CriticalZ"/> (about 0.76 points on 1-7 with the population defaults).
    /// </summary>
    public const double SimilarWithinStandardErrors = 1.0;

    /// <summary>Compares two answers on the same scale, given the reliable-difference threshold for them.</summary>
    public static TwoViewsComparison Compare(double a, double b, double gapAbove)
    {
        if (!double.IsFinite(a) || !double.IsFinite(b))
        {
            throw new ArgumentOutOfRangeException(nameof(a), "Both answers must be numbers.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(gapAbove);
        var similarWithin = SimilarWithin(gapAbove);
        var difference = Math.Abs(a - b);
        var reading = difference > gapAbove ? TwoViewsReading.Gap
            : difference <= similarWithin ? TwoViewsReading.Similar
            : TwoViewsReading.ALittleApart;
        return new TwoViewsComparison(Math.Min(a, b), Math.Max(a, b), difference, similarWithin, gapAbove, reading);
    }

    /// <summary>Two dimension means (1-7) with the population standard errors: a gap above about 1.49, similar up to about 0.76.</summary>
    public static TwoViewsComparison CompareDimension(double a, double b) => Compare(a, b, ReliableDifference.PopulationThreshold);

    /// <summary>How far apart two answers may be and still be "similar", for a reliable-difference threshold.</summary>
    public static double SimilarWithin(double gapAbove) => gapAbove / ReliableDifference.CriticalZ * SimilarWithinStandardErrors;

    /// <summary>The reliable-difference threshold between two people who each answer with this standard deviation and reliability.</summary>
    public static double GapAbove(double standardDeviation, double reliability)
    {
        var sem = ReliableDifference.StandardErrorOfMeasurement(standardDeviation, reliability);
        return ReliableDifference.Threshold(sem, sem);
    }
}

using Hearth.Core.Dimensions;

namespace Hearth.Core.Assessments;

/// <summary>
/// Reliable difference between two scores (Jacobson &amp; Truax 1991, as summarised in docs/product/assessment-and-insights.md):
/// SEM = SD x sqrt(1 - r), and two people differ reliably when |a - b| &gt; 1.96 x sqrt(SEM_a^2 + SEM_b^2).
/// </summary>
public static class ReliableDifference
{
    /// <summary>
    /// Population default for the spread of a dimension mean on the 1-7 scale. docs/product/assessment-and-insights.md gives
    /// "SD 1.2, r .80 on a 1-7 scale" as the worked example; we use it until Hearth has a member's
    /// own history (then pass their SEM instead).
    /// </summary>
    public const double PopulationStandardDeviation = 1.2;

    /// <summary>Population default reliability of a dimension mean (same source as above).</summary>
    public const double PopulationReliability = 0.80;

    /// <summary>Two-sided 95% critical value of the normal distribution.</summary>
    public const double CriticalZ = 1.96;

    /// <summary>SEM = SD x sqrt(1 - r).</summary>
    public static double StandardErrorOfMeasurement(double standardDeviation, double reliability) =>
        standardDeviation * Math.Sqrt(1 - reliability);

    /// <summary>SEM with the population defaults: 1.2 x sqrt(0.2), about 0.54 points.</summary>
    public static double PopulationStandardError { get; } =
        StandardErrorOfMeasurement(PopulationStandardDeviation, PopulationReliability);

    /// <summary>The smallest difference that counts: 1.96 x sqrt(SEM_a^2 + SEM_b^2).</summary>
    public static double Threshold(double semA, double semB) => CriticalZ * Math.Sqrt((semA * semA) + (semB * semB));

    /// <summary>The threshold with population defaults for both people: about 1.49 points on 1-7.</summary>
    public static double PopulationThreshold { get; } = Threshold(PopulationStandardError, PopulationStandardError);

    /// <summary>Whether |a - b| is larger than everyday wobble in answers would explain.</summary>
    public static bool IsReliable(double a, double b, double semA, double semB) => Math.Abs(a - b) > Threshold(semA, semB);
}

public enum ComparisonOutcome
{
    /// <summary>The difference is larger than the threshold: "you experience this differently".</summary>
    ExperienceDifferently = 1,

    /// <summary>The difference is small, at most one standard error of the difference (<see cref="TwoViews"/>): "where you agree", "in a similar way".</summary>
    Agree = 2,

    /// <summary>One or both have no score for this dimension; nothing is said.</summary>
    NotComparable = 3,

    /// <summary>Not both members chose to share this dimension; it is not computed at all.</summary>
    NotShared = 4,

    /// <summary>
    /// Neither similar nor a reliable gap (<see cref="TwoViewsReading.ALittleApart"/>): "you may
    /// experience this a little differently". Never called "similar".
    /// </summary>
    ALittleApart = 5,
}

/// <summary>
/// How two members' experience of one dimension compares. Neutral by design: it never says who
/// is higher, lower, or right.
/// </summary>
/// <param name="Dimension">Which dimension.</param>
/// <param name="Outcome">Differently, agree, or why nothing is said.</param>
/// <param name="Difference">|a - b| on the 1-7 scale, when comparable.</param>
/// <param name="Threshold">The reliable-difference threshold used.</param>
/// <param name="BothStrong">Both experience this dimension as a strength (a shared strength).</param>
/// <param name="Message">What the pair reads, or null when nothing is said.</param>
/// <param name="Why">Why they are seeing it, or null when nothing is said.</param>
public sealed record DimensionComparison(
    Dimension Dimension,
    ComparisonOutcome Outcome,
    double? Difference,
    double Threshold,
    bool BothStrong,
    string? Message,
    string? Why);

/// <summary>The closeness map of a pair: five dimensions, each compared without ranking the two people.</summary>
public sealed record ClosenessMapResult(IReadOnlyList<DimensionComparison> Dimensions)
{
    /// <summary>Dimensions the two experience differently: a reason to talk, not a problem.</summary>
    public IReadOnlyList<DimensionComparison> Differences =>
        Dimensions.Where(d => d.Outcome == ComparisonOutcome.ExperienceDifferently).ToList();

    /// <summary>Dimensions where the two see things alike.</summary>
    public IReadOnlyList<DimensionComparison> Agreements =>
        Dimensions.Where(d => d.Outcome == ComparisonOutcome.Agree).ToList();

    /// <summary>Dimensions a little apart: not similar, and not a reliable gap either.</summary>
    public IReadOnlyList<DimensionComparison> ALittleApart =>
        Dimensions.Where(d => d.Outcome == ComparisonOutcome.ALittleApart).ToList();
}

/// <summary>
/// Builds the closeness map from two members' results. Only dimensions both chose to share are
/// read (docs/product/domain.md rule 3: a shared view is computed only from data both may see). Safety
/// answers are not in <see cref="AssessmentResult"/>, so they cannot reach the map.
/// </summary>
public static class ClosenessMap
{
    /// <param name="first">One member's result.</param>
    /// <param name="second">The other member's result.</param>
    /// <param name="sharedByBoth">Dimensions both members agreed to share; all others are left out.</param>
    /// <param name="semFirst">The first member's SEM, when their own history gives one; else the population default.</param>
    /// <param name="semSecond">The same for the second member.</param>
    public static ClosenessMapResult Compare(
        AssessmentResult first,
        AssessmentResult second,
        IReadOnlyCollection<Dimension> sharedByBoth,
        double? semFirst = null,
        double? semSecond = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(sharedByBoth);
        var threshold = ReliableDifference.Threshold(
            semFirst ?? ReliableDifference.PopulationStandardError,
            semSecond ?? ReliableDifference.PopulationStandardError);

        var comparisons = DimensionCatalog.All
            .Select(d => sharedByBoth.Contains(d)
                ? CompareOne(first.For(d), second.For(d), threshold)
                : new DimensionComparison(d, ComparisonOutcome.NotShared, null, threshold, false, null, null))
            .ToList();
        return new ClosenessMapResult(comparisons);
    }

    private static DimensionComparison CompareOne(DimensionResult a, DimensionResult b, double threshold)
    {
        if (a.Experience.Mean is not { } meanA || b.Experience.Mean is not { } meanB)
        {
            return new DimensionComparison(a.Dimension, ComparisonOutcome.NotComparable, null, threshold, false, null, null);
        }

        var views = TwoViews.Compare(meanA, meanB, threshold);
        var difference = views.Difference;
        var bothStrong = a.IsStrength && b.IsStrength;
        var (low, high) = (views.Low, views.High);
        var title = a.Dimension.Title();
        var max = a.Experience.ScaleMax;
        string Show(double value) => AssessmentScorer.Show(value);
        var apart = $"Your answers average {Show(low)} and {Show(high)} of {max}, a difference of {Show(difference)}.";
        var rule = $" Hearth calls answers similar when they are up to {Show(views.SimilarWithin)} points apart, and a gap when they are more than {Show(views.GapAbove)} points apart: more than everyday ups and downs in answers would explain.";
        return views.Reading switch
        {
            TwoViewsReading.Gap => new DimensionComparison(
                a.Dimension,
                ComparisonOutcome.ExperienceDifferently,
                difference,
                threshold,
                bothStrong,
                $"You experience {Lower(title)} differently. That's common, and it's a good thing to talk about with curiosity.",
                apart + rule),
            TwoViewsReading.ALittleApart => new DimensionComparison(
                a.Dimension,
                ComparisonOutcome.ALittleApart,
                difference,
                threshold,
                bothStrong,
                $"You may experience {Lower(title)} a little differently. It isn't a clear gap, and it could be worth a gentle talk.",
                apart + rule),
            _ => new DimensionComparison(
                a.Dimension,
                ComparisonOutcome.Agree,
                difference,
                threshold,
                bothStrong,
                bothStrong
                    ? $"{title} feels strong to both of you. It could help to notice together what keeps it that way."
                    : $"You see {Lower(title)} in a similar way.",
                apart + rule),
        };
    }

    // Titles start a sentence ("Emotional closeness"); mid-sentence they read lower-case.
    private static string Lower(string title) => string.Concat(title[..1].ToLowerInvariant(), title[1..]);
}

using Hearth.Core.Dimensions;

namespace Hearth.Core.Assessments;

public enum RoundChangeDirection
{
    /// <summary>No score in one of the two rounds: nothing is said.</summary>
    NotComparable = 0,

    /// <summary>Within everyday ups and downs in answers.</summary>
    Steady = 1,

    /// <summary>Higher now, by more than everyday ups and downs explain.</summary>
    ReliablyHigher = 2,

    /// <summary>Lower now, by more than everyday ups and downs explain.</summary>
    ReliablyLower = 3,
}

/// <summary>One person's change on one dimension between two rounds, on the 1-7 scale.</summary>
/// <param name="Before">Their experience mean in the earlier round, or null.</param>
/// <param name="After">Their experience mean in the later round, or null.</param>
/// <param name="Change">After minus before, or null.</param>
/// <param name="Reliable">|change| is more than the reliable-change threshold.</param>
/// <param name="Direction">Steady, reliably higher or lower, or not comparable.</param>
public sealed record PersonRoundChange(double? Before, double? After, double? Change, bool Reliable, RoundChangeDirection Direction);

/// <summary>One shared dimension: each person's own change (never one against the other).</summary>
public sealed record DimensionRoundChange(Dimension Dimension, PersonRoundChange First, PersonRoundChange Second);

/// <param name="Threshold">The reliable-change threshold used, in points of the 1-7 scale.</param>
/// <param name="Dimensions">The dimensions both shared in both rounds; the others are left out, not computed.</param>
public sealed record RoundChangeResult(double Threshold, IReadOnlyList<DimensionRoundChange> Dimensions);

/// <summary>
/// What changed between two assessment rounds both members finished
/// (docs/product/assessment-and-insights.md, "What changed"). Each person is compared only with
/// themselves: a change is reliable when |later - earlier| &gt; 1.96 x sqrt(2) x SEM (Jacobson and
/// Truax, 1991), the same rule as for check-ins, with the population SEM of a dimension mean (about
/// 0.54, so about 1.49 points of 7). Only dimensions both chose to share in both rounds are read.
/// </summary>
public static class RoundChange
{
    /// <summary>The threshold with the population SEM for both rounds: about 1.49 points on 1-7.</summary>
    public static double PopulationThreshold => ReliableDifference.PopulationThreshold;

    public static RoundChangeResult Compare(
        AssessmentResult firstEarlier,
        AssessmentResult firstLater,
        AssessmentResult secondEarlier,
        AssessmentResult secondLater,
        IReadOnlyCollection<Dimension> sharedInBothRounds,
        double? standardError = null)
    {
        ArgumentNullException.ThrowIfNull(firstEarlier);
        ArgumentNullException.ThrowIfNull(firstLater);
        ArgumentNullException.ThrowIfNull(secondEarlier);
        ArgumentNullException.ThrowIfNull(secondLater);
        ArgumentNullException.ThrowIfNull(sharedInBothRounds);
        var sem = standardError ?? ReliableDifference.PopulationStandardError;
        var threshold = ReliableDifference.Threshold(sem, sem);
        var dimensions = DimensionCatalog.All
            .Where(sharedInBothRounds.Contains)
            .Select(d => new DimensionRoundChange(
                d,
                Of(firstEarlier.For(d).Experience.Mean, firstLater.For(d).Experience.Mean, threshold),
                Of(secondEarlier.For(d).Experience.Mean, secondLater.For(d).Experience.Mean, threshold)))
            .ToList();
        return new RoundChangeResult(threshold, dimensions);
    }

    /// <summary>One person's change from <paramref name="before"/> to <paramref name="after"/> against a threshold.</summary>
    public static PersonRoundChange Of(double? before, double? after, double threshold)
    {
        if (before is not { } b || after is not { } a)
        {
            return new PersonRoundChange(before, after, null, false, RoundChangeDirection.NotComparable);
        }

        var change = a - b;
        var reliable = Math.Abs(change) > threshold;
        var direction = !reliable ? RoundChangeDirection.Steady : change > 0 ? RoundChangeDirection.ReliablyHigher : RoundChangeDirection.ReliablyLower;
        return new PersonRoundChange(b, a, change, reliable, direction);
    }
}

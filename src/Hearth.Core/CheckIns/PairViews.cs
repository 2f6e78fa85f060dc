using Hearth.Core.Assessments;
using NodaTime;

namespace Hearth.Core.CheckIns;

/// <summary>Both members' answers to one measure in a week both answered it.</summary>
public sealed record TwoWeeklyValues(LocalDate Week, double First, double Second);

/// <summary>
/// The pair's check-ins as two views side by side, never one average that neither person feels
/// (docs/product/assessment-and-insights.md, "Two views, never one average"). Whether two answers are
/// similar, a little apart or a gap is <see cref="TwoViews"/>, with the measure's own reliable-difference
/// threshold between two people.
/// </summary>
public static class PairViews
{
    /// <summary>Weeks where BOTH answered this measure, each member's answer kept apart; oldest first.</summary>
    public static IReadOnlyList<TwoWeeklyValues> ForPair(IEnumerable<CheckInRecord> first, IEnumerable<CheckInRecord> second, CheckInMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var other = second.Select(r => (r.Week, Value: r.Value(measure))).Where(v => v.Value is not null)
            .GroupBy(v => v.Week).ToDictionary(g => g.Key, g => g.First().Value!.Value);
        return first.Select(r => (r.Week, Value: r.Value(measure)))
            .Where(v => v.Value is not null && other.ContainsKey(v.Week))
            .GroupBy(v => v.Week)
            .OrderBy(g => g.Key)
            .Select(g => new TwoWeeklyValues(g.Key, g.First().Value!.Value, other[g.Key]))
            .ToList();
    }

    /// <summary>
    /// The reliable-difference threshold between two people on this measure, both with the measure's
    /// population norm (about 2.5 points on satisfaction 0-10, 1.5 on the 1-7 measures); null for
    /// minutes and counts, which have no norm and get no "similar" or "gap" at all.
    /// </summary>
    public static double? GapAbove(CheckInMeasure measure) =>
        MeasureNorms.For(measure) is { } norm ? TwoViews.GapAbove(norm.StandardDeviation, norm.Reliability) : null;

    /// <summary>How two answers to this measure compare, or null when the measure has no norm.</summary>
    public static TwoViewsComparison? Compare(CheckInMeasure measure, double first, double second) =>
        GapAbove(measure) is { } gap ? TwoViews.Compare(first, second, gap) : null;
}

using Hearth.Core.Assessments;
using NodaTime;

namespace Hearth.Core.CheckIns;

/// <summary>Population defaults for one measure, used until a person has enough history of their own.</summary>
/// <param name="StandardDeviation">Spread of the measure between people.</param>
/// <param name="Reliability">Test-retest reliability.</param>
public sealed record MeasureNorm(double StandardDeviation, double Reliability)
{
    public double StandardError => ReliableDifference.StandardErrorOfMeasurement(StandardDeviation, Reliability);
}

/// <summary>
/// The population defaults the change rules assume (docs/product/assessment-and-insights.md, "Detecting change"). These are
/// our stated assumptions, not published norms for Hearth's own items; replace them when Hearth
/// has data of its own.
/// </summary>
public static class MeasureNorms
{
    /// <summary>
    /// Satisfaction, 0-10 single item: we assume SD 2.0 (single-item global ratings on 0-10 usually
    /// spread about two points) and r .80 (short-interval retest of single-item satisfaction).
    /// A reliable change then needs about 2.5 points.
    /// </summary>
    public const double SatisfactionStandardDeviation = 2.0;

    /// <inheritdoc cref="SatisfactionStandardDeviation"/>
    public const double SatisfactionReliability = 0.80;

    /// <summary>
    /// 1-7 items (closeness circles, felt heard, repair, dimension means): the worked example of
    /// docs/product/assessment-and-insights.md, SD 1.2 and r .80, the same defaults <see cref="ReliableDifference"/> uses.
    /// A reliable change then needs about 1.5 points.
    /// </summary>
    public const double SevenPointStandardDeviation = ReliableDifference.PopulationStandardDeviation;

    /// <inheritdoc cref="SevenPointStandardDeviation"/>
    public const double SevenPointReliability = ReliableDifference.PopulationReliability;

    /// <summary>From this many answered weeks on, a person's own SD replaces the population SD (r stays).</summary>
    public const int OwnHistoryWeeks = 8;

    /// <summary>
    /// A person's own SD is never taken below this share of the population SD, so someone who
    /// always gives the same answer is not flagged for one small dip.
    /// </summary>
    public const double OwnStandardDeviationFloorShare = 0.5;

    /// <summary>
    /// The weekly warning-signs item, a 1-5 frequency scale: we assume SD 1.0 (about one step of the
    /// scale between people) and r .80, as for the other single items. A reliable change then needs
    /// about 1.2 steps, for example from "never" to between "rarely" and "sometimes".
    /// </summary>
    public const double FrequencyStandardDeviation = 1.0;

    /// <inheritdoc cref="FrequencyStandardDeviation"/>
    public const double FrequencyReliability = 0.80;

    public static MeasureNorm Frequency { get; } = new(FrequencyStandardDeviation, FrequencyReliability);

    public static MeasureNorm Satisfaction { get; } = new(SatisfactionStandardDeviation, SatisfactionReliability);

    public static MeasureNorm SevenPoint { get; } = new(SevenPointStandardDeviation, SevenPointReliability);

    /// <summary>The norm of a check-in measure; minutes and counts have none (they are not tracked for change).</summary>
    public static MeasureNorm? For(CheckInMeasure measure) => measure.Info().Norm;
}

public enum ChangeDirection
{
    None = 0,
    Decline = 1,
    Improvement = 2,
}

/// <summary>What the change rules found for one person and one measure, with the numbers behind it.</summary>
/// <param name="Direction">Decline, improvement, or none.</param>
/// <param name="Reliable">The current 3-week mean differs from the person's baseline by more than the reliable-change threshold.</param>
/// <param name="Persistent">The rolling mean moved the same way for <see cref="ChangeDetector.ConsecutiveWeeks"/> weeks in a row.</param>
/// <param name="Current">Rolling mean of the current window (the week looked at and the two before), or null.</param>
/// <param name="Baseline">Mean of the answered weeks before the current window, or null with fewer than <see cref="ChangeDetector.MinimumBaselineWeeks"/>.</param>
/// <param name="BaselineWeeks">The weeks that made the baseline.</param>
/// <param name="WindowWeeks">The weeks of the current window that had answers.</param>
/// <param name="Threshold">The reliable-change threshold used, in points of the measure.</param>
/// <param name="UsedOwnHistory">The person's own SD was used (at least <see cref="MeasureNorms.OwnHistoryWeeks"/> answered weeks).</param>
/// <param name="RecentRollingMeans">The last rolling means up to the week looked at, oldest first (up to four).</param>
public sealed record ChangeResult(
    ChangeDirection Direction,
    bool Reliable,
    bool Persistent,
    double? Current,
    double? Baseline,
    IReadOnlyList<LocalDate> BaselineWeeks,
    IReadOnlyList<LocalDate> WindowWeeks,
    double Threshold,
    bool UsedOwnHistory,
    IReadOnlyList<WeeklyValue> RecentRollingMeans);

/// <summary>
/// Change in one person against their own history (docs/product/assessment-and-insights.md, Jacobson &amp; Truax 1991).
/// The current 3-week rolling mean is compared with the person's own earlier baseline: the mean
/// of the answered weeks in the half year before the current window (<see cref="MaxBaselineWeeks"/>),
/// when there are at least three of them. A half year keeps the baseline about the pair as they are
/// now (answers from years ago say little about this month) and keeps the cost of the rule flat
/// however long a pair has used Hearth: it never reads more than <see cref="WeeksRead"/> weeks. The
/// change is reliable when |current - baseline| &gt; 1.96 x sqrt(2) x SEM (the two-score formula of
/// <see cref="ReliableDifference"/>). Separately, a rolling mean that fell (or rose) in each of the
/// last three week-to-week steps counts as a persistent change. Either one flags it.
/// </summary>
public static class ChangeDetector
{
    /// <summary>At least this many answered weeks before the current window make a baseline.</summary>
    public const int MinimumBaselineWeeks = 3;

    /// <summary>How many consecutive week-to-week steps of the rolling mean count as persistent.</summary>
    public const int ConsecutiveWeeks = 3;

    /// <summary>The baseline is made of at most this many weeks before the current window (a half year).</summary>
    public const int MaxBaselineWeeks = 26;

    /// <summary>Every week the rule can look at: the current window and the baseline before it.</summary>
    public const int WeeksRead = RollingMean.WindowWeeks + MaxBaselineWeeks;

    /// <param name="series">One person's weekly answers to one measure.</param>
    /// <param name="norm">Population defaults for the measure.</param>
    /// <param name="week">The week looked at ("now"); later entries are ignored.</param>
    public static ChangeResult Detect(IEnumerable<WeeklyValue> series, MeasureNorm norm, LocalDate week)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(norm);
        var windowStart = week.PlusWeeks(-(RollingMean.WindowWeeks - 1));
        var horizon = windowStart.PlusWeeks(-MaxBaselineWeeks);
        var upToNow = series.Where(v => v.Week <= week && v.Week >= horizon).ToList();
        var slots = RollingMean.Slots(upToNow, upToNow.Count > 0 ? week : null);
        var rolling = RollingMean.OverSlots(slots);

        var answered = slots.Where(s => s.Value is not null).ToList();
        var baselineValues = answered.Where(s => s.Week < windowStart).ToList();
        var windowWeeks = answered.Where(s => s.Week >= windowStart).Select(s => s.Week).ToList();
        double? current = rolling.Count > 0 ? rolling[^1].Value : null;
        double? baseline = baselineValues.Count >= MinimumBaselineWeeks ? baselineValues.Average(s => s.Value!.Value) : null;

        var usedOwn = answered.Count >= MeasureNorms.OwnHistoryWeeks;
        var sd = usedOwn
            ? Math.Max(SampleStandardDeviation(answered.Select(s => s.Value!.Value).ToList()), norm.StandardDeviation * MeasureNorms.OwnStandardDeviationFloorShare)
            : norm.StandardDeviation;
        var sem = ReliableDifference.StandardErrorOfMeasurement(sd, norm.Reliability);
        var threshold = ReliableDifference.Threshold(sem, sem);
        var reliable = current is { } c && baseline is { } b && ReliableDifference.IsReliable(c, b, sem, sem);

        var recent = rolling.TakeLast(ConsecutiveWeeks + 1).ToList();
        var steps = recent.Count == ConsecutiveWeeks + 1 && recent.All(r => r.Value is not null)
            ? recent.Zip(recent.Skip(1), (earlier, later) => Math.Sign(later.Value!.Value - earlier.Value!.Value)).ToList()
            : [];
        var persistentDecline = steps.Count == ConsecutiveWeeks && steps.All(s => s < 0);
        var persistentRise = steps.Count == ConsecutiveWeeks && steps.All(s => s > 0);

        var direction = reliable
            ? (current < baseline ? ChangeDirection.Decline : ChangeDirection.Improvement)
            : persistentDecline ? ChangeDirection.Decline
            : persistentRise ? ChangeDirection.Improvement
            : ChangeDirection.None;
        var persistent = (direction == ChangeDirection.Decline && persistentDecline) || (direction == ChangeDirection.Improvement && persistentRise);

        return new ChangeResult(
            direction,
            reliable,
            persistent,
            current,
            baseline,
            baselineValues.Select(s => s.Week).ToList(),
            windowWeeks,
            threshold,
            usedOwn,
            recent);
    }

    private static double SampleStandardDeviation(List<double> values)
    {
        if (values.Count < 2)
        {
            return 0;
        }

        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}

using Hearth.Core.CheckIns;
using NodaTime;

namespace Hearth.Core.Insights;

/// <summary>Where one person stands against their own earlier level after a fall.</summary>
public enum LowPointState
{
    /// <summary>No low point: no reliable fall from the earlier level in the weeks looked at.</summary>
    None = 0,

    /// <summary>Still well below the earlier level, and not rising.</summary>
    Low = 1,

    /// <summary>Rising from the lowest point, but not yet by a reliable change: a beginning.</summary>
    Turning = 2,

    /// <summary>Reliably higher than the lowest point.</summary>
    Recovered = 3,
}

/// <summary>What <see cref="LowPointRule"/> found, with the numbers behind it.</summary>
/// <param name="State">Low, turning, recovered, or none.</param>
/// <param name="Current">The current 3-week rolling mean.</param>
/// <param name="EarlierLevel">The highest 3-week rolling mean before the current window (the level before the fall).</param>
/// <param name="Lowest">The lowest 3-week rolling mean since that earlier level.</param>
/// <param name="EarlierLevelWeek">The week whose 3-week mean was the earlier level.</param>
/// <param name="LowestWeek">The week whose 3-week mean was the lowest.</param>
/// <param name="Threshold">The reliable-change threshold (the same as <see cref="ChangeDetector"/>'s for this series).</param>
public sealed record LowPointResult(LowPointState State, double? Current, double? EarlierLevel, double? Lowest, LocalDate? EarlierLevelWeek, LocalDate? LowestWeek, double Threshold)
{
    /// <summary>Still low (or only beginning to turn): the pair needs acknowledging and the reconnect offer.</summary>
    public bool IsHolding => State is LowPointState.Low or LowPointState.Turning;
}

/// <summary>
/// The low point (docs/product/assessment-and-insights.md, "Low points"). <see cref="ChangeDetector"/>
/// compares the present with a baseline that, as a low stretch goes on, fills with the low weeks
/// themselves, and "persistent" needs an ongoing fall: so a pair that fell and stayed down went
/// silent. This rule keeps the level before the fall: the highest 3-week rolling mean in the half
/// year before the current window. A low point is a fall from that level to the lowest rolling mean
/// since, by more than the reliable-change threshold (the same formula and SD as the change rule).
/// From there: still more than the threshold below the earlier level is <see cref="LowPointState.Low"/>;
/// a rolling mean that rose in each of the last <see cref="TurningSteps"/> steps is
/// <see cref="LowPointState.Turning"/> (a beginning, until it is reliable); more than the threshold
/// above the lowest point is <see cref="LowPointState.Recovered"/>. Pure: no clock, the week is given.
/// </summary>
public static class LowPointRule
{
    /// <summary>Week-to-week rises of the rolling mean in a row that count as "starting to turn".</summary>
    public const int TurningSteps = 2;

    /// <param name="series">One person's weekly answers to one measure.</param>
    /// <param name="change">What <see cref="ChangeDetector.Detect"/> found for the same series and week (its threshold is used).</param>
    /// <param name="week">The week looked at.</param>
    /// <param name="lowestFrom">Look for the lowest point only from this week on (for a plan: its start); the earlier level's week otherwise.</param>
    public static LowPointResult Detect(IEnumerable<WeeklyValue> series, ChangeResult change, LocalDate week, LocalDate? lowestFrom = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(change);
        var rolling = Rolling(series, week);
        var windowStart = week.PlusWeeks(-(RollingMean.WindowWeeks - 1));
        var none = new LowPointResult(LowPointState.None, change.Current, null, null, null, null, change.Threshold);
        if (change.Current is not { } current || change.Baseline is null || rolling.Count == 0 || rolling[^1].Week != week)
        {
            return none;
        }

        var before = rolling.Where(r => r.Week < windowStart && r.Value is not null).ToList();
        if (before.Count == 0)
        {
            return none;
        }

        var peak = before.MaxBy(r => r.Value!.Value)!;
        var from = lowestFrom is { } f && f > peak.Week ? f : peak.Week;
        var since = rolling.Where(r => r.Week >= from && r.Value is not null).ToList();
        if (since.Count == 0)
        {
            return none;
        }

        var lowest = since.MinBy(r => r.Value!.Value)!;
        var earlier = peak.Value!.Value;
        var low = lowest.Value!.Value;
        var threshold = change.Threshold;
        var state = LowPointState.None;
        if (earlier - low > threshold)
        {
            var steps = rolling.TakeLast(TurningSteps + 1).ToList();
            var rising = steps.Count == TurningSteps + 1 && steps.All(s => s.Value is not null)
                && steps.Zip(steps.Skip(1), (a, b) => b.Value!.Value > a.Value!.Value).All(up => up)
                && current > low;
            state = current - low > threshold ? LowPointState.Recovered
                : rising ? LowPointState.Turning
                : earlier - current > threshold ? LowPointState.Low
                : LowPointState.None;
        }

        return new LowPointResult(state, current, earlier, low, peak.Week, lowest.Week, threshold);
    }

    /// <summary>The 3-week rolling means the change rule reads (the half year and the current window), oldest first.</summary>
    private static IReadOnlyList<WeeklyValue> Rolling(IEnumerable<WeeklyValue> series, LocalDate week)
    {
        var horizon = week.PlusWeeks(-(ChangeDetector.WeeksRead - 1));
        var upToNow = series.Where(v => v.Week <= week && v.Week >= horizon).ToList();
        return upToNow.Count == 0 ? [] : RollingMean.ThreeWeek(upToNow, week);
    }
}

using Hearth.Core.Rituals;
using NodaTime;

namespace Hearth.Core.CheckIns;

/// <summary>
/// Which week a check-in belongs to, for ever: the pair week (under the ritual in force) in which it
/// was sent. Its key is stored with it and never read again under a later ritual, so changing the
/// ritual's day, time or zone never moves, merges or reveals a check-in (ADR 9).
/// </summary>
public static class CheckInWeeks
{
    /// <summary>
    /// Whether a check-in sent at <paramref name="sentAt"/> into the week <paramref name="storedWeek"/>
    /// already does the member's check-in for <paramref name="current"/>: it is that very week, or,
    /// after a ritual change, it was sent while <paramref name="current"/> was running. Either way
    /// the member is not asked for a second one in that week.
    /// </summary>
    public static bool Does(LocalDate storedWeek, Instant sentAt, PairWeek current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return storedWeek == current.Key || current.Contains(sentAt);
    }

    /// <summary>
    /// Two check-ins are of the same week only when their stored weeks are equal: both were sent in
    /// the same week of the same ritual calendar. This is the only rule for the mutual reveal.
    /// </summary>
    public static bool SameWeek(LocalDate a, LocalDate b) => a == b;

    /// <summary>
    /// The bounds of a stored week on the pair's calendar now: its own start day (which may differ
    /// from today's ritual day after a change) in the ritual's current zone. For showing only.
    /// </summary>
    public static PairWeek Bounds(LocalDate storedWeek, Ritual rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return PairWeek.ForKey(storedWeek, rule with { Day = storedWeek.DayOfWeek });
    }
}

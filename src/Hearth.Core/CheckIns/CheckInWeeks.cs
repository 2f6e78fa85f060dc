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
    /// Of a member's check-ins near <paramref name="current"/>, the one that does it (<see cref="Does"/>):
    /// the one stored in that very week, else the first sent while it ran; null when none does.
    /// </summary>
    public static T? DoneIn<T>(IEnumerable<T> mine, PairWeek current, Func<T, LocalDate> week, Func<T, Instant> sentAt)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(current);
        var near = mine.ToList();
        return near.Where(r => week(r) == current.Key).OrderBy(sentAt).FirstOrDefault()
            ?? near.Where(r => Does(week(r), sentAt(r), current)).OrderBy(sentAt).FirstOrDefault();
    }

    /// <summary>
    /// The one "check-in due" rule (the discreet reminder on the list of spaces and the dashboard):
    /// the pair has set a check-in time, and none of the member's check-ins does this week yet.
    /// </summary>
    public static bool IsDue(bool ritualSet, bool doneThisWeek) => ritualSet && !doneThisWeek;

    /// <inheritdoc cref="IsDue(bool, bool)"/>
    public static bool IsDue<T>(Ritual? ritual, IEnumerable<T> mine, Instant now, Func<T, LocalDate> week, Func<T, Instant> sentAt)
        where T : class =>
        IsDue(ritual is not null, ritual is not null && DoneIn(mine, PairWeek.WeekOf(now, ritual), week, sentAt) is not null);

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

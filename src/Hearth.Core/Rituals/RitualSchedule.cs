using NodaTime;

namespace Hearth.Core.Rituals;

/// <summary>How a ritual's local time was turned into an instant on one date.</summary>
public enum ClockChange
{
    /// <summary>An ordinary day: the local time happens exactly once.</summary>
    None = 0,

    /// <summary>
    /// Clocks went forward through the ritual's time (a spring-forward gap). The ritual moves
    /// forward by the length of the gap, e.g. 01:30 in London becomes 02:30 — the same instant a
    /// calendar app shows for the ICS feed (RFC 5545 reads a missing local time with the offset
    /// from before the gap), so Hearth and the phone's calendar never disagree.
    /// </summary>
    MovedForwardPastGap = 1,

    /// <summary>Clocks went back, so the local time happened twice. The ritual takes the earlier one.</summary>
    EarlierOfTwo = 2,
}

/// <summary>One occurrence of a ritual.</summary>
/// <param name="Date">The local date of the ritual, in the ritual's zone.</param>
/// <param name="PlannedTime">The ritual's time as set.</param>
/// <param name="Start">When it actually starts, in the ritual's zone.</param>
/// <param name="ClockChange">Whether a clock change shaped this occurrence.</param>
public sealed record RitualOccurrence(LocalDate Date, LocalTime PlannedTime, ZonedDateTime Start, ClockChange ClockChange)
{
    public Instant Instant => Start.ToInstant();

    /// <summary>The same moment on another member's clock, for display.</summary>
    public ZonedDateTime In(DateTimeZone zone) => Instant.InZone(zone);

    /// <summary>A plain note when a clock change moved or doubled the time; null on ordinary days.</summary>
    public string? Note => ClockChange switch
    {
        ClockChange.MovedForwardPastGap =>
            $"The clocks go forward that night, so {RitualInput.Show(PlannedTime)} doesn't exist. This week it starts at {RitualInput.Show(Start.TimeOfDay)} instead.",
        ClockChange.EarlierOfTwo =>
            $"The clocks go back that night, so {RitualInput.Show(PlannedTime)} happens twice. It starts at the first one.",
        _ => null,
    };
}

/// <summary>
/// When a ritual happens. Each local week has exactly one ritual date, and each date maps to
/// exactly one instant, so a ritual is never skipped or doubled across clock changes:
/// a time inside a spring-forward gap moves forward by the gap's length (as RFC 5545 calendars do), and a time
/// that happens twice in autumn takes the earlier instant.
/// </summary>
public static class RitualSchedule
{
    /// <summary>The next <paramref name="count"/> occurrences starting at or after <paramref name="from"/>.</summary>
    public static IReadOnlyList<RitualOccurrence> NextOccurrences(Ritual ritual, Instant from, int count)
    {
        ArgumentNullException.ThrowIfNull(ritual);
        ritual.EnsureValid();
        ArgumentOutOfRangeException.ThrowIfNegative(count);

        // Start a week early: an occurrence on the day before "from" (local) may still lie after it.
        var date = from.InZone(ritual.Zone).Date.PlusDays(-7);
        while (date.DayOfWeek != ritual.Day)
        {
            date = date.PlusDays(1);
        }

        var occurrences = new List<RitualOccurrence>(count);
        for (; occurrences.Count < count; date = date.PlusWeeks(1))
        {
            var occurrence = On(ritual, date);
            if (occurrence.Instant >= from)
            {
                occurrences.Add(occurrence);
            }
        }

        return occurrences;
    }

    /// <summary>The ritual on one local date (which should fall on the ritual's day).</summary>
    public static RitualOccurrence On(Ritual ritual, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(ritual);
        var (start, change) = Resolve(ritual.Zone, date + ritual.Time);
        return new RitualOccurrence(date, ritual.Time, start, change);
    }

    /// <summary>
    /// Turns a local date and time into one instant: gap -> the local time read with the offset
    /// before the gap (shifted forward by the gap, RFC 5545 section 3.3.5); ambiguous -> the earlier instant.
    /// </summary>
    internal static (ZonedDateTime Start, ClockChange Change) Resolve(DateTimeZone zone, LocalDateTime local)
    {
        var mapping = zone.MapLocal(local);
        return mapping.Count switch
        {
            0 => (local.WithOffset(mapping.EarlyInterval.WallOffset).ToInstant().InZone(zone), ClockChange.MovedForwardPastGap),
            1 => (mapping.Single(), ClockChange.None),
            _ => (mapping.First(), ClockChange.EarlierOfTwo),
        };
    }
}

using Hearth.Core.Rituals;
using NodaTime;

namespace Hearth.Web.Pair;

/// <summary>
/// The pair's weeks. With a ritual, a week starts on the ritual's day in the ritual's zone
/// (<see cref="PairWeek"/>). Before a ritual is set, weeks start on Monday at midnight in the
/// pair's own time zone (the space settings), the most common week in calendars.
/// A check-in keeps the week it was sent in (its stored key) whatever the ritual becomes
/// (<see cref="Hearth.Core.CheckIns.CheckInWeeks"/>); <see cref="Rekey"/> only finds a week by a date
/// and places stored weeks on today's calendar for charts, never for reveal or "already done".
/// </summary>
public static class PairCalendar
{
    /// <summary>The week rule before a ritual exists: Monday, midnight, the pair's zone.</summary>
    public static readonly IsoDayOfWeek DefaultWeekStart = IsoDayOfWeek.Monday;

    public static Ritual WeekRule(SpaceRitual? ritual, PairSpace pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return WeekRule(ritual, pair.Zone);
    }

    /// <summary>The week rule of a space with or without a ritual, for code that has no <see cref="PairSpace"/> (a closed space's export).</summary>
    public static Ritual WeekRule(SpaceRitual? ritual, DateTimeZone zone) =>
        ritual?.ToRitual() ?? new Ritual(DefaultWeekStart, LocalTime.Midnight, zone);

    /// <summary>The key of the week (under <paramref name="rule"/>) that contains the local date <paramref name="key"/>.</summary>
    public static LocalDate Rekey(LocalDate key, Ritual rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        while (key.DayOfWeek != rule.Day)
        {
            key = key.PlusDays(-1);
        }

        return key;
    }

    public static LocalDate ToLocalDate(DateOnly date) => new(date.Year, date.Month, date.Day);

    public static DateOnly ToDateOnly(LocalDate date) => new(date.Year, date.Month, date.Day);
}

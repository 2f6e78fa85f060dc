using NodaTime;

namespace Hearth.Core.Rituals;

/// <summary>
/// The pair's week. It follows the ritual's own calendar, not UTC: a week starts at the beginning
/// of the ritual's weekday in the ritual's zone and lasts seven local days, so it is 167 or 169
/// hours long when the clocks change inside it. The week's key is the local date it starts on.
/// Answers given at any moment of a week belong to that week, including the check-in held on the
/// ritual day that opens it.
/// </summary>
/// <param name="Key">The local date the week starts on (always the ritual's weekday).</param>
/// <param name="Start">The first instant of the week (inclusive).</param>
/// <param name="End">The first instant of the next week (exclusive).</param>
public sealed record PairWeek(LocalDate Key, Instant Start, Instant End)
{
    public Duration Length => End - Start;

    public bool Contains(Instant instant) => instant >= Start && instant < End;

    /// <summary>The week of the pair's calendar that contains <paramref name="instant"/>.</summary>
    public static PairWeek WeekOf(Instant instant, Ritual ritual)
    {
        ArgumentNullException.ThrowIfNull(ritual);
        ritual.EnsureValid();
        var date = instant.InZone(ritual.Zone).Date;
        while (date.DayOfWeek != ritual.Day)
        {
            date = date.PlusDays(-1);
        }

        return ForKey(date, ritual);
    }

    /// <summary>The week that starts on <paramref name="key"/>, which must be the ritual's weekday.</summary>
    public static PairWeek ForKey(LocalDate key, Ritual ritual)
    {
        ArgumentNullException.ThrowIfNull(ritual);
        if (key.DayOfWeek != ritual.Day)
        {
            throw new ArgumentException($"A week of this ritual starts on a {ritual.Day}, not a {key.DayOfWeek}.", nameof(key));
        }

        // AtStartOfDay copes with zones whose clocks change at midnight (the day then starts at 01:00).
        return new PairWeek(
            key,
            ritual.Zone.AtStartOfDay(key).ToInstant(),
            ritual.Zone.AtStartOfDay(key.PlusWeeks(1)).ToInstant());
    }

    public PairWeek Next(Ritual ritual) => ForKey(Key.PlusWeeks(1), ritual);

    public PairWeek Previous(Ritual ritual) => ForKey(Key.PlusWeeks(-1), ritual);
}

using Hearth.Core.Rituals;
using NodaTime;
using NodaTime.Text;

namespace Hearth.Core.Tests.Rituals;

public sealed class PairWeekTests
{
    private static Instant Utc(string text) => InstantPattern.ExtendedIso.Parse(text).Value;

    private static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).Value;

    private static Ritual Make(string day, string zone) =>
        Ritual.TryCreate(day, "19:00", zone, out _)!;

    [Theory]
    // Sunday 23:30 in Sydney is still Sunday 12:30 UTC; Sunday 00:30 in Sydney is Saturday in UTC.
    [InlineData("Sunday", "Australia/Sydney", "2025-06-01T13:30:00Z", "2025-06-01")]
    [InlineData("Sunday", "Australia/Sydney", "2025-05-31T14:30:00Z", "2025-06-01")]
    [InlineData("Sunday", "Australia/Sydney", "2025-05-31T13:59:59Z", "2025-05-25")]
    // Sunday 20:00 in Los Angeles is already Monday in UTC: the pair's week started on that Sunday.
    [InlineData("Sunday", "America/Los_Angeles", "2025-06-02T03:00:00Z", "2025-06-01")]
    [InlineData("Sunday", "America/Los_Angeles", "2025-06-01T06:59:59Z", "2025-05-25")]
    [InlineData("Wednesday", "Europe/London", "2025-06-03T22:59:59Z", "2025-05-28")]
    [InlineData("Wednesday", "Europe/London", "2025-06-03T23:00:00Z", "2025-06-04")]
    public void The_week_follows_the_pairs_calendar_not_utc(string day, string zone, string at, string expectedKey)
    {
        var week = PairWeek.WeekOf(Utc(at), Make(day, zone));

        Assert.Equal(Date(expectedKey), week.Key);
        Assert.True(week.Contains(Utc(at)));
    }

    [Theory]
    [InlineData("Europe/London", "2025-03-23", 168)] // ends at midnight, before the clocks change
    [InlineData("Europe/London", "2025-03-30", 167)] // clocks go forward at 01:00 on its first day
    [InlineData("Europe/London", "2025-10-26", 169)] // clocks go back at 02:00 on its first day
    [InlineData("Europe/London", "2025-06-01", 168)]
    [InlineData("Australia/Sydney", "2025-10-05", 167)]
    [InlineData("Australia/Sydney", "2025-04-06", 169)]
    public void A_week_is_seven_local_days_whatever_the_clocks_do(string zone, string key, int hours)
    {
        var ritual = Make("Sunday", zone);
        var week = PairWeek.ForKey(Date(key), ritual);

        Assert.Equal(hours, week.Length.TotalHours, 1e-9);
        Assert.Equal(week.End, week.Next(ritual).Start);
        Assert.Equal(week.Start, week.Previous(ritual).End);
    }

    [Fact]
    public void A_key_on_the_wrong_weekday_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => PairWeek.ForKey(Date("2025-06-02"), Make("Sunday", "Europe/London")));
        Assert.Contains("starts on a Sunday", error.Message, StringComparison.Ordinal);
    }
}

using Hearth.Core.CheckIns;
using Hearth.Core.Rituals;
using NodaTime;
using NodaTime.Text;

namespace Hearth.Core.Tests.CheckIns;

public sealed class CheckInWeeksTests
{
    private static Instant Utc(string text) => InstantPattern.ExtendedIso.Parse(text).Value;

    private static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).Value;

    private static Ritual Make(string day, string zone) => Ritual.TryCreate(day, "19:00", zone, out _)!;

    [Theory]
    // This week's own check-in does it, whenever it was sent.
    [InlineData("2026-06-08", "2026-06-09T10:00:00Z", "Monday", "UTC", "2026-06-10T10:00:00Z", true)]
    // Sent on Monday under a Monday ritual, moved to Sunday the same week: already done.
    [InlineData("2026-06-08", "2026-06-08T10:00:00Z", "Sunday", "UTC", "2026-06-11T10:00:00Z", true)]
    // Sent on Sunday under a Sunday ritual, moved to Monday: the new week began after it, so not done.
    [InlineData("2026-06-07", "2026-06-07T10:00:00Z", "Monday", "UTC", "2026-06-09T10:00:00Z", false)]
    // Last week in New York never does this week in Berlin, though the two weeks overlap by hours.
    [InlineData("2026-06-07", "2026-06-10T10:00:00Z", "Sunday", "Europe/Berlin", "2026-06-14T08:00:00Z", false)]
    // Sent on Saturday night in New York, which is already Sunday in Berlin: it does Berlin's new week.
    [InlineData("2026-06-07", "2026-06-13T23:30:00Z", "Sunday", "Europe/Berlin", "2026-06-15T08:00:00Z", true)]
    public void A_check_in_does_this_week_if_it_is_this_weeks_or_was_sent_while_this_week_ran(
        string stored, string sentAt, string day, string zone, string now, bool done)
    {
        var current = PairWeek.WeekOf(Utc(now), Make(day, zone));

        Assert.Equal(done, CheckInWeeks.Does(Date(stored), Utc(sentAt), current));
    }

    [Fact]
    public void Only_equal_stored_weeks_are_the_same_week_and_bounds_keep_the_stored_first_day()
    {
        Assert.True(CheckInWeeks.SameWeek(Date("2026-06-07"), Date("2026-06-07")));
        Assert.False(CheckInWeeks.SameWeek(Date("2026-06-07"), Date("2026-06-01")));

        var bounds = CheckInWeeks.Bounds(Date("2026-06-07"), Make("Monday", "Europe/Berlin"));
        Assert.Equal(Date("2026-06-07"), bounds.Key);
        Assert.Equal(Utc("2026-06-06T22:00:00Z"), bounds.Start);
        Assert.Equal(Utc("2026-06-13T22:00:00Z"), bounds.End);
    }
}

using System.Globalization;
using Hearth.Core.Rituals;
using NodaTime;
using NodaTime.Text;

namespace Hearth.Core.Tests.Rituals;

public sealed class RitualScheduleTests
{
    private static Instant Utc(string text) => InstantPattern.ExtendedIso.Parse(text).Value;

    private static Ritual Make(string day, string time, string zone) =>
        Ritual.TryCreate(day, time, zone, out var errors) ?? throw new InvalidOperationException(string.Join(" ", errors.Select(e => e.Message)));

    private static string Offset(ZonedDateTime z) => z.ToString("yyyy-MM-dd HH:mm o<g>", CultureInfo.InvariantCulture);

    [Theory]
    // London: clocks go 01:00 -> 02:00 on Sunday 2025-03-30, and 02:00 -> 01:00 on Sunday 2025-10-26.
    [InlineData("Sunday", "19:00", "Europe/London", "2025-03-20T00:00:00Z", "2025-03-23 19:00 +00|2025-03-30 19:00 +01|2025-04-06 19:00 +01")]
    [InlineData("Sunday", "01:30", "Europe/London", "2025-03-29T00:00:00Z", "2025-03-30 02:30 +01|2025-04-06 01:30 +01")] // in the gap: moved forward by the gap (an hour), as calendar apps do
    [InlineData("Sunday", "01:30", "Europe/London", "2025-10-25T00:00:00Z", "2025-10-26 01:30 +01|2025-11-02 01:30 +00")] // happens twice: the earlier one
    [InlineData("Sunday", "19:00", "Europe/London", "2025-10-19T00:00:00Z", "2025-10-19 19:00 +01|2025-10-26 19:00 +00|2025-11-02 19:00 +00")]
    // New York falls back 02:00 -> 01:00 on Sunday 2025-11-02: 01:30 happens at -04 and again at -05.
    [InlineData("Sunday", "01:30", "America/New_York", "2025-10-30T00:00:00Z", "2025-11-02 01:30 -04|2025-11-09 01:30 -05")]
    // New York springs forward 02:00 -> 03:00 on Sunday 2025-03-09.
    [InlineData("Sunday", "02:30", "America/New_York", "2025-03-05T00:00:00Z", "2025-03-09 03:30 -04|2025-03-16 02:30 -04")]
    // Sydney: summer time ends 03:00 -> 02:00 on Sunday 2025-04-06 and starts 02:00 -> 03:00 on Sunday 2025-10-05.
    [InlineData("Sunday", "02:30", "Australia/Sydney", "2025-04-01T00:00:00Z", "2025-04-06 02:30 +11|2025-04-13 02:30 +10")]
    [InlineData("Sunday", "02:30", "Australia/Sydney", "2025-10-01T00:00:00Z", "2025-10-05 03:30 +11|2025-10-12 02:30 +11")]
    [InlineData("Wed", "07:15", "Asia/Kolkata", "2025-06-01T00:00:00Z", "2025-06-04 07:15 +05:30|2025-06-11 07:15 +05:30")]
    public void Occurrences_keep_local_time_and_handle_clock_changes(string day, string time, string zone, string from, string expected)
    {
        var ritual = Make(day, time, zone);
        var expectedList = expected.Split('|');

        var occurrences = RitualSchedule.NextOccurrences(ritual, Utc(from), expectedList.Length);

        Assert.Equal(expectedList, occurrences.Select(o => Offset(o.Start)));
    }

    [Fact]
    public void A_gap_moves_forward_and_says_so_while_ordinary_days_say_nothing()
    {
        var ritual = Make("Sunday", "01:30", "Europe/London");
        var occurrences = RitualSchedule.NextOccurrences(ritual, Utc("2025-03-29T00:00:00Z"), 2);

        Assert.Equal(ClockChange.MovedForwardPastGap, occurrences[0].ClockChange);
        Assert.Equal("The clocks go forward that night, so 01:30 doesn't exist. This week it starts at 02:30 instead.", occurrences[0].Note);
        Assert.Equal(ClockChange.None, occurrences[1].ClockChange);
        Assert.Null(occurrences[1].Note);

        var autumn = RitualSchedule.NextOccurrences(ritual, Utc("2025-10-25T00:00:00Z"), 1).Single();
        Assert.Equal(ClockChange.EarlierOfTwo, autumn.ClockChange);
        Assert.Contains("happens twice", autumn.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Europe/London", "01:30")]
    [InlineData("America/New_York", "01:30")]
    [InlineData("America/New_York", "02:30")]
    [InlineData("Australia/Sydney", "02:30")]
    [InlineData("Pacific/Chatham", "02:45")]
    public void A_ritual_is_never_skipped_or_doubled_over_two_years(string zone, string time)
    {
        var ritual = Make("Sunday", time, zone);
        var occurrences = RitualSchedule.NextOccurrences(ritual, Utc("2025-01-01T00:00:00Z"), 104);

        var dates = occurrences.Select(o => o.Date).ToList();
        Assert.Equal(dates.Count, dates.Distinct().Count());
        for (var i = 1; i < occurrences.Count; i++)
        {
            Assert.Equal(dates[i - 1].PlusWeeks(1), dates[i]);
            Assert.True(occurrences[i].Instant > occurrences[i - 1].Instant);
            var hours = (occurrences[i].Instant - occurrences[i - 1].Instant).TotalHours;
            Assert.InRange(hours, 166, 170);
        }
    }

    [Fact]
    public void From_is_inclusive_and_the_next_one_follows()
    {
        var ritual = Make("Sunday", "19:00", "Europe/London");
        var exactly = Utc("2025-06-01T18:00:00Z");

        Assert.Equal(exactly, RitualSchedule.NextOccurrences(ritual, exactly, 1).Single().Instant);
        Assert.Equal(Utc("2025-06-08T18:00:00Z"), RitualSchedule.NextOccurrences(ritual, exactly + Duration.FromSeconds(1), 1).Single().Instant);
        Assert.Empty(RitualSchedule.NextOccurrences(ritual, exactly, 0));
    }

    [Theory]
    [InlineData("Europe/London", "2025-06-01 19:00")]
    [InlineData("America/New_York", "2025-06-01 14:00")]
    [InlineData("Australia/Sydney", "2025-06-02 04:00")]
    public void Each_member_sees_the_ritual_on_their_own_clock(string zone, string expected)
    {
        var ritual = Make("Sunday", "19:00", "Europe/London");
        var occurrence = RitualSchedule.NextOccurrences(ritual, Utc("2025-05-30T00:00:00Z"), 1).Single();

        var local = occurrence.In(DateTimeZoneProviders.Tzdb[zone]);

        Assert.Equal(expected, local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("Sunday", "25:00", "Europe/London", "time", RitualProblem.HourOutOfRange, "Hours go from 00 to 23, so 25:00 isn't a time of day.")]
    [InlineData("Sunday", "10:61", "Europe/London", "time", RitualProblem.MinuteOutOfRange, "Minutes go from 00 to 59, so 10:61 isn't a time of day.")]
    [InlineData("Sunday", "7pm", "Europe/London", "time", RitualProblem.NotATime, null)]
    [InlineData("Sunday", "19:0", "Europe/London", "time", RitualProblem.NotATime, null)]
    [InlineData("Sunday", "-1:00", "Europe/London", "time", RitualProblem.NotATime, null)]
    [InlineData("Sunday", "", "Europe/London", "time", RitualProblem.Missing, null)]
    [InlineData("Sunday", "19:00", "Mars/Olympus_Mons", "timeZone", RitualProblem.UnknownTimeZone, "We don't know the time zone \"Mars/Olympus_Mons\". Please pick one from the list, like Europe/London or America/New_York.")]
    [InlineData("Sunday", "19:00", null, "timeZone", RitualProblem.Missing, null)]
    [InlineData("Funday", "19:00", "Europe/London", "day", RitualProblem.UnknownDay, null)]
    [InlineData("8", "19:00", "Europe/London", "day", RitualProblem.UnknownDay, null)]
    public void Bad_input_gets_a_specific_message(string? day, string? time, string? zone, string field, RitualProblem problem, string? message)
    {
        var ritual = Ritual.TryCreate(day, time, zone, out var errors);

        Assert.Null(ritual);
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Equal(problem, error.Problem);
        if (message is not null)
        {
            Assert.Equal(message, error.Message);
        }
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        Assert.Null(Ritual.TryCreate("Someday", "24:00", "Nowhere/City", out var errors));
        Assert.Equal(["day", "time", "timeZone"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("sunday", "7:05", IsoDayOfWeek.Sunday, 7, 5)]
    [InlineData("Mon", "00:00", IsoDayOfWeek.Monday, 0, 0)]
    [InlineData("6", "23:59", IsoDayOfWeek.Saturday, 23, 59)]
    public void Good_input_is_read(string day, string time, IsoDayOfWeek expectedDay, int hour, int minute)
    {
        var ritual = Ritual.TryCreate(day, time, "Europe/Berlin", out var errors);

        Assert.Empty(errors);
        Assert.Equal(new Ritual(expectedDay, new LocalTime(hour, minute), DateTimeZoneProviders.Tzdb["Europe/Berlin"]), ritual);
    }
}

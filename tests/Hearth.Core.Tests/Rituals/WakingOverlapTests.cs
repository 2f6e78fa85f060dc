using System.Globalization;
using Hearth.Core.Rituals;
using NodaTime;
using NodaTime.Text;

namespace Hearth.Core.Tests.Rituals;

public sealed class WakingOverlapTests
{
    private static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).Value;

    private static MemberClock Clock(string id, string zone, string from = "08:00", string to = "22:00") =>
        new(id, DateTimeZoneProviders.Tzdb[zone], WakingWindow.TryCreate(from, to, out _)!);

    private static string Show(ZonedDateTime z) => z.ToString("ddd HH:mm", CultureInfo.InvariantCulture);

    [Theory]
    // Same zone, same hours: 14 hours a day.
    [InlineData("Europe/London", "Europe/London", "2025-06-02", 98)]
    // London and New York are 5 hours apart most of the year: 22:00 London is 17:00 New York,
    // so they share 08:00-17:00 New York time: 9 hours a day.
    [InlineData("Europe/London", "America/New_York", "2025-06-02", 63)]
    // In the weeks between New York's spring change (9 March) and London's (30 March) they are
    // only 4 hours apart: 10 hours a day.
    [InlineData("Europe/London", "America/New_York", "2025-03-17", 70)]
    // Sydney in June is UTC+10, London UTC+1: 9 hours apart. Sydney 08:00-22:00 is
    // London 23:00-13:00; London is awake 08:00-13:00: 5 hours a day.
    [InlineData("Europe/London", "Australia/Sydney", "2025-06-02", 35)]
    // In January Sydney is UTC+11 (its summer) and London UTC+0: Sydney 08:00-22:00 is London
    // 21:00-11:00, so they share London 08:00-11:00 and 21:00-22:00: 4 hours a day.
    [InlineData("Europe/London", "Australia/Sydney", "2025-01-06", 28)]
    public void Weekly_overlap_follows_each_zones_own_clock_changes(string first, string second, string weekOf, int hours)
    {
        var overlap = WakingOverlap.For(Clock("a", first), Clock("b", second), Date(weekOf));

        Assert.Equal(hours, overlap.Total.TotalHours, 1e-9);
        Assert.All(overlap.Intervals, i => Assert.True(i.Start >= overlap.Start && i.End <= overlap.End && i.Start < i.End));
    }

    [Fact]
    public void The_week_when_london_changes_its_clocks_is_one_hour_shorter_in_overlap()
    {
        // Week of Monday 24 March 2025: New York already on summer time; London changes on Sunday 30th.
        // Mon-Sat: 4 hours apart (10 h each); Sunday: 5 hours apart (9 h).
        var overlap = WakingOverlap.For(Clock("a", "Europe/London"), Clock("b", "America/New_York"), Date("2025-03-24"));

        Assert.Equal((6 * 10) + 9, overlap.Total.TotalHours, 1e-9);
        var sunday = overlap.Intervals.Single(i => i.StartForFirst.DayOfWeek == IsoDayOfWeek.Sunday);
        Assert.Equal("Sun 13:00", Show(sunday.StartForFirst));
        Assert.Equal("Sun 08:00", Show(sunday.StartForSecond));
        Assert.Equal("Sun 22:00", Show(sunday.EndForFirst));
        Assert.Equal("Sun 17:00", Show(sunday.EndForSecond));
    }

    [Fact]
    public void A_window_that_crosses_midnight_is_handled()
    {
        // A night-shift friend awake 20:00-04:00 and a day person awake 07:00-23:00, same zone: 20:00-23:00.
        var overlap = WakingOverlap.For(Clock("a", "Europe/Berlin", "07:00", "23:00"), Clock("b", "Europe/Berlin", "20:00", "04:00"), Date("2025-06-02"));

        Assert.Equal(21, overlap.Total.TotalHours, 1e-9);
        Assert.All(overlap.Intervals, i => Assert.Equal("20:00-23:00", $"{i.StartForFirst:HH:mm}-{i.EndForFirst:HH:mm}"));
    }

    [Fact]
    public void No_shared_waking_hours_give_no_overlap_and_no_proposals()
    {
        var first = Clock("a", "Europe/London", "08:00", "12:00");
        var second = Clock("b", "Europe/London", "13:00", "20:00");

        Assert.Empty(WakingOverlap.For(first, second, Date("2025-06-02")).Intervals);
        Assert.Empty(WakingOverlap.ProposeRitualTimes(first, second, Date("2025-06-02")));
    }

    [Fact]
    public void Proposals_prefer_weekend_evenings_on_both_clocks()
    {
        // An hour apart: 19:00 London (20:00 Paris) is an evening on both clocks and closest to 19:00.
        var proposals = WakingOverlap.ProposeRitualTimes(Clock("a", "Europe/London"), Clock("b", "Europe/Paris"), Date("2025-06-02"), count: 3);

        Assert.Equal(3, proposals.Count);
        Assert.True(proposals[0].EveningForBoth && proposals[0].WeekendForBoth);
        Assert.True(proposals[1].EveningForBoth && proposals[1].WeekendForBoth);
        Assert.Equal([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], proposals.Take(2).Select(p => p.Ritual.Day).Order());
        Assert.Equal("Sat 19:00", Show(proposals.First(p => p.Ritual.Day == IsoDayOfWeek.Saturday).ForFirst));
        Assert.Equal(3, proposals.Select(p => p.Ritual.Day).Distinct().Count());
        Assert.Equal("Saturday 19:00 for one of you is Saturday 20:00 for the other: a weekend evening for you both.", proposals.First(p => p.Ritual.Day == IsoDayOfWeek.Saturday).Why);
    }

    [Theory]
    [InlineData("Europe/London", "America/New_York", "2025-06-02")]
    [InlineData("Europe/London", "America/New_York", "2025-03-17")]
    [InlineData("Europe/London", "Australia/Sydney", "2025-06-02")]
    [InlineData("America/Los_Angeles", "Asia/Tokyo", "2025-11-03")]
    public void Every_proposal_fits_inside_both_waking_windows(string firstZone, string secondZone, string weekOf)
    {
        var first = Clock("a", firstZone);
        var second = Clock("b", secondZone);
        var overlap = WakingOverlap.For(first, second, Date(weekOf));

        var proposals = WakingOverlap.ProposeRitualTimes(first, second, Date(weekOf));

        Assert.NotEmpty(proposals);
        foreach (var p in proposals)
        {
            var start = p.ForFirst.ToInstant();
            Assert.Contains(overlap.Intervals, i => i.Start <= start && start + WakingOverlap.DefaultSessionLength <= i.End);
            Assert.Equal(first.Zone, p.Ritual.Zone);
            Assert.Equal(p.ForFirst.TimeOfDay, p.Ritual.Time);
            Assert.Equal(start, p.ForSecond.ToInstant());
        }
    }

    [Theory]
    [InlineData("08:00", "08:30", RitualProblem.WindowTooShort)]
    [InlineData("23:30", "00:15", RitualProblem.WindowTooShort)]
    [InlineData("08:00", "08:00", RitualProblem.EmptyWindow)]
    [InlineData("08:00", "24:00", RitualProblem.HourOutOfRange)]
    [InlineData("8", "22:00", RitualProblem.NotATime)]
    public void Waking_windows_are_checked(string from, string to, RitualProblem problem)
    {
        Assert.Null(WakingWindow.TryCreate(from, to, out var errors));
        Assert.Equal(problem, Assert.Single(errors).Problem);
    }

    [Theory]
    [InlineData("08:00", "09:00", 60, false)]
    [InlineData("23:30", "00:30", 60, true)]
    [InlineData("22:00", "06:00", 480, true)]
    public void Waking_windows_of_an_hour_or_more_are_fine(string from, string to, int minutes, bool crosses)
    {
        var window = WakingWindow.TryCreate(from, to, out var errors);

        Assert.Empty(errors);
        Assert.Equal(minutes, window!.Length.TotalMinutes, 1e-9);
        Assert.Equal(crosses, window.CrossesMidnight);
    }
}

using Hearth.Core.QualityTime;
using NodaTime;

namespace Hearth.Core.Tests.QualityTime;

public sealed class QualityTimeLogTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly DateTimeZone Auckland = DateTimeZoneProviders.Tzdb["Pacific/Auckland"];
    private static readonly LocalDate Today = new(2026, 5, 6);
    private static readonly LocalDate Monday = new(2026, 5, 4);

    private static QualityTimeEntry Timer(Instant start, int minutes) => QualityTimeEntry.FromTimer(start, Duration.FromMinutes(minutes));

    private static QualityTimeEntry Manual(LocalDate day, int minutes) => QualityTimeLog.Manual(day, minutes, today: day).Value!;

    [Fact]
    public void A_manual_entry_keeps_its_day_and_minutes()
    {
        var result = QualityTimeLog.Manual(Today.PlusDays(-2), 35, Today);
        Assert.True(result.IsOk);
        Assert.Equal(35, result.Value!.Minutes);
        Assert.Equal(Today.PlusDays(-2), result.Value.LocalDayIn(Auckland));
        Assert.Equal(QualityTimeSource.Manual, result.Value.Source);
    }

    [Theory]
    [InlineData(-10, QualityTimeProblem.NegativeMinutes, "Minutes can't be negative. How many minutes did you spend together?")]
    [InlineData(0, QualityTimeProblem.ZeroMinutes, "Add at least one minute.")]
    [InlineData(1441, QualityTimeProblem.TooManyMinutes, "That is more than a whole day (1,440 minutes). Please enter a smaller number.")]
    public void Impossible_minutes_are_refused_with_specific_messages(int minutes, QualityTimeProblem problem, string message)
    {
        var result = QualityTimeLog.Manual(Today, minutes, Today);
        Assert.False(result.IsOk);
        Assert.Equal(problem, result.Error!.Problem);
        Assert.Equal(message, result.Error.Message);
    }

    [Fact]
    public void A_whole_day_is_the_most_one_entry_may_hold()
    {
        Assert.True(QualityTimeLog.Manual(Today, QualityTimeLog.MaxMinutesPerEntry, Today).IsOk);
    }

    [Fact]
    public void Tomorrow_is_allowed_for_pairs_in_different_time_zones_but_later_days_are_refused()
    {
        Assert.True(QualityTimeLog.Manual(Today.PlusDays(1), 20, Today).IsOk);
        var future = QualityTimeLog.Manual(Today.PlusDays(2), 20, Today);
        Assert.Equal(QualityTimeProblem.DateInFuture, future.Error!.Problem);
        Assert.Equal(QualityTimeProblem.DateInFuture, QualityTimeLog.Manual(Today.PlusYears(3), 20, Today).Error!.Problem);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(121)]
    [InlineData(0)]
    [InlineData(-20)]
    public void A_daily_goal_outside_10_to_120_minutes_is_refused(int minutes)
    {
        var result = DailyGoal.Create(minutes);
        Assert.Equal(QualityTimeProblem.GoalOutOfRange, result.Error!.Problem);
        Assert.Contains("between 10 and 120 minutes", result.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(45)]
    [InlineData(120)]
    public void A_daily_goal_from_10_to_120_minutes_is_accepted(int minutes)
    {
        Assert.Equal(minutes, DailyGoal.Create(minutes).Value.Minutes);
    }

    [Fact]
    public void The_default_goal_is_twenty_minutes()
    {
        Assert.Equal(20, DailyGoal.Default.Minutes);
        var week = QualityTimeLog.SummarizeWeek([], Berlin, Monday, default);
        Assert.Equal(20, week.Goal.Minutes);
    }

    [Fact]
    public void Week_start_is_monday_by_default()
    {
        Assert.Equal(Monday, QualityTimeLog.WeekStartFor(new LocalDate(2026, 5, 10)));
        Assert.Equal(Monday, QualityTimeLog.WeekStartFor(Monday));
        Assert.Equal(new LocalDate(2026, 5, 3), QualityTimeLog.WeekStartFor(new LocalDate(2026, 5, 9), IsoDayOfWeek.Sunday));
    }

    [Fact]
    public void A_session_across_local_midnight_counts_toward_the_day_it_started()
    {
        // 23:30 on Tuesday in Berlin (CEST, UTC+2) for 90 minutes: ends 01:00 on Wednesday.
        var start = new LocalDateTime(2026, 5, 5, 23, 30).InZoneStrictly(Berlin).ToInstant();
        var week = QualityTimeLog.SummarizeWeek([Timer(start, 90)], Berlin, Monday, DailyGoal.Default);

        Assert.Equal(90, week.Days.Single(d => d.Date == new LocalDate(2026, 5, 5)).Minutes);
        Assert.Equal(0, week.Days.Single(d => d.Date == new LocalDate(2026, 5, 6)).Minutes);
        Assert.Equal(90, week.TotalMinutes);
    }

    [Fact]
    public void The_same_sessions_fall_on_different_days_in_berlin_and_auckland()
    {
        // 13:00 UTC on Sunday 10 May is 15:00 Sunday in Berlin but 01:00 Monday 11 May in Auckland (UTC+12).
        var sundayAfternoonUtc = Instant.FromUtc(2026, 5, 10, 13, 0);
        // 20:00 UTC on Sunday 3 May is 22:00 Sunday in Berlin and 08:00 Monday 4 May in Auckland.
        var previousSundayEvening = Instant.FromUtc(2026, 5, 3, 20, 0);
        QualityTimeEntry[] entries = [Timer(sundayAfternoonUtc, 30), Timer(previousSundayEvening, 40)];

        var berlin = QualityTimeLog.SummarizeWeek(entries, Berlin, Monday, DailyGoal.Default);
        var auckland = QualityTimeLog.SummarizeWeek(entries, Auckland, Monday, DailyGoal.Default);

        Assert.Equal(30, berlin.TotalMinutes);
        Assert.Equal(30, berlin.Days[6].Minutes); // Sunday 10 May
        Assert.Equal(40, auckland.TotalMinutes);
        Assert.Equal(40, auckland.Days[0].Minutes); // Monday 4 May
        Assert.Equal(0, auckland.Days[6].Minutes);
    }

    [Fact]
    public void A_week_adds_timer_and_manual_time_and_counts_days_that_reached_the_goal()
    {
        var goal = DailyGoal.Create(30).Value;
        QualityTimeEntry[] entries =
        [
            Manual(Monday, 20),
            Timer(new LocalDateTime(2026, 5, 4, 19, 0).InZoneStrictly(Berlin).ToInstant(), 15), // Monday again: 35 in all
            Manual(Monday.PlusDays(2), 10),
            Manual(Monday.PlusDays(5), 60),
            Manual(Monday.PlusDays(7), 500), // next week
            Manual(Monday.PlusDays(-1), 500), // last week
        ];

        var week = QualityTimeLog.SummarizeWeek(entries, Berlin, Monday, goal);

        Assert.Equal(Monday, week.Start);
        Assert.Equal(Monday.PlusDays(6), week.End);
        Assert.Equal(7, week.Days.Count);
        Assert.Equal(105, week.TotalMinutes);
        Assert.Equal(3, week.DaysTogether);
        Assert.Equal(2, week.DaysReachingGoal);
        Assert.Equal(
            "You two found 1 hour and 45 minutes together this week. You reached your 30-minute goal on two days. Nice. Want to plan the next one?",
            week.Summary);
    }

    [Fact]
    public void A_day_counts_at_most_24_hours()
    {
        var week = QualityTimeLog.SummarizeWeek([Manual(Monday, 1440), Manual(Monday, 600)], Berlin, Monday, DailyGoal.Default);
        Assert.Equal(1440, week.Days[0].Minutes);
    }

    [Fact]
    public void Every_day_reaching_the_goal_is_celebrated()
    {
        var entries = Enumerable.Range(0, 7).Select(i => Manual(Monday.PlusDays(i), 20)).ToList();
        var week = QualityTimeLog.SummarizeWeek(entries, Berlin, Monday, DailyGoal.Default);
        Assert.Equal("You two found 2 hours and 20 minutes together this week. You reached your 20-minute goal every day. That is a lot of care.", week.Summary);
    }

    [Fact]
    public void An_empty_week_is_a_fresh_start_not_a_failure()
    {
        var week = QualityTimeLog.SummarizeWeek([], Auckland, Monday, DailyGoal.Default);
        Assert.Equal(0, week.TotalMinutes);
        Assert.StartsWith("A fresh week", week.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "1 minute")]
    [InlineData(45, "45 minutes")]
    [InlineData(60, "1 hour")]
    [InlineData(61, "1 hour and 1 minute")]
    [InlineData(180, "3 hours")]
    [InlineData(185, "3 hours and 5 minutes")]
    public void Minutes_read_naturally(int minutes, string expected)
    {
        Assert.Equal(expected, QualityTimeLog.FormatMinutes(minutes));
    }

    [Fact]
    public void Summaries_never_use_guilt_words()
    {
        string[] banned = ["streak", "missed", "miss", "failed", "fail", "only", "just", "behind", "broke", "chain", "should", "lost", "short", "less", "!"];
        var sentences = new HashSet<string>(StringComparer.Ordinal);
        foreach (var goalMinutes in new[] { 10, 20, 45, 120 })
        {
            var goal = DailyGoal.Create(goalMinutes).Value;
            foreach (var perDay in new[] { 0, 1, 5, 9, 10, 19, 20, 44, 45, 119, 120, 300 })
            {
                for (var days = 0; days <= 7; days++)
                {
                    var entries = Enumerable.Range(0, days).Where(_ => perDay > 0).Select(i => Manual(Monday.PlusDays(i), perDay));
                    sentences.Add(QualityTimeLog.SummarizeWeek(entries, Berlin, Monday, goal).Summary);
                }
            }
        }

        Assert.True(sentences.Count > 20);
        Assert.All(sentences, s =>
        {
            var words = s.ToUpperInvariant();
            Assert.DoesNotContain(banned, b => System.Text.RegularExpressions.Regex.IsMatch(
                words, b == "!" ? "!" : $"\\b{b.ToUpperInvariant()}\\b"));
            Assert.Contains(s[^1], ".?");
        });
    }
}

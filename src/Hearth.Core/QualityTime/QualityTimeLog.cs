using System.Globalization;
using NodaTime;

namespace Hearth.Core.QualityTime;

/// <summary>One local day of the week with its minutes together.</summary>
public sealed record DayTotal(LocalDate Date, int Minutes, bool ReachedGoal);

/// <summary>A pair's week of quality time, counted in the pair's time zone.</summary>
/// <param name="Start">The first day of the week.</param>
/// <param name="End">The last day of the week (inclusive).</param>
/// <param name="Days">Seven days in order, including days with no time logged.</param>
/// <param name="TotalMinutes">All minutes of the week.</param>
/// <param name="DaysTogether">Days with at least one minute.</param>
/// <param name="DaysReachingGoal">Days that reached the daily goal.</param>
/// <param name="Goal">The daily goal the week was counted against.</param>
/// <param name="Summary">A warm sentence or two for the pair. Never mentions streaks or what did not happen.</param>
public sealed record WeeklyQualityTime(
    LocalDate Start,
    LocalDate End,
    IReadOnlyList<DayTotal> Days,
    int TotalMinutes,
    int DaysTogether,
    int DaysReachingGoal,
    DailyGoal Goal,
    string Summary);

/// <summary>Manual entries and weekly summaries of focused, phone-free time together.</summary>
public static class QualityTimeLog
{
    /// <summary>A single entry holds at most a day.</summary>
    public const int MaxMinutesPerEntry = 24 * 60;

    /// <summary>
    /// A manual entry may be dated at most this many days after the member's today: the two members may
    /// live in different time zones, so "today" for one can be "tomorrow" for the other.
    /// </summary>
    public const int MaxDaysAhead = 1;

    public const int DaysPerWeek = 7;

    /// <summary>
    /// Logs minutes by hand for a day. Refuses negative or zero minutes, more than a day's worth, and
    /// dates more than <see cref="MaxDaysAhead"/> day after <paramref name="today"/>, each with its own message.
    /// </summary>
    public static QualityTimeResult<QualityTimeEntry> Manual(LocalDate day, int minutes, LocalDate today)
    {
        if (day > today.PlusDays(MaxDaysAhead))
        {
            return QualityTimeResult<QualityTimeEntry>.Fail(
                QualityTimeProblem.DateInFuture,
                "That day has not happened yet. You can add time once it has.");
        }

        var problem = CheckMinutes(minutes, MaxMinutesPerEntry);
        return problem is null
            ? QualityTimeResult<QualityTimeEntry>.Ok(QualityTimeEntry.FromManual(day, minutes))
            : QualityTimeResult<QualityTimeEntry>.Fail(problem.Problem, problem.Message);
    }

    internal static QualityTimeError? CheckMinutes(int minutes, int maxMinutes)
    {
        if (minutes < 0)
        {
            return new(QualityTimeProblem.NegativeMinutes, "Minutes can't be negative. How many minutes did you spend together?");
        }

        if (minutes == 0)
        {
            return new(QualityTimeProblem.ZeroMinutes, "Add at least one minute.");
        }

        if (minutes > maxMinutes)
        {
            return maxMinutes >= MaxMinutesPerEntry
                ? new(QualityTimeProblem.TooManyMinutes, "That is more than a whole day (1,440 minutes). Please enter a smaller number.")
                : new(QualityTimeProblem.TooManyMinutes, string.Create(
                    CultureInfo.InvariantCulture,
                    $"The timer ran for {maxMinutes} minutes, so please enter {maxMinutes} or fewer."));
        }

        return null;
    }

    /// <summary>The first day of the week that contains <paramref name="day"/>.</summary>
    public static LocalDate WeekStartFor(LocalDate day, IsoDayOfWeek firstDay = IsoDayOfWeek.Monday) =>
        day.DayOfWeek == firstDay ? day : day.Previous(firstDay);

    /// <summary>
    /// Adds up a week in the pair's time zone, starting at <paramref name="weekStart"/>. Each entry counts
    /// toward one local day (see <see cref="QualityTimeEntry.LocalDayIn"/>: a session crossing local
    /// midnight counts toward the day it started). A day counts at most 24 hours.
    /// </summary>
    public static WeeklyQualityTime SummarizeWeek(
        IEnumerable<QualityTimeEntry> entries,
        DateTimeZone zone,
        LocalDate weekStart,
        DailyGoal goal)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(zone);
        if (goal.Minutes == 0)
        {
            goal = DailyGoal.Default;
        }

        var end = weekStart.PlusDays(DaysPerWeek - 1);
        var byDay = entries
            .Select(e => (Day: e.LocalDayIn(zone), e.Length))
            .Where(e => e.Day >= weekStart && e.Day <= end)
            .GroupBy(e => e.Day)
            .ToDictionary(g => g.Key, g => Math.Min(MaxMinutesPerEntry, (int)Math.Floor(g.Aggregate(Duration.Zero, (sum, e) => sum + e.Length).TotalMinutes)));

        var days = Enumerable.Range(0, DaysPerWeek)
            .Select(i => weekStart.PlusDays(i))
            .Select(d =>
            {
                var minutes = byDay.GetValueOrDefault(d);
                return new DayTotal(d, minutes, minutes >= goal.Minutes);
            })
            .ToList();

        var total = days.Sum(d => d.Minutes);
        var together = days.Count(d => d.Minutes > 0);
        var reached = days.Count(d => d.ReachedGoal);
        return new WeeklyQualityTime(weekStart, end, days, total, together, reached, goal, Sentence(total, reached, goal));
    }

    /// <summary>
    /// The celebratory sentence under a week. It names what the pair did, never what they did not:
    /// no streaks, no "missed" days, no comparisons.
    /// </summary>
    internal static string Sentence(int totalMinutes, int daysReachingGoal, DailyGoal goal)
    {
        if (totalMinutes == 0)
        {
            return "A fresh week, ready when you are. Ten minutes together is a lovely place to start.";
        }

        var found = $"You two found {FormatMinutes(totalMinutes)} together this week.";
        var goalWords = $"your {goal.Minutes.ToString(CultureInfo.InvariantCulture)}-minute goal";
        return daysReachingGoal switch
        {
            DaysPerWeek => $"{found} You reached {goalWords} every day. That is a lot of care.",
            0 => $"{found} Every minute counts. Want to plan the next one?",
            _ => $"{found} You reached {goalWords} on {DayWords(daysReachingGoal)}. Nice. Want to plan the next one?",
        };
    }

    /// <summary>"1 minute", "45 minutes", "1 hour", "2 hours and 5 minutes".</summary>
    public static string FormatMinutes(int minutes)
    {
        var hours = minutes / 60;
        var rest = minutes % 60;
        var restText = rest == 1 ? "1 minute" : string.Create(CultureInfo.InvariantCulture, $"{rest} minutes");
        if (hours == 0)
        {
            return restText;
        }

        var hoursText = hours == 1 ? "1 hour" : string.Create(CultureInfo.InvariantCulture, $"{hours} hours");
        return rest == 0 ? hoursText : $"{hoursText} and {restText}";
    }

    private static string DayWords(int days) => days switch
    {
        1 => "one day",
        2 => "two days",
        3 => "three days",
        4 => "four days",
        5 => "five days",
        6 => "six days",
        _ => string.Create(CultureInfo.InvariantCulture, $"{days} days"),
    };
}

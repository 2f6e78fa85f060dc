using System.Globalization;
using System.Text.RegularExpressions;
using Hearth.Core.QualityTime;
using Hearth.Web.Languages;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.QualityTime;

/// <summary>
/// Core's quality-time sentences (<see cref="QualityTimeLog.FormatMinutes"/>, the week's summary, the
/// problems), said in the caller's language from QualityTimeText: the same English as Core's.
/// </summary>
public static partial class QualityTimeWords
{
    /// <summary>"1 minute", "45 minutes", "1 hour", "2 hours and 5 minutes".</summary>
    public static string Duration(int minutes, IStringLocalizer<QualityTimeText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hours = minutes / 60;
        var rest = minutes % 60;
        var restText = text.Plural("Minutes", rest).Value;
        if (hours == 0)
        {
            return restText;
        }

        var hoursText = text.Plural("Hours", hours).Value;
        return rest == 0 ? hoursText : text["HoursAndMinutes", hoursText, restText].Value;
    }

    /// <summary>The celebratory sentence under a week: what the pair did, never what they did not.</summary>
    public static string WeekSentence(int totalMinutes, int daysReachingGoal, int goalMinutes, IStringLocalizer<QualityTimeText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (totalMinutes == 0)
        {
            return text["WeekFresh"].Value;
        }

        var found = text["WeekFound", Duration(totalMinutes, text)].Value;
        return daysReachingGoal switch
        {
            QualityTimeLog.DaysPerWeek => text["WeekEveryDay", found, goalMinutes].Value,
            0 => text["WeekNoGoalDays", found].Value,
            _ => text["WeekSomeDays", found, goalMinutes, text[$"Days.{daysReachingGoal.ToString(CultureInfo.InvariantCulture)}"].Value].Value,
        };
    }

    /// <summary>A problem Core found, in the caller's language.</summary>
    public static string Problem(QualityTimeError error, IStringLocalizer<QualityTimeText> text)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(text);

        // The timer's limit is the one argument Core's problem carries, inside its English sentence.
        if (error.Problem == QualityTimeProblem.TooManyMinutes && TimerLimit().Match(error.Message) is { Success: true } limit)
        {
            return text["Problem.TooManyTimerMinutes", int.Parse(limit.Groups[1].Value, CultureInfo.InvariantCulture)].Value;
        }

        return text[$"Problem.{error.Problem}"].Value;
    }

    [GeneratedRegex(@"^The timer ran for (\d+) minutes", RegexOptions.CultureInvariant)]
    private static partial Regex TimerLimit();
}

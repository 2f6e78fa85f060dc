using System.Text.Json.Serialization;

namespace Hearth.Web.Features.QualityTime;

public sealed record StopTimerInput(int? ConfirmedMinutes);

public sealed record ManualTimeInput(string? Date, int? Minutes);

public sealed record TimerView(bool Running, DateTimeOffset? StartedAt, bool StartedByYou, int ElapsedMinutes);

public sealed record DayView(string Date, int Minutes, bool ReachedGoal);

public sealed record WeekView(string Start, string End, IReadOnlyList<DayView> Days, int TotalMinutes, int DaysTogether, int DaysReachingGoal, string Summary);

public sealed record TimeEntryView(Guid Id, string Date, int Minutes, TimeEntrySource Source, bool LoggedByYou);

public sealed record QualityTimeView(
    string Today,
    int TodayMinutes,
    int GoalMinutes,
    TimerView Timer,
    WeekView Week,
    IReadOnlyList<TimeEntryView> Entries);

/// <summary>How a time-together entry was logged.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TimeEntrySource>))]
public enum TimeEntrySource
{
    [JsonStringEnumMemberName("timer")]
    Timer,

    [JsonStringEnumMemberName("manual")]
    Manual,
}

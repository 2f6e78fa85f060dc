namespace Hearth.Core.QualityTime;

/// <summary>The minutes of focused time a pair agrees to aim for on a day. A goal to enjoy, never a test.</summary>
public readonly record struct DailyGoal
{
    public const int DefaultMinutes = 20;
    public const int MinMinutes = 10;
    public const int MaxMinutes = 120;

    private DailyGoal(int minutes) => Minutes = minutes;

    /// <summary>The research-backed default: 20 focused minutes a day.</summary>
    public static DailyGoal Default { get; } = new(DefaultMinutes);

    public int Minutes { get; }

    /// <summary>A goal both members agreed on, from <see cref="MinMinutes"/> to <see cref="MaxMinutes"/> minutes.</summary>
    public static QualityTimeResult<DailyGoal> Create(int minutes) =>
        minutes is >= MinMinutes and <= MaxMinutes
            ? QualityTimeResult<DailyGoal>.Ok(new DailyGoal(minutes))
            : QualityTimeResult<DailyGoal>.Fail(
                QualityTimeProblem.GoalOutOfRange,
                $"Pick a daily goal between {MinMinutes} and {MaxMinutes} minutes. Even {MinMinutes} minutes together makes a difference.");
}

namespace Hearth.Core.QualityTime;

/// <summary>Why a quality-time action was refused, or needs a second look.</summary>
public enum QualityTimeProblem
{
    /// <summary>Start was pressed while the timer was already running.</summary>
    AlreadyRunning = 1,

    /// <summary>Stop was pressed while no timer was running (for example, stopping twice).</summary>
    NotRunning = 2,

    /// <summary>The stop time is before the start time (a device clock is off).</summary>
    StopBeforeStart = 3,

    /// <summary>The timer ran longer than <see cref="QualityTimer.ConfirmAfter"/>: the pair is asked how long it really was.</summary>
    NeedsConfirmation = 4,

    /// <summary>A negative number of minutes.</summary>
    NegativeMinutes = 5,

    /// <summary>Zero minutes.</summary>
    ZeroMinutes = 6,

    /// <summary>More minutes than a day holds, or more than the timer ran.</summary>
    TooManyMinutes = 7,

    /// <summary>A date that has not happened yet.</summary>
    DateInFuture = 8,

    /// <summary>A daily goal outside the range the pair may agree on.</summary>
    GoalOutOfRange = 9,
}

/// <summary>A refusal with a specific, friendly message that can be shown as it is.</summary>
public sealed record QualityTimeError(QualityTimeProblem Problem, string Message);

/// <summary>Either a value or an error; never both.</summary>
public sealed record QualityTimeResult<T>
{
    private QualityTimeResult(T? value, QualityTimeError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public QualityTimeError? Error { get; }

    public bool IsOk => Error is null;

    public static QualityTimeResult<T> Ok(T value) => new(value, null);

    public static QualityTimeResult<T> Fail(QualityTimeProblem problem, string message) => new(default, new QualityTimeError(problem, message));
}

using NodaTime;

namespace Hearth.Core.QualityTime;

public enum TimerStopStatus
{
    /// <summary>The session was recorded and the timer is idle again.</summary>
    Recorded = 1,

    /// <summary>The timer ran unusually long; nothing changed until the pair confirms the minutes.</summary>
    NeedsConfirmation = 2,

    /// <summary>Nothing to stop, or the times do not make sense; nothing changed.</summary>
    Refused = 3,
}

/// <summary>The outcome of pressing stop.</summary>
/// <param name="Status">Recorded, needs confirmation, or refused.</param>
/// <param name="Entry">The recorded session, when <see cref="TimerStopStatus.Recorded"/>.</param>
/// <param name="Timer">The timer state to store afterwards (idle once recorded, unchanged otherwise).</param>
/// <param name="Elapsed">How long the timer ran, as measured from its stored start.</param>
/// <param name="Error">Why it was not recorded, with a message to show.</param>
public sealed record TimerStopResult(
    TimerStopStatus Status,
    QualityTimeEntry? Entry,
    QualityTimer Timer,
    Duration Elapsed,
    QualityTimeError? Error);

/// <summary>
/// A quality-time timer that stores only its start instant, never a running counter. It keeps working
/// with the screen off, across devices and across server restarts: rebuild it from the stored start with
/// <c>new QualityTimer(storedStart)</c> and the elapsed time is simply now minus start.
/// </summary>
/// <param name="StartedAt">When it started (UTC), or null when idle. This is the only thing to store.</param>
public sealed record QualityTimer(Instant? StartedAt)
{
    /// <summary>Longer than this, stopping asks the pair how long they really spent (the timer was probably left running).</summary>
    public static readonly Duration ConfirmAfter = Duration.FromHours(12);

    public static QualityTimer Idle { get; } = new((Instant?)null);

    public bool IsRunning => StartedAt.HasValue;

    /// <summary>Time since the start, or zero when idle (or when a device clock is behind the start).</summary>
    public Duration Elapsed(Instant now) =>
        StartedAt is { } start && now > start ? now - start : Duration.Zero;

    public QualityTimeResult<QualityTimer> Start(Instant now) =>
        IsRunning
            ? QualityTimeResult<QualityTimer>.Fail(
                QualityTimeProblem.AlreadyRunning,
                "The timer is already running. Enjoy your time together, and stop it when you are done.")
            : QualityTimeResult<QualityTimer>.Ok(new QualityTimer(now));

    /// <summary>
    /// Stops the timer. Stopping an idle timer (for example, a second time) is refused with
    /// <see cref="QualityTimeProblem.NotRunning"/>. A run longer than <see cref="ConfirmAfter"/> is not
    /// recorded until the pair confirms the minutes with <paramref name="confirmedMinutes"/>, which may be
    /// anything from 1 up to the elapsed time (and never more than a day).
    /// </summary>
    public TimerStopResult Stop(Instant now, int? confirmedMinutes = null)
    {
        if (StartedAt is not { } start)
        {
            return Refused(QualityTimeProblem.NotRunning,
                "The timer is not running, so there is nothing to stop. If it was stopped on another device, that time is already saved.");
        }

        if (now < start)
        {
            return Refused(QualityTimeProblem.StopBeforeStart,
                "The stop time comes before the start time, so a device clock may be off. You can add the minutes by hand instead.");
        }

        var elapsed = now - start;
        if (confirmedMinutes is null)
        {
            return elapsed > ConfirmAfter
                ? new TimerStopResult(
                    TimerStopStatus.NeedsConfirmation,
                    null,
                    this,
                    elapsed,
                    new QualityTimeError(
                        QualityTimeProblem.NeedsConfirmation,
                        "The timer ran for more than 12 hours, so it may have kept going by accident. About how many minutes did you spend together?"))
                : Recorded(start, elapsed, elapsed);
        }

        var maxMinutes = Math.Min((int)Math.Ceiling(elapsed.TotalMinutes), QualityTimeLog.MaxMinutesPerEntry);
        var problem = QualityTimeLog.CheckMinutes(confirmedMinutes.Value, maxMinutes);
        return problem is null
            ? Recorded(start, Duration.FromMinutes(confirmedMinutes.Value), elapsed)
            : new TimerStopResult(TimerStopStatus.Refused, null, this, elapsed, problem);

        TimerStopResult Refused(QualityTimeProblem p, string message) =>
            new(TimerStopStatus.Refused, null, this, Elapsed(now), new QualityTimeError(p, message));
    }

    private static TimerStopResult Recorded(Instant start, Duration length, Duration elapsed) =>
        new(TimerStopStatus.Recorded, QualityTimeEntry.FromTimer(start, length), Idle, elapsed, null);
}

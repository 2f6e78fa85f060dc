using NodaTime;

namespace Hearth.Core.QualityTime;

public enum QualityTimeSource
{
    /// <summary>Measured with the start/stop timer.</summary>
    Timer = 1,

    /// <summary>Typed in by hand, as minutes on a day.</summary>
    Manual = 2,
}

/// <summary>
/// A stretch of focused time together. Timer entries keep their start instant; manual entries keep
/// the local day the pair named. Either way, the entry belongs to exactly one local day.
/// </summary>
public sealed record QualityTimeEntry
{
    private QualityTimeEntry(QualityTimeSource source, Instant? startedAt, LocalDate? day, Duration length)
    {
        Source = source;
        StartedAt = startedAt;
        Day = day;
        Length = length;
    }

    public QualityTimeSource Source { get; }

    /// <summary>When a timer entry started (UTC instant); null for manual entries.</summary>
    public Instant? StartedAt { get; }

    /// <summary>The day a manual entry was logged for; null for timer entries.</summary>
    public LocalDate? Day { get; }

    public Duration Length { get; }

    /// <summary>Whole minutes (partial minutes are not counted).</summary>
    public int Minutes => (int)Math.Floor(Length.TotalMinutes);

    public static QualityTimeEntry FromTimer(Instant startedAt, Duration length) =>
        new(QualityTimeSource.Timer, startedAt, null, length < Duration.Zero ? Duration.Zero : length);

    internal static QualityTimeEntry FromManual(LocalDate day, int minutes) =>
        new(QualityTimeSource.Manual, null, day, Duration.FromMinutes(minutes));

    /// <summary>
    /// The local day this entry counts toward, in the pair's time zone. A timer session that crosses
    /// local midnight counts wholly toward the day it started: one sitting is one moment together,
    /// and splitting it would make both days look smaller than they felt.
    /// </summary>
    public LocalDate LocalDayIn(DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Day ?? StartedAt!.Value.InZone(zone).Date;
    }
}

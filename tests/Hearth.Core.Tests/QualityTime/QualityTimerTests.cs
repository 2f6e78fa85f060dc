using Hearth.Core.QualityTime;
using NodaTime;

namespace Hearth.Core.Tests.QualityTime;

public sealed class QualityTimerTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 5, 4, 18, 0);

    [Fact]
    public void Starting_stores_only_the_start_instant()
    {
        var started = QualityTimer.Idle.Start(T0);
        Assert.True(started.IsOk);
        Assert.Equal(new QualityTimer(T0), started.Value);
        Assert.True(started.Value!.IsRunning);
        Assert.Equal(Duration.FromMinutes(25), started.Value.Elapsed(T0 + Duration.FromMinutes(25)));
    }

    [Fact]
    public void A_timer_rebuilt_from_the_stored_start_after_a_restart_measures_the_whole_time()
    {
        var stored = QualityTimer.Idle.Start(T0).Value!.StartedAt; // what the server keeps

        // The server restarts; the screen was off; a new object is made from the stored start.
        var restored = new QualityTimer(stored);
        var result = restored.Stop(T0 + Duration.FromMinutes(47));

        Assert.Equal(TimerStopStatus.Recorded, result.Status);
        Assert.Equal(47, result.Entry!.Minutes);
        Assert.Equal(T0, result.Entry.StartedAt);
        Assert.Equal(QualityTimeSource.Timer, result.Entry.Source);
        Assert.False(result.Timer.IsRunning);
    }

    [Fact]
    public void Stopping_twice_is_a_clear_error_and_records_nothing()
    {
        var first = new QualityTimer(T0).Stop(T0 + Duration.FromMinutes(20));
        Assert.Equal(TimerStopStatus.Recorded, first.Status);

        var second = first.Timer.Stop(T0 + Duration.FromMinutes(21));
        Assert.Equal(TimerStopStatus.Refused, second.Status);
        Assert.Equal(QualityTimeProblem.NotRunning, second.Error!.Problem);
        Assert.Contains("not running", second.Error.Message, StringComparison.Ordinal);
        Assert.Null(second.Entry);

        // The same after a restart: the stored state is "idle".
        Assert.Equal(QualityTimeProblem.NotRunning, new QualityTimer(null).Stop(T0).Error!.Problem);
    }

    [Fact]
    public void Starting_a_running_timer_is_refused_and_keeps_the_original_start()
    {
        var timer = new QualityTimer(T0);
        var again = timer.Start(T0 + Duration.FromMinutes(5));
        Assert.False(again.IsOk);
        Assert.Equal(QualityTimeProblem.AlreadyRunning, again.Error!.Problem);
        Assert.Equal(T0, timer.StartedAt);
    }

    [Fact]
    public void A_stop_before_the_start_is_refused()
    {
        var result = new QualityTimer(T0).Stop(T0 - Duration.FromMinutes(3));
        Assert.Equal(TimerStopStatus.Refused, result.Status);
        Assert.Equal(QualityTimeProblem.StopBeforeStart, result.Error!.Problem);
        Assert.True(result.Timer.IsRunning);
    }

    [Fact]
    public void Up_to_twelve_hours_is_recorded_directly()
    {
        var result = new QualityTimer(T0).Stop(T0 + QualityTimer.ConfirmAfter);
        Assert.Equal(TimerStopStatus.Recorded, result.Status);
        Assert.Equal(720, result.Entry!.Minutes);
    }

    [Fact]
    public void Over_twelve_hours_asks_to_confirm_and_keeps_the_timer_running()
    {
        var timer = new QualityTimer(T0);
        var result = timer.Stop(T0 + Duration.FromHours(30));

        Assert.Equal(TimerStopStatus.NeedsConfirmation, result.Status);
        Assert.Equal(QualityTimeProblem.NeedsConfirmation, result.Error!.Problem);
        Assert.Contains("12 hours", result.Error.Message, StringComparison.Ordinal);
        Assert.Null(result.Entry);
        Assert.Equal(timer, result.Timer);
        Assert.Equal(Duration.FromHours(30), result.Elapsed);
    }

    [Fact]
    public void Confirmed_minutes_are_recorded_from_the_original_start()
    {
        var result = new QualityTimer(T0).Stop(T0 + Duration.FromHours(30), confirmedMinutes: 90);
        Assert.Equal(TimerStopStatus.Recorded, result.Status);
        Assert.Equal(90, result.Entry!.Minutes);
        Assert.Equal(T0, result.Entry.StartedAt);
        Assert.False(result.Timer.IsRunning);
    }

    [Theory]
    [InlineData(-5, QualityTimeProblem.NegativeMinutes)]
    [InlineData(0, QualityTimeProblem.ZeroMinutes)]
    [InlineData(1441, QualityTimeProblem.TooManyMinutes)]
    public void Confirmed_minutes_are_checked(int minutes, QualityTimeProblem expected)
    {
        var result = new QualityTimer(T0).Stop(T0 + Duration.FromHours(30), confirmedMinutes: minutes);
        Assert.Equal(TimerStopStatus.Refused, result.Status);
        Assert.Equal(expected, result.Error!.Problem);
        Assert.True(result.Timer.IsRunning);
    }

    [Fact]
    public void Confirmed_minutes_cannot_exceed_what_the_timer_ran()
    {
        var result = new QualityTimer(T0).Stop(T0 + Duration.FromMinutes(30), confirmedMinutes: 45);
        Assert.Equal(QualityTimeProblem.TooManyMinutes, result.Error!.Problem);
        Assert.Equal("The timer ran for 30 minutes, so please enter 30 or fewer.", result.Error.Message);
    }
}

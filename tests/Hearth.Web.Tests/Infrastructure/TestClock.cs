namespace Hearth.Web.Tests.Infrastructure;

/// <summary>A clock the tests move by hand: no sleeps, no waiting for real time.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}

using Hearth.Core.Accounts;

namespace Hearth.Core.Tests.Accounts;

public class SignInThrottleTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    public void The_first_few_failures_cost_nothing(int failures) =>
        Assert.True(SignInThrottle.Evaluate(failures, Now, Now).Allowed);

    [Fact]
    public void After_five_failures_the_next_try_waits_thirty_seconds()
    {
        var decision = SignInThrottle.Evaluate(5, Now, Now.AddSeconds(10));
        Assert.False(decision.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(20), decision.RetryAfter);
        Assert.True(SignInThrottle.Evaluate(5, Now, Now.AddSeconds(30)).Allowed);
    }

    [Theory]
    [InlineData(5, 30)]
    [InlineData(6, 60)]
    [InlineData(7, 120)]
    [InlineData(10, 960)]
    [InlineData(12, 3600)]
    [InlineData(99, 3600)]
    public void The_wait_doubles_and_is_capped_at_an_hour(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SignInThrottle.WaitAfter(failures));

    [Fact]
    public void One_hundred_consecutive_failures_lock_the_account_until_a_reset()
    {
        var decision = SignInThrottle.Evaluate(SignInThrottle.MaxConsecutiveFailures, Now, Now.AddDays(10));
        Assert.False(decision.Allowed);
        Assert.True(decision.LockedUntilReset);
        Assert.False(SignInThrottle.Evaluate(99, Now, Now.AddDays(10)).LockedUntilReset);
    }
}

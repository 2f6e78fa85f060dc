namespace Hearth.Core.Accounts;

/// <summary>What the throttle allows for the next sign-in attempt on one account.</summary>
public sealed record ThrottleDecision(bool Allowed, TimeSpan RetryAfter, bool LockedUntilReset)
{
    public static ThrottleDecision Allow { get; } = new(true, TimeSpan.Zero, false);
}

/// <summary>
/// Per-account throttling of failed sign-ins (NIST SP 800-63B-4 §3.2.2): a few free tries,
/// then a growing wait between tries, and after <see cref="MaxConsecutiveFailures"/> consecutive
/// failures the account signs in only after a passphrase reset. Callers answer a refusal with
/// HTTP 429 and a Retry-After header.
/// </summary>
public static class SignInThrottle
{
    /// <summary>Failures allowed before any wait: enough for typos, too few for guessing.</summary>
    public const int FreeFailures = 5;

    /// <summary>NIST caps consecutive failed attempts on one account at 100.</summary>
    public const int MaxConsecutiveFailures = 100;

    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    public static ThrottleDecision Evaluate(int consecutiveFailures, DateTimeOffset? lastFailureAt, DateTimeOffset now)
    {
        if (consecutiveFailures >= MaxConsecutiveFailures)
        {
            return new ThrottleDecision(false, LongestWait, LockedUntilReset: true);
        }

        if (consecutiveFailures < FreeFailures || lastFailureAt is null)
        {
            return ThrottleDecision.Allow;
        }

        var wait = WaitAfter(consecutiveFailures);
        var readyAt = lastFailureAt.Value + wait;
        return now >= readyAt
            ? ThrottleDecision.Allow
            : new ThrottleDecision(false, readyAt - now, LockedUntilReset: false);
    }

    /// <summary>30 s after the fifth failure, doubling with each further one, at most an hour.</summary>
    public static TimeSpan WaitAfter(int consecutiveFailures)
    {
        if (consecutiveFailures < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(consecutiveFailures - FreeFailures, 20);
        var seconds = 30d * Math.Pow(2, doublings);
        return TimeSpan.FromSeconds(Math.Min(seconds, LongestWait.TotalSeconds));
    }
}

using Hearth.Core.Accounts;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Hearth.Web.Security;

/// <summary>
/// The one per-account throttle (<see cref="SignInThrottle"/>) for every place that checks a
/// passphrase or code: signing in, the second step, "is it still you?", deleting the account.
/// Failures anywhere count toward the same wait, so a held phone cannot guess its way through
/// another door.
/// </summary>
public sealed class AccountThrottle(UserManager<HearthUser> users, TimeProvider clock)
{
    /// <summary>A 429 refusal with Retry-After if this account must wait now; otherwise null.</summary>
    /// <param name="afterwards">A sentence added to the refusal, such as "Nothing has been deleted."</param>
    public Outcome<T>? Refusal<T>(HearthUser user, string? afterwards = null)
    {
        var decision = SignInThrottle.Evaluate(user.ConsecutiveFailedSignIns, user.LastFailedSignInAt, clock.GetUtcNow());
        if (decision.Allowed)
        {
            return null;
        }

        var detail = decision.LockedUntilReset
            ? "For safety, this account needs a passphrase reset before it can sign in again. Use \"Forgot your passphrase?\"."
            : $"There have been several wrong tries. Please wait {Describe(decision.RetryAfter)} and try again.";
        return Outcome<T>.Refused(429, "Too many tries", afterwards is null ? detail : $"{detail} {afterwards}", decision.RetryAfter);
    }

    public async Task RecordFailureAsync(HearthUser user)
    {
        user.ConsecutiveFailedSignIns++;
        user.LastFailedSignInAt = clock.GetUtcNow();
        await users.UpdateAsync(user);
    }

    public async Task ClearAsync(HearthUser user)
    {
        if (user.ConsecutiveFailedSignIns == 0 && user.LastFailedSignInAt is null)
        {
            return;
        }

        user.ConsecutiveFailedSignIns = 0;
        user.LastFailedSignInAt = null;
        await users.UpdateAsync(user);
    }

    private static string Describe(TimeSpan wait) =>
        wait.TotalMinutes >= 1 ? $"about {Math.Ceiling(wait.TotalMinutes)} minute(s)" : $"{Math.Ceiling(wait.TotalSeconds)} seconds";
}

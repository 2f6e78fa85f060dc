using Hearth.Core.Accounts;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Languages;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Security;

/// <summary>
/// The one per-account throttle (<see cref="SignInThrottle"/>) for every place that checks a
/// passphrase or code: signing in, the second step, "is it still you?", turning the second step on
/// or off, deleting the account. Failures at any of them count toward the same wait, so a held phone
/// cannot guess its way through another door.
/// <para>
/// Each try is counted (reserved) before the secret is checked, in one atomic statement
/// (<see cref="AttemptCounters"/>), and the count is lifted only by a success. Counts are kept per
/// e-mail address as typed (a keyed hash: unknown addresses count exactly like known ones) and per
/// client: a device that signed in to the account before (<see cref="DeviceCookies"/>) has its own
/// count; every other client shares one. See docs/adr/0011-one-throttle-and-device-cookies.md.
/// </para>
/// </summary>
public sealed class AccountThrottle(AttemptCounters counters, ThrottleKeys keys, DeviceCookies devices, IHttpContextAccessor http, IStringLocalizer<SecurityText> text)
{
    /// <summary>
    /// Counts one try for <paramref name="email"/> from this client. Null when the secret may now be
    /// checked; otherwise the 429 refusal (with Retry-After) to answer instead, the same whether or not
    /// the address has an account.
    /// </summary>
    /// <param name="afterwards">A sentence added to the refusal, such as "Nothing has been deleted."</param>
    public async Task<Outcome<T>?> ReserveAsync<T>(string email, string? afterwards = null, CancellationToken ct = default)
    {
        var decision = await counters.TryReserveAsync(await CounterKeyAsync(email, ct), ct);
        if (decision.Allowed)
        {
            return null;
        }

        string detail = decision.LockedUntilReset
            ? text["ResetNeededDetail"]
            : text["WrongTriesDetail", Describe(decision.RetryAfter)];
        return Outcome<T>.Refused(429, text["TooManyTriesTitle"], afterwards is null ? detail : $"{detail} {afterwards}", decision.RetryAfter);
    }

    /// <inheritdoc cref="ReserveAsync{T}(string, string?, CancellationToken)"/>
    public Task<Outcome<T>?> ReserveAsync<T>(HearthUser user, string? afterwards = null, CancellationToken ct = default) =>
        ReserveAsync<T>(user.Email ?? user.Id.ToString(), afterwards, ct);

    /// <summary>The secret was right: this client's count starts again.</summary>
    public async Task SucceededAsync(HearthUser user, CancellationToken ct = default) =>
        await counters.ClearAsync(await CounterKeyAsync(user.Email ?? user.Id.ToString(), ct), ct);

    /// <summary>Signed in: this client's count starts again and the browser becomes a known device of the account.</summary>
    public async Task SignedInAsync(HearthUser user, CancellationToken ct = default)
    {
        await SucceededAsync(user, ct);
        if (http.HttpContext is { } context)
        {
            devices.Issue(context, await keys.ForEmailAsync(user.Email ?? user.Id.ToString(), ct));
        }
    }

    /// <summary>A new passphrase (by the e-mailed reset) lifts every count of the account, on every client.</summary>
    public async Task ResetAsync(HearthUser user, CancellationToken ct = default)
    {
        var account = await keys.ForEmailAsync(user.Email ?? user.Id.ToString(), ct);
        await counters.ClearAsync("s:" + account, ct);
        await counters.ClearStartingWithAsync($"d:{account}:", ct);
    }

    private async Task<string> CounterKeyAsync(string email, CancellationToken ct)
    {
        var account = await keys.ForEmailAsync(email, ct);
        return http.HttpContext is { } context && devices.DeviceFor(context.Request, account) is { } device
            ? $"d:{account}:{device}"
            : "s:" + account;
    }

    private string Describe(TimeSpan wait) =>
        wait.TotalMinutes >= 1
            ? text.Plural("WaitMinutes", (long)Math.Ceiling(wait.TotalMinutes))
            : text.Plural("WaitSeconds", (long)Math.Ceiling(wait.TotalSeconds));
}

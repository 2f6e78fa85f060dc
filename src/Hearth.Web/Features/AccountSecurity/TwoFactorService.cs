using System.Globalization;
using Hearth.Core.Accounts;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.AccountSecurity;

/// <summary>
/// A second step at sign-in with an authenticator app (TOTP), plus one-time recovery codes.
/// The first step (the passphrase) leaves a short-lived, encrypted "second step" cookie naming the
/// account; the code completes the sign-in. Codes are accepted once each (see <see cref="Totp"/>).
/// </summary>
public sealed class TwoFactorService(UserManager<HearthUser> users, HearthDbContext db, CurrentMember current, IDataProtectionProvider dataProtection, TimeProvider clock, AccountThrottle throttle, IStringLocalizer<AccountSecurityText> text) : Accounts.ISecondSignInStep
{
    public const string PendingCookie = "__Host-hearth-2step";
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(5);
    private const string Issuer = "Hearth";

    private readonly IDataProtector pending = dataProtection.CreateProtector("Hearth.SignIn.SecondStep.v1");

    public async Task<TwoFactorStatus> StatusAsync()
    {
        var user = await MeAsync();
        return new TwoFactorStatus(user.TwoFactorEnabled, user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0);
    }

    /// <summary>The key to type or scan into an authenticator app (a new one if none yet).</summary>
    public async Task<Outcome<TwoFactorSetup>> SetupAsync()
    {
        // Under the account's lock (ADR 55): two setups at once (two tabs, a double tap) make one key,
        // so the app scanned from either page is the one the account checks.
        await using var tx = await db.Database.BeginTransactionAsync();
        await RowLock.AccountAsync(db, current.RequireUserId(), default);
        var user = await MeAsync();
        await db.Entry(user).ReloadAsync();
        if (user.TwoFactorEnabled)
        {
            return Outcome<TwoFactorSetup>.Refused(409, text["AlreadyOnTitle"], text["AlreadyOnSetup"]);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        await tx.CommitAsync();

        var grouped = string.Join(' ', Enumerable.Range(0, (key!.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4)))).ToArray()).ToLowerInvariant();
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits={Totp.Digits}";
        return Outcome<TwoFactorSetup>.Ok(new TwoFactorSetup(grouped, uri));
    }

    public async Task<Outcome<RecoveryCodes>> EnableAsync(EnableTwoFactorInput input)
    {
        var user = await MeAsync();
        if (user.TwoFactorEnabled)
        {
            return Outcome<RecoveryCodes>.Refused(409, text["AlreadyOnTitle"], text["AlreadyOn"]);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            return Outcome<RecoveryCodes>.Refused(409, text["NoKeyTitle"], text["NoKey"]);
        }

        // A code check like any other: through the one throttle.
        if (await throttle.ReserveAsync<RecoveryCodes>(user) is { } wait)
        {
            return wait;
        }

        if (!await AcceptCodeAsync(user, key, input.Code))
        {
            return Outcome<RecoveryCodes>.Invalid("code", text["CodeWrong"]);
        }

        await throttle.SucceededAsync(user);

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        return Outcome<RecoveryCodes>.Ok(new RecoveryCodes(codes!.ToList()));
    }

    public async Task<Outcome<Done>> DisableAsync(DisableTwoFactorInput input)
    {
        var user = await MeAsync();
        if (string.IsNullOrEmpty(input.Passphrase))
        {
            return Outcome<Done>.Invalid("passphrase", text["PassphraseToDisable"]);
        }

        // A passphrase check like any other: through the one throttle.
        if (await throttle.ReserveAsync<Done>(user) is { } wait)
        {
            return wait;
        }

        if (!await users.CheckPasswordAsync(user, input.Passphrase))
        {
            return Outcome<Done>.Invalid("passphrase", text["PassphraseWrong"]);
        }

        await throttle.SucceededAsync(user);

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        return Outcome<Done>.Ok(default);
    }

    /// <summary>After a correct passphrase: remember, for five minutes, whose second step is due.</summary>
    public void BeginSecondStep(HttpResponse response, HearthUser user)
    {
        var expires = clock.GetUtcNow() + PendingLifetime;
        var payload = string.Create(CultureInfo.InvariantCulture, $"{user.Id:N}|{expires.UtcTicks}|{user.SecurityStamp}");
        response.Cookies.Append(PendingCookie, pending.Protect(payload), new CookieOptions
        {
            Secure = true,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
        });
    }

    public static void EndSecondStep(HttpResponse response) =>
        response.Cookies.Delete(PendingCookie, new CookieOptions { Secure = true, Path = "/", SameSite = SameSiteMode.Strict });

    void Accounts.ISecondSignInStep.EndSecondStep(HttpResponse response) => EndSecondStep(response);

    /// <summary>The account whose second step is due, if the cookie is present, genuine and fresh.</summary>
    public async Task<HearthUser?> PendingUserAsync(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(PendingCookie, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        string[] parts;
        try
        {
            parts = pending.Unprotect(value).Split('|');
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out var userId)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || clock.GetUtcNow().UtcTicks > ticks)
        {
            return null;
        }

        var user = await users.FindByIdAsync(userId.ToString());
        return user is not null && user.TwoFactorEnabled && string.Equals(user.SecurityStamp, parts[2], StringComparison.Ordinal) ? user : null;
    }

    /// <summary>An authenticator code (once only) or one of the recovery codes (used up).</summary>
    public async Task<bool> CheckSecondFactorAsync(HearthUser user, string? code)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (!string.IsNullOrEmpty(key) && await AcceptCodeAsync(user, key, code))
        {
            return true;
        }

        var recovery = (code ?? "").Trim();
        return recovery.Length is > 6 and < 40 && (await users.RedeemTwoFactorRecoveryCodeAsync(user, recovery)).Succeeded;
    }

    private async Task<bool> AcceptCodeAsync(HearthUser user, string key, string? code)
    {
        var step = Totp.Verify(Totp.FromBase32(key), code, clock.GetUtcNow(), user.LastTotpStep);
        if (step is null)
        {
            return false;
        }

        user.LastTotpStep = step;
        await users.UpdateAsync(user);
        return true;
    }

    private async Task<HearthUser> MeAsync() =>
        await users.FindByIdAsync(current.RequireUserId().ToString()) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
}

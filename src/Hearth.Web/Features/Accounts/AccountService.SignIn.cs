using System.Security.Claims;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Security;

namespace Hearth.Web.Features.Accounts;

/// <summary>Signing in and out: the passphrase with per-account throttling, the second step, "is it still you?", server-side sign-out.</summary>
public sealed partial class AccountService
{
    public async Task<Outcome<AccountView>> SignInAsync(SignInInput input, string? userAgent, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var email = NormaliseEmail(input.Email, errors, "email");
        if (string.IsNullOrEmpty(input.Password))
        {
            errors.Add("password", text["PassphraseMissing"]);
        }

        if (errors.Any)
        {
            return errors.ToOutcome<AccountView>();
        }

        // Counted before anything is looked up, per address as typed: an address without an account
        // meets the very same counts, waits and answers as one with an account.
        if (await throttle.ReserveAsync<AccountView>(email!, ct: ct) is { } wait)
        {
            return wait;
        }

        var user = await users.FindByEmailAsync(email!);
        if (user is null)
        {
            // Spend about the same time as a real check, so timing does not tell who has an account.
            users.PasswordHasher.VerifyHashedPassword(new HearthUser(), DummyHash.Value, input.Password!);
            return Outcome<AccountView>.Refused(401, "Not signed in", WrongCredentials);
        }

        if (!await users.CheckPasswordAsync(user, input.Password!))
        {
            return Outcome<AccountView>.Refused(401, "Not signed in", WrongCredentials);
        }

        if (user.TwoFactorEnabled)
        {
            twoFactor.BeginSecondStep(http.HttpContext!.Response, user);
            return Outcome<AccountView>.Refused(401, SecondStepTitle, text["SecondStepNeeded"]);
        }

        return await CompleteSignInAsync(user, userAgent, ct);
    }

    /// <summary>The second step: an authenticator or recovery code for the account whose passphrase was just right.</summary>
    public async Task<Outcome<AccountView>> SignInSecondStepAsync(SecondStepInput input, string? userAgent, CancellationToken ct = default)
    {
        var context = http.HttpContext!;
        var user = await twoFactor.PendingUserAsync(context.Request);
        if (user is null)
        {
            return Outcome<AccountView>.Refused(401, "Not signed in", text["SecondStepExpired"]);
        }

        // The passphrase's own try stays counted until the code is right too, so knowing the
        // passphrase does not buy fresh tries at the code.
        if (await throttle.ReserveAsync<AccountView>(user, ct: ct) is { } wait)
        {
            return wait;
        }

        if (!await twoFactor.CheckSecondFactorAsync(user, input.Code))
        {
            return Outcome<AccountView>.Invalid("code", text["CodeWrong"]);
        }

        twoFactor.EndSecondStep(context.Response);
        return await CompleteSignInAsync(user, userAgent, ct);
    }

    /// <summary>Every way in ends here: lift the throttle, start a server-side session, issue the cookie.</summary>
    internal async Task<Outcome<AccountView>> CompleteSignInAsync(HearthUser user, string? userAgent, CancellationToken ct)
    {
        // Paused by the operator (`hearth users disable`): only once the passphrase or passkey was right, so it tells nobody else.
        if (await users.IsLockedOutAsync(user))
        {
            return Outcome<AccountView>.Refused(401, "Not signed in", text["AccountPaused"]);
        }

        await throttle.SignedInAsync(user, ct);

        var sessionId = await sessions.StartAsync(user.Id, userAgent, ct);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false,
        [
            new Claim(CurrentMember.SessionClaim, sessionId.ToString()),
            new Claim(CurrentMember.SignedInAtClaim, clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        return Outcome<AccountView>.Ok(View(user));
    }

    /// <summary>"Is it still you?": the passphrase again, after a pause, before private history opens.</summary>
    public async Task<Outcome<Done>> ConfirmAsync(ConfirmInput input, CancellationToken ct = default)
    {
        var userId = current.RequireUserId();
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || current.SessionId is not { } sessionId)
        {
            return Outcome<Done>.Refused(401, "Not signed in", text["SignInAgain"]);
        }

        if (await throttle.ReserveAsync<Done>(user, ct: ct) is { } wait)
        {
            return wait;
        }

        if (string.IsNullOrEmpty(input.Passphrase) || !await users.CheckPasswordAsync(user, input.Passphrase))
        {
            return Outcome<Done>.Invalid("passphrase", text["ConfirmWrong"]);
        }

        await throttle.SucceededAsync(user, ct);

        await sessions.ConfirmAsync(userId, sessionId, ct);
        return Outcome<Done>.Ok(default);
    }

    /// <summary>Ends this session on the server, then drops the cookie.</summary>
    public async Task SignOutAsync(CancellationToken ct = default)
    {
        if (current.UserId is { } userId && current.SessionId is { } sessionId)
        {
            await sessions.EndAsync(userId, sessionId, ct);
        }

        await signIn.SignOutAsync();
    }
}

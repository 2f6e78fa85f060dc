using System.Net.Mail;
using System.Security.Claims;
using Hearth.Core.Accounts;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Features.Email;
using Hearth.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Hearth.Web.Features.Accounts;

/// <summary>Accounts: sign-up, sign-in with per-account throttling (<see cref="AccountThrottle"/>), server-side sign-out, passphrase reset.</summary>
public sealed class AccountService(
    UserManager<HearthUser> users,
    SignInManager<HearthUser> signIn,
    SessionStore sessions,
    CurrentMember current,
    IMailer mailer,
    Emails emails,
    TimeProvider clock,
    ISecondSignInStep twoFactor,
    IHttpContextAccessor http,
    Data.Encryption.MemberKeyring keyring,
    AccountThrottle throttle,
    ILogger<AccountService> log)
{
    /// <summary>The title of the answer that asks for the authenticator code (pages look for it).</summary>
    public const string SecondStepTitle = "One more step";

    private const string WrongCredentials = "That e-mail and passphrase don't match an account. Check both and try again.";

    public async Task<Outcome<AccountView>> RegisterAsync(RegisterInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var email = NormaliseEmail(input.Email, errors, "email");
        var name = input.DisplayName?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add("displayName", "Please tell us what to call you. A first name or nickname is fine.");
        }
        else if (name.Length > Limits.DisplayName)
        {
            errors.Add("displayName", $"Please keep your name to {Limits.DisplayName} characters or fewer.");
        }

        if (string.IsNullOrEmpty(input.Password))
        {
            errors.Add("password", PassphrasePolicy.Explain(PassphraseProblem.Empty));
        }

        if (errors.Any)
        {
            return errors.ToOutcome<AccountView>();
        }

        if (await users.FindByEmailAsync(email!) is not null)
        {
            return Outcome<AccountView>.Invalid("email", "There is already an account with this e-mail. Sign in, or reset your passphrase if you have forgotten it.");
        }

        var user = new HearthUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            DisplayName = name,
            CreatedAt = clock.GetUtcNow(),
            TimeZoneId = TimeZones.IsKnown(input.TimeZone) ? input.TimeZone!.Trim() : TimeZones.Default,
        };
        var result = await users.CreateAsync(user, input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                errors.Add(error.Code is PassphraseValidator.ErrorCode or "PasswordTooShort" ? "password" : "email", error.Description);
            }

            return errors.ToOutcome<AccountView>();
        }

        // The data key exists from the first moment, so first writes never race to create it.
        await keyring.GetOrCreateAsync(user.Id, ct);
        log.LogInformation("Account created");
        return Outcome<AccountView>.Ok(View(user));
    }

    public async Task<Outcome<AccountView>> SignInAsync(SignInInput input, string? userAgent, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var email = NormaliseEmail(input.Email, errors, "email");
        if (string.IsNullOrEmpty(input.Password))
        {
            errors.Add("password", "Please enter your passphrase.");
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
            return Outcome<AccountView>.Refused(401, SecondStepTitle, "Enter the 6-digit code from your authenticator app, or one of your recovery codes.");
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
            return Outcome<AccountView>.Refused(401, "Not signed in", "That took a little too long. Please start again with your e-mail and passphrase.");
        }

        // The passphrase's own try stays counted until the code is right too, so knowing the
        // passphrase does not buy fresh tries at the code.
        if (await throttle.ReserveAsync<AccountView>(user, ct: ct) is { } wait)
        {
            return wait;
        }

        if (!await twoFactor.CheckSecondFactorAsync(user, input.Code))
        {
            return Outcome<AccountView>.Invalid("code", "That code didn't work. Type the newest code from your app, or a recovery code.");
        }

        twoFactor.EndSecondStep(context.Response);
        return await CompleteSignInAsync(user, userAgent, ct);
    }

    /// <summary>Every way in ends here: lift the throttle, start a server-side session, issue the cookie.</summary>
    internal async Task<Outcome<AccountView>> CompleteSignInAsync(HearthUser user, string? userAgent, CancellationToken ct)
    {
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
            return Outcome<Done>.Refused(401, "Not signed in", "Please sign in again.");
        }

        if (await throttle.ReserveAsync<Done>(user, ct: ct) is { } wait)
        {
            return wait;
        }

        if (string.IsNullOrEmpty(input.Passphrase) || !await users.CheckPasswordAsync(user, input.Passphrase))
        {
            return Outcome<Done>.Invalid("passphrase", "That passphrase isn't right.");
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

    public async Task<AccountView?> MeAsync()
    {
        if (current.UserId is not { } id)
        {
            return null;
        }

        var user = await users.FindByIdAsync(id.ToString());
        return user is null ? null : View(user);
    }

    /// <summary>Always answers the same way, whether or not the address has an account.</summary>
    public async Task<Outcome<Done>> RequestPasswordResetAsync(ForgotPasswordInput input, string baseUrl, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var email = NormaliseEmail(input.Email, errors, "email");
        if (errors.Any)
        {
            return errors.ToOutcome<Done>();
        }

        var user = await users.FindByEmailAsync(email!);
        if (user is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = $"{baseUrl.TrimEnd('/')}/account/reset?u={user.Id:N}&code={WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token))}";
            await mailer.SendAsync(emails.PasswordReset(user.Email!, link), ct);
        }

        return Outcome<Done>.Ok(default);
    }

    public async Task<Outcome<Done>> ResetPasswordAsync(ResetPasswordInput input, CancellationToken ct = default)
    {
        const string badLink = "This reset link is not valid any more. Links work once and for a day; ask for a new one.";
        var user = input.UserId == Guid.Empty ? null : await users.FindByIdAsync(input.UserId.ToString());
        string? token = null;
        try
        {
            token = string.IsNullOrEmpty(input.Token) ? null : System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(input.Token));
        }
        catch (FormatException)
        {
            token = null;
        }

        if (user is null || token is null)
        {
            return Outcome<Done>.Refused(400, "Link not valid", badLink);
        }

        if (string.IsNullOrEmpty(input.NewPassword))
        {
            return Outcome<Done>.Invalid("newPassword", PassphrasePolicy.Explain(PassphraseProblem.Empty));
        }

        var result = await users.ResetPasswordAsync(user, token, input.NewPassword);
        if (!result.Succeeded)
        {
            var passphraseErrors = result.Errors.Where(e => e.Code is PassphraseValidator.ErrorCode).ToList();
            return passphraseErrors.Count > 0
                ? Outcome<Done>.Invalid("newPassword", passphraseErrors[0].Description)
                : Outcome<Done>.Refused(400, "Link not valid", badLink);
        }

        // A new passphrase ends every session and lifts the throttle.
        await throttle.ResetAsync(user, ct);
        await sessions.EndAllAsync(user.Id, except: null, ct);
        return Outcome<Done>.Ok(default);
    }

    private static string? NormaliseEmail(string? raw, FieldErrors errors, string field)
    {
        var email = raw?.Trim() ?? "";
        if (email.Length == 0)
        {
            errors.Add(field, "Please enter your e-mail address.");
            return null;
        }

        if (email.Length > Limits.Email || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal) && !email.EndsWith("@localhost", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(field, "That doesn't look like an e-mail address. It should look like name@example.org.");
            return null;
        }

        return email;
    }

    private static AccountView View(HearthUser user) => new(user.Id, user.Email!, user.DisplayName);

    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<HearthUser>().HashPassword(new HearthUser(), Guid.NewGuid().ToString()));
}

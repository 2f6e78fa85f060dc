using System.Net.Mail;
using Hearth.Core.Accounts;
using Hearth.Core.FreeText;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Features.Email;
using Hearth.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace Hearth.Web.Features.Accounts;

/// <summary>Accounts: sign-up, sign-in with per-account throttling (<see cref="AccountThrottle"/>), server-side sign-out, passphrase reset.</summary>
public sealed partial class AccountService(
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
        else if (TextLength.Check(name, Limits.DisplayName) is var fit && fit != TextFit.Fits)
        {
            errors.Add("displayName", fit == TextFit.TooDense ? TextLength.TooDenseMessage : $"Please keep your name to {Limits.DisplayName} characters or fewer.");
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

    public async Task<AccountView?> MeAsync()
    {
        if (current.UserId is not { } id)
        {
            return null;
        }

        var user = await users.FindByIdAsync(id.ToString());
        return user is null ? null : View(user);
    }

    private static string? NormaliseEmail(string? raw, FieldErrors errors, string field)
    {
        var email = raw?.Trim() ?? "";
        if (email.Length == 0)
        {
            errors.Add(field, "Please enter your e-mail address.");
            return null;
        }

        if (!Limits.EmailFits(email) || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal) && !email.EndsWith("@localhost", StringComparison.OrdinalIgnoreCase))
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

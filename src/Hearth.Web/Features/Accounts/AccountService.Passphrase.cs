using Hearth.Core.Accounts;
using Hearth.Web.Api;
using Hearth.Web.Features.Email;
using Hearth.Web.Security;
using Microsoft.AspNetCore.WebUtilities;

namespace Hearth.Web.Features.Accounts;

/// <summary>A forgotten passphrase: the reset e-mail (the same answer whether or not the address has an account) and the new passphrase.</summary>
public sealed partial class AccountService
{
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
}

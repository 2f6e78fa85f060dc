using Hearth.Web.Data;

namespace Hearth.Web.Features.Accounts;

public sealed record SecondStepInput(string? Code);

/// <summary>
/// The second step of signing in (an authenticator or recovery code), for accounts that turned it on.
/// Sign-in asks for it here; AccountSecurity's <c>TwoFactorService</c> provides it, so account
/// security builds on accounts and never the other way round.
/// </summary>
public interface ISecondSignInStep
{
    /// <summary>After a correct passphrase: remember, for a few minutes, whose second step is due.</summary>
    void BeginSecondStep(HttpResponse response, HearthUser user);

    /// <summary>The account whose second step is due, if it is still due.</summary>
    Task<HearthUser?> PendingUserAsync(HttpRequest request);

    /// <summary>Whether the code is right for the account (a recovery code is used up).</summary>
    Task<bool> CheckSecondFactorAsync(HearthUser user, string? code);

    /// <summary>The second step is over: forget whose step was due.</summary>
    void EndSecondStep(HttpResponse response);
}

using Hearth.Core.Accounts;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Export;
using Hearth.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.DataRights;

/// <summary>
/// Deletes an account at once, after the passphrase is typed again:
/// every space the person is in closes for the other person (only "this space is closed"); every
/// row the person authored is deleted (each <see cref="IPersonalDataKind"/> erases its own); spaces
/// nobody else was ever in go entirely; their data key is destroyed, so their ciphertext in any
/// backup becomes unreadable (crypto-shredding: the key is a file beside the key ring, never in the
/// database, so no copy outlives this in free pages, the WAL or dead tuples); every session ends; the account row goes. What the
/// other person authored stays theirs. One transaction: all of it happens, or none (<see cref="AccountErasure"/>,
/// which the operator's `hearth users remove` uses too).
/// </summary>
public sealed class AccountDeletionService(
    CurrentMember current,
    UserManager<HearthUser> users,
    SignInManager<HearthUser> signIn,
    AccountErasure erasure,
    AccountThrottle throttle,
    ILogger<AccountDeletionService> log,
    IStringLocalizer<DataRightsText> text)
{
    public async Task<Outcome<Done>> DeleteAsync(DeleteAccountInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var me = current.RequireUserId();
        if (string.IsNullOrEmpty(input.Passphrase))
        {
            return Outcome<Done>.Invalid("passphrase", text["PassphraseMissing"]);
        }

        var user = await users.FindByIdAsync(me.ToString());
        if (user is null)
        {
            return Outcome<Done>.NotFound();
        }

        // The same throttle as signing in: someone holding an unlocked phone cannot guess their way to it.
        if (await throttle.ReserveAsync<Done>(user, text["NothingDeleted"], ct) is { } wait)
        {
            return wait;
        }

        if (!await users.CheckPasswordAsync(user, input.Passphrase))
        {
            return Outcome<Done>.Invalid("passphrase", text["PassphraseWrong"]);
        }

        await erasure.EraseAsync(me, ct);
        await signIn.SignOutAsync();
        log.LogInformation("An account was deleted");
        return Outcome<Done>.Ok(default);
    }
}

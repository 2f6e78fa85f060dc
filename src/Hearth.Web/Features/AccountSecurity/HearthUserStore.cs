using System.Security.Cryptography;
using System.Text;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Hearth.Web.Features.AccountSecurity;

/// <summary>
/// Identity's store, with the second step's secrets kept out of plain sight (docs/privacy.md): the
/// authenticator key is encrypted with the member's own data key (so it is shredded with the account,
/// like everything else of theirs), and each recovery code is kept only as an HMAC under that key, so
/// a copy of the database (or its WAL, or a backup) shows neither. Values stored by earlier versions in
/// plaintext are still read, and are replaced by the protected form the first time they are used.
/// </summary>
public sealed class HearthUserStore(HearthDbContext context, FieldCipher cipher, MemberKeyring keyring, IdentityErrorDescriber describer)
    : UserOnlyStore<HearthUser, HearthDbContext, Guid, IdentityUserClaim<Guid>, IdentityUserLogin<Guid>, IdentityUserToken<Guid>, IdentityUserPasskey<Guid>>(context, describer)
{
    // Identity's own names for these tokens (UserStoreBase), so existing rows are found.
    private const string Provider = "[AspNetUserStore]";
    private const string AuthenticatorKeyName = "AuthenticatorKey";
    private const string RecoveryCodesName = "RecoveryCodes";
    private const string EncryptedPrefix = "enc1:";
    private const string HashedPrefix = "h1:";

    public override async Task SetAuthenticatorKeyAsync(HearthUser user, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var sealedKey = await cipher.EncryptAsync(key, KeyContext(user), cancellationToken);
        await SetTokenAsync(user, Provider, AuthenticatorKeyName, EncryptedPrefix + Convert.ToBase64String(sealedKey), cancellationToken);
    }

    public override async Task<string?> GetAuthenticatorKeyAsync(HearthUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var stored = await GetTokenAsync(user, Provider, AuthenticatorKeyName, cancellationToken);
        if (string.IsNullOrEmpty(stored))
        {
            return stored;
        }

        if (stored.StartsWith(EncryptedPrefix, StringComparison.Ordinal))
        {
            return await cipher.DecryptAsync(Convert.FromBase64String(stored[EncryptedPrefix.Length..]), KeyContext(user), cancellationToken);
        }

        // Stored in plaintext by an earlier version: protect it now.
        await SetAuthenticatorKeyAsync(user, stored, cancellationToken);
        await SaveChanges(cancellationToken);
        return stored;
    }

    public override async Task ReplaceCodesAsync(HearthUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(recoveryCodes);
        var hashes = new List<string>();
        foreach (var code in recoveryCodes)
        {
            hashes.Add(await HashAsync(user, code, cancellationToken));
        }

        await SetTokenAsync(user, Provider, RecoveryCodesName, string.Join(';', hashes), cancellationToken);
    }

    public override async Task<bool> RedeemCodeAsync(HearthUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(code);
        var entries = await EntriesAsync(user, cancellationToken);
        var hash = await HashAsync(user, code, cancellationToken);
        var match = -1;
        for (var i = 0; i < entries.Count; i++)
        {
            var stored = entries[i].StartsWith(HashedPrefix, StringComparison.Ordinal) ? entries[i] : await HashAsync(user, entries[i], cancellationToken);
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(hash)))
            {
                match = i;
            }
        }

        if (match < 0)
        {
            return false;
        }

        // The rest stay, hashed (codes stored in plaintext by an earlier version are hashed now).
        var remaining = new List<string>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (i != match)
            {
                remaining.Add(entries[i].StartsWith(HashedPrefix, StringComparison.Ordinal) ? entries[i] : await HashAsync(user, entries[i], cancellationToken));
            }
        }

        await SetTokenAsync(user, Provider, RecoveryCodesName, string.Join(';', remaining), cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(HearthUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return (await EntriesAsync(user, cancellationToken)).Count;
    }

    private async Task<List<string>> EntriesAsync(HearthUser user, CancellationToken ct) =>
        ((await GetTokenAsync(user, Provider, RecoveryCodesName, ct)) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();

    private async Task<string> HashAsync(HearthUser user, string code, CancellationToken ct)
    {
        var key = await keyring.GetOrCreateAsync(user.Id, ct);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"hearth/recovery-code/v1|{user.Id:N}|{code}"));
        return HashedPrefix + Convert.ToBase64String(mac);
    }

    private static CipherContext KeyContext(HearthUser user) => new("AspNetUserTokens", AuthenticatorKeyName, user.Id, user.Id);
}

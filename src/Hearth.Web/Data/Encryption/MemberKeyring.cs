using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Data.Encryption;

/// <summary>
/// Per-member data keys: 32 random bytes each, stored only wrapped by the Data Protection key ring
/// (purpose <see cref="Purpose"/>). Without the key ring nothing decrypts: restoring a database
/// without its keys fails closed. Scoped: unwrapped keys live only for one request.
/// </summary>
public sealed class MemberKeyring(HearthDbContext db, IDataProtectionProvider dataProtection, TimeProvider clock)
{
    public const string Purpose = "Hearth.MemberDataKey.v1";

    private readonly IDataProtector protector = dataProtection.CreateProtector(Purpose);
    private readonly Dictionary<Guid, byte[]> unwrapped = [];

    /// <summary>
    /// The member's key, created if they have none yet (normally at sign-up). Creation is one
    /// statement that does nothing if another request created the key a moment earlier, so two
    /// first writes at once agree on one key; it does not flush the caller's unsaved changes.
    /// </summary>
    public async Task<byte[]> GetOrCreateAsync(Guid userId, CancellationToken ct = default)
    {
        var existing = await FindAsync(userId, ct);
        if (existing is not null)
        {
            return existing;
        }

        var wrapped = protector.Protect(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        if (db.Database.IsSqlite())
        {
            // SQLite stores Guids as upper-case text and instants as UTC ticks (see HearthDbContext).
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO \"MemberKeys\" (\"UserId\", \"WrappedKey\", \"CreatedAt\") VALUES ({userId.ToString().ToUpperInvariant()}, {wrapped}, {now.UtcTicks}) ON CONFLICT (\"UserId\") DO NOTHING",
                ct);
        }
        else
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO \"MemberKeys\" (\"UserId\", \"WrappedKey\", \"CreatedAt\") VALUES ({userId}, {wrapped}, {now}) ON CONFLICT (\"UserId\") DO NOTHING",
                ct);
        }

        return await FindAsync(userId, ct) ?? throw new InvalidOperationException("The member's data key could not be created.");
    }

    /// <summary>The member's key, or null when it never existed or was destroyed.</summary>
    public async Task<byte[]?> FindAsync(Guid userId, CancellationToken ct = default)
    {
        if (unwrapped.TryGetValue(userId, out var cached))
        {
            return cached;
        }

        var row = await db.MemberKeys.AsNoTracking().FirstOrDefaultAsync(k => k.UserId == userId, ct);
        if (row is null)
        {
            return null;
        }

        byte[] key;
        try
        {
            key = protector.Unprotect(row.WrappedKey);
        }
        catch (CryptographicException ex)
        {
            throw new KeyRingMissingException(ex);
        }

        unwrapped[userId] = key;
        return key;
    }
}

/// <summary>
/// The data keys cannot be unwrapped: the Data Protection key ring is not the one this database was
/// written with (restored without its keys, or the keys folder was lost). We stop rather than guess.
/// </summary>
public sealed class KeyRingMissingException(Exception inner)
    : InvalidOperationException(
        "Hearth cannot unlock its data keys. The key ring in the keys folder does not match this database " +
        "(or, with the key ring in the database, Hearth:KeyRing:ProtectionSecret is not the secret it was written with). " +
        "Restore the keys folder that was backed up with the database, or set the right secret (see docs/operations.md).",
        inner);

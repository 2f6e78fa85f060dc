using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Hearth.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Data.Encryption;

/// <summary>
/// Per-member data keys: 32 random bytes each, stored only wrapped by the Data Protection key ring
/// (purpose <see cref="Purpose"/>). Without the key ring nothing decrypts: restoring a database
/// without its keys fails closed. Scoped: unwrapped keys live only for one request.
/// With the key ring in a folder (the default) the wrapped key is a file beside the key ring
/// (<see cref="MemberKeyFiles"/>) and the member's row in MemberKeys holds an empty WrappedKey: it
/// only says "this member has a key". With the key ring in the database the wrapped key is in the row.
/// </summary>
public sealed class MemberKeyring(HearthDbContext db, IDataProtectionProvider dataProtection, TimeProvider clock, HearthPaths paths, IOptions<HearthOptions> options)
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
        if (KeysInFolder)
        {
            // The file first, durably; only then the row that says the member has a key.
            MemberKeyFiles.WriteOnce(paths, userId, wrapped);
            wrapped = [];
        }

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

    /// <summary>True when the member keys are files beside the key ring (the key ring is a folder).</summary>
    public bool KeysInFolder => !options.Value.KeyRing.InDatabase;

    /// <summary>
    /// Destroys the member's key file, after the transaction that deleted their row committed (so a
    /// deletion that rolls back loses nothing). With the key ring in the database the row was the key.
    /// </summary>
    public void DestroyFile(Guid userId)
    {
        unwrapped.Remove(userId);
        MemberKeyFiles.Destroy(paths, userId);
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

        var wrapped = row.WrappedKey.Length > 0 ? row.WrappedKey : MemberKeyFiles.Read(paths, userId);
        if (wrapped is null)
        {
            throw new KeyRingMissingException(new FileNotFoundException("The member's key file is missing.", MemberKeyFiles.PathFor(paths, userId)));
        }

        byte[] key;
        try
        {
            key = protector.Unprotect(wrapped);
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

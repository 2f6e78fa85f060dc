using System.Security.Cryptography;
using System.Text;

namespace Hearth.Web.Data.Encryption;

/// <summary>
/// Where a ciphertext lives and whose it is. It is bound into the encryption as associated data,
/// so a ciphertext copied to another row, column or owner fails to decrypt instead of showing.
/// </summary>
public readonly record struct CipherContext(string Table, string Column, Guid RowId, Guid OwnerId)
{
    internal byte[] AssociatedData() =>
        Encoding.UTF8.GetBytes($"hearth/v1|{Table}|{Column}|{RowId:N}|{OwnerId:N}");
}

/// <summary>
/// Authenticated encryption (AES-256-GCM) of sensitive fields with the owner's data key, in the data
/// layer, before anything reaches the database. EF value converters cannot see the row or the owner,
/// so services call this explicitly (docs/product/privacy-rules.md). Envelope: version (1) | nonce (12) | tag (16) | ciphertext.
/// </summary>
public sealed class FieldCipher(MemberKeyring keyring)
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>Bytes the envelope adds to the UTF-8 plaintext.</summary>
    public const int Overhead = 1 + NonceSize + TagSize;

    public async Task<byte[]> EncryptAsync(string plaintext, CipherContext context, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var key = await keyring.GetOrCreateAsync(context.OwnerId, ct);
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[Overhead + clear.Length];
        output[0] = Version;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, clear, output.AsSpan(Overhead), output.AsSpan(1 + NonceSize, TagSize), context.AssociatedData());
        CryptographicOperations.ZeroMemory(clear);
        return output;
    }

    /// <summary>
    /// Decrypts, or answers null when the owner's key was destroyed (deleted account). A ciphertext
    /// that was altered or moved to another row or owner throws <see cref="CryptographicException"/>.
    /// </summary>
    public async Task<string?> DecryptAsync(byte[]? ciphertext, CipherContext context, CancellationToken ct = default)
    {
        if (ciphertext is null)
        {
            return null;
        }

        if (ciphertext.Length < Overhead || ciphertext[0] != Version)
        {
            throw new CryptographicException("The stored value is not a Hearth ciphertext.");
        }

        var key = await keyring.FindAsync(context.OwnerId, ct);
        if (key is null)
        {
            return null;
        }

        var clear = new byte[ciphertext.Length - Overhead];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(
            ciphertext.AsSpan(1, NonceSize),
            ciphertext.AsSpan(Overhead),
            ciphertext.AsSpan(1 + NonceSize, TagSize),
            clear,
            context.AssociatedData());
        return Encoding.UTF8.GetString(clear);
    }
}

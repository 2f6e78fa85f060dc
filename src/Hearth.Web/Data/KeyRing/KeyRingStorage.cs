using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Data.KeyRing;

/// <summary>
/// Where the Data Protection key ring lives (docs/adr/0005-shared-key-ring-and-background-work.md).
/// Default: a folder outside the database, so a stolen database dump alone decrypts nothing.
/// Several instances share the ring either through one folder (a shared mount) or, opt-in, through
/// a table in the database; the table holds only key XML encrypted with a secret that is not in the
/// database (<see cref="KeyRingOptions.ProtectionSecret"/>), so the database alone still is not enough.
/// </summary>
public static class KeyRingStorage
{
    public const int MinimumSecretLength = 32;

    public static IServiceCollection AddHearthKeyRing(this IServiceCollection services, KeyRingOptions options, HearthPaths paths)
    {
        var builder = services.AddDataProtection().SetApplicationName("Hearth");
        var secret = string.IsNullOrWhiteSpace(options.ProtectionSecret) ? null : options.ProtectionSecret.Trim();
        if (secret is not null && secret.Length < MinimumSecretLength)
        {
            throw new InvalidOperationException(
                $"Hearth:KeyRing:ProtectionSecret must be at least {MinimumSecretLength} characters long (for example the output of 'openssl rand -base64 32').");
        }

        if (options.InDatabase)
        {
            if (secret is null)
            {
                throw new InvalidOperationException(
                    "Hearth:KeyRing:Store is 'database' but Hearth:KeyRing:ProtectionSecret is empty. A key ring in the database " +
                    "without its own secret would let anyone with a database backup read everything. Set the secret (at least " +
                    $"{MinimumSecretLength} characters, kept outside the database and its backups), or use a shared key ring folder " +
                    "(Hearth:KeyRing:Directory). See docs/operations.md, \"Scaling out\".");
            }

            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
                o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        }
        else if (!string.Equals(options.Store, "folder", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Hearth:KeyRing:Store must be 'folder' or 'database', not '{options.Store}'.");
        }
        else
        {
            // The folder, guarded: over an existing database an empty folder gets no new key (see FolderXmlRepository).
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
                o.XmlRepository = new FolderXmlRepository(
                    new FileSystemXmlRepository(new DirectoryInfo(paths.Keys), sp.GetRequiredService<ILoggerFactory>()),
                    paths.Keys,
                    sp.GetRequiredService<IServiceScopeFactory>())));
        }

        if (secret is not null)
        {
            var protection = new KeyRingSecret(secret);
            services.AddSingleton(protection);
            services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new SecretXmlEncryptor(protection));
        }

        return services;
    }
}

/// <summary>One key of the Data Protection key ring, stored in the database (the "database" key ring store).</summary>
public sealed class KeyRingEntry
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    /// <summary>The key's XML as Data Protection gives it: its secret part encrypted by <see cref="SecretXmlEncryptor"/>.</summary>
    public string Xml { get; set; } = "";
}

public sealed class KeyRingEntryConfiguration : IEntityTypeConfiguration<KeyRingEntry>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<KeyRingEntry> builder)
    {
        builder.ToTable("DataProtectionKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.FriendlyName).HasMaxLength(200);
        builder.Property(k => k.Xml).IsRequired();
    }
}

/// <summary>
/// The key ring as rows of Hearth's own database. Written by hand: the
/// Microsoft.AspNetCore.DataProtection.EntityFrameworkCore package (which does the same) is not
/// available on the package mirror this project builds from (see docs/product/environment.md). Append-only, as
/// Data Protection expects: keys are added, never changed here (revocations are new elements).
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HearthDbContext>();
        return db.Set<KeyRingEntry>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HearthDbContext>();
        db.Set<KeyRingEntry>().Add(new KeyRingEntry { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

/// <summary>
/// The key ring folder (Data Protection's own file repository) with one guard and one habit. The
/// guard: when the folder holds no key yet but the database already has members with data keys, the
/// folder was emptied or lost (restored without its keys): no new key is written, which would hide what
/// happened and leave a key nothing was encrypted with; the start fails with <see cref="KeyRingMissingException"/>.
/// The habit: every key file is the owner's alone (mode 600), whatever the umask.
/// </summary>
public sealed class FolderXmlRepository(IXmlRepository inner, string folder, IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => inner.GetAllElements();

    public void StoreElement(XElement element, string friendlyName)
    {
        if (inner.GetAllElements().Count == 0 && DatabaseHasDataKeys())
        {
            throw new KeyRingMissingException(new InvalidOperationException($"The key ring folder {folder} holds no key, but the database has members with data keys."));
        }

        inner.StoreElement(element, friendlyName);
        OwnerOnly.Tighten(folder);
    }

    private bool DatabaseHasDataKeys()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HearthDbContext>();
        try
        {
            // Asked without an error when the table does not exist yet (a new database, still migrating).
            var tableExists = db.Database.IsSqlite()
                ? "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'MemberKeys') AS \"Value\""
                : "SELECT to_regclass('\"MemberKeys\"') IS NOT NULL AS \"Value\"";
            return db.Database.SqlQueryRaw<bool>(tableExists).AsEnumerable().First() && db.MemberKeys.Any();
        }
        catch (System.Data.Common.DbException)
        {
            // No tables yet: a new database, so the first key is welcome.
            return false;
        }
    }
}

/// <summary>The key-encryption key derived from Hearth:KeyRing:ProtectionSecret, and a short id that tells secrets apart.</summary>
public sealed class KeyRingSecret
{
    private static readonly byte[] Salt = Encoding.UTF8.GetBytes("Hearth.KeyRing");

    public KeyRingSecret(string secret)
    {
        var material = Encoding.UTF8.GetBytes(secret);
        Key = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, Salt, Encoding.UTF8.GetBytes("Hearth.KeyRing.KeyEncryptionKey.v1"));
        Id = Convert.ToHexStringLower(HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 8, Salt, Encoding.UTF8.GetBytes("Hearth.KeyRing.KeyId.v1")));
    }

    internal byte[] Key { get; }

    /// <summary>Not secret: lets a wrong secret be named as such instead of failing obscurely.</summary>
    public string Id { get; }
}

/// <summary>Encrypts a key's XML with AES-256-GCM under the key-ring secret before it is stored.</summary>
public sealed class SecretXmlEncryptor(KeyRingSecret secret) : IXmlEncryptor
{
    internal static readonly byte[] AssociatedData = Encoding.UTF8.GetBytes("hearth/keyring/v1");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[12 + 16 + plain.Length];
        var nonce = sealedBytes.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(secret.Key, 16))
        {
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16), AssociatedData);
        }

        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement(
            "encryptedKey",
            new XComment(" Encrypted by Hearth with Hearth:KeyRing:ProtectionSecret (AES-256-GCM). "),
            new XElement("secretId", secret.Id),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(SecretXmlDecryptor));
    }
}

/// <summary>Opens what <see cref="SecretXmlEncryptor"/> sealed. Created by Data Protection with the app's services.</summary>
public sealed class SecretXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var secret = services.GetService<KeyRingSecret>()
            ?? throw new CryptographicException("This key of the key ring is encrypted with Hearth:KeyRing:ProtectionSecret, which is not set.");
        if (!string.Equals((string?)encryptedElement.Element("secretId"), secret.Id, StringComparison.Ordinal))
        {
            throw new CryptographicException("This key of the key ring was encrypted with a different Hearth:KeyRing:ProtectionSecret.");
        }

        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        if (sealedBytes.Length < 28)
        {
            throw new CryptographicException("This key of the key ring is damaged.");
        }

        var plain = new byte[sealedBytes.Length - 28];
        using (var aes = new AesGcm(secret.Key, 16))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16), plain, SecretXmlEncryptor.AssociatedData);
        }

        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plain));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}

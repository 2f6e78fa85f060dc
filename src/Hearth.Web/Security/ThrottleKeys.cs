using System.Security.Cryptography;
using System.Text;
using Hearth.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Security;

/// <summary>A secret of the installation itself, stored only wrapped by the Data Protection key ring.</summary>
public sealed class ServerSecret
{
    public string Name { get; set; } = "";

    public byte[] WrappedValue { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class ServerSecretConfiguration : IEntityTypeConfiguration<ServerSecret>
{
    public void Configure(EntityTypeBuilder<ServerSecret> builder)
    {
        builder.ToTable("ServerSecrets");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(60);
        builder.Property(s => s.WrappedValue).IsRequired();
    }
}

/// <summary>
/// Names an e-mail address for counting without storing it: HMAC-SHA256 of the address as Identity
/// normalises it, under a key of this installation (<see cref="ServerSecret"/> "throttle-hash",
/// wrapped by the key ring, so the database alone does not tell which addresses were tried).
/// Every instance sharing the database and key ring computes the same names.
/// </summary>
public sealed class ThrottleKeys(HearthDbContext db, IDataProtectionProvider dataProtection, TimeProvider clock)
{
    private const string SecretName = "throttle-hash";

    private readonly IDataProtector protector = dataProtection.CreateProtector("Hearth.ServerSecret.v1", SecretName);
    private byte[]? key;

    /// <summary>The address's name for counting: 64 hex digits, the same for "Ana@Example.org" and "ana@example.org".</summary>
    public async Task<string> ForEmailAsync(string email, CancellationToken ct = default)
    {
        key ??= await KeyAsync(ct);
        var normalised = email.Trim().Normalize().ToUpperInvariant();
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normalised)));
    }

    private async Task<byte[]> KeyAsync(CancellationToken ct)
    {
        var row = await db.Set<ServerSecret>().AsNoTracking().FirstOrDefaultAsync(s => s.Name == SecretName, ct);
        if (row is null)
        {
            // One statement that does nothing if another request (or instance) created it a moment earlier.
            var wrapped = protector.Protect(RandomNumberGenerator.GetBytes(32));
            var now = clock.GetUtcNow();
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"INSERT INTO \"ServerSecrets\" (\"Name\", \"WrappedValue\", \"CreatedAt\") VALUES ({SecretName}, {wrapped}, {now.UtcTicks}) ON CONFLICT (\"Name\") DO NOTHING", ct);
            }
            else
            {
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"INSERT INTO \"ServerSecrets\" (\"Name\", \"WrappedValue\", \"CreatedAt\") VALUES ({SecretName}, {wrapped}, {now}) ON CONFLICT (\"Name\") DO NOTHING", ct);
            }

            row = await db.Set<ServerSecret>().AsNoTracking().FirstAsync(s => s.Name == SecretName, ct);
        }

        return protector.Unprotect(row.WrappedValue);
    }
}

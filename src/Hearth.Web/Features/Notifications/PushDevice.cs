using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Features.Notifications;

/// <summary>
/// One device that receives Web Push for a member (per account, not per space). The push service's
/// address and the device's two keys are personal data: they are sealed together with the member's
/// own data key (<see cref="Sealed"/>, FieldCipher), so a database dump alone holds no address and
/// account deletion shreds them with the key. Only a hash of the address is plain, so the same device
/// subscribing twice is one device.
/// </summary>
public sealed class PushDevice
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the endpoint address.</summary>
    public string EndpointHash { get; set; } = "";

    /// <summary>The subscription (endpoint, p256dh, auth) as JSON, encrypted with the member's data key.</summary>
    public byte[] Sealed { get; set; } = [];

    /// <summary>"Firefox on Android" as <see cref="Security.ClientLabels"/> writes it, shown in the reader's words.</summary>
    public string Label { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the push service last took a message for this device (null: not yet).</summary>
    public DateTimeOffset? LastDeliveredAt { get; set; }
}

public sealed class PushDeviceConfiguration : IEntityTypeConfiguration<PushDevice>
{
    public void Configure(EntityTypeBuilder<PushDevice> b)
    {
        b.ToTable("PushDevices");
        b.HasKey(d => d.Id);
        b.HasOne<HearthUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(d => d.EndpointHash).HasMaxLength(64).IsRequired();
        b.HasIndex(d => new { d.UserId, d.EndpointHash }).IsUnique();
        b.Property(d => d.Sealed).IsRequired();
        b.Property(d => d.Label).HasMaxLength(100).IsRequired();
    }
}

/// <summary>
/// This Hearth's VAPID key pair (RFC 8292): made on first use and kept in the database, its private
/// half sealed by the Data Protection key ring (so the database alone cannot sign as this Hearth, and
/// every instance sharing the key ring shares the key). One row, Id 1.
/// </summary>
public sealed class PushServerKey
{
    public int Id { get; set; }

    /// <summary>The uncompressed P-256 public key, base64url (what browsers take as applicationServerKey).</summary>
    public string PublicKey { get; set; } = "";

    /// <summary>The private scalar, base64url, protected by Data Protection.</summary>
    public string ProtectedPrivateKey { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class PushServerKeyConfiguration : IEntityTypeConfiguration<PushServerKey>
{
    public void Configure(EntityTypeBuilder<PushServerKey> b)
    {
        b.ToTable("PushServerKeys");
        b.HasKey(k => k.Id);
        b.Property(k => k.Id).ValueGeneratedNever();
        b.Property(k => k.PublicKey).HasMaxLength(100).IsRequired();
        b.Property(k => k.ProtectedPrivateKey).HasMaxLength(2000).IsRequired();
    }
}

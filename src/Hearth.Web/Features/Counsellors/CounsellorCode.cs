using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Features.Counsellors;

/// <summary>
/// An invitation code the operator issues (`hearth counsellors code`, ADR 50 §3): whoever redeems it,
/// signed in and in no open space, becomes a counsellor. Only the SHA-256 of the code is kept; it
/// works once (<see cref="RedeemedAt"/> is set atomically) and not after <see cref="ExpiresAt"/>.
/// </summary>
public sealed class CounsellorCode
{
    public Guid Id { get; set; }

    /// <summary>SHA-256 of the code as printed (upper-case hex).</summary>
    public string CodeHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RedeemedAt { get; set; }

    public Guid? RedeemedByUserId { get; set; }
}

public sealed class CounsellorCodeConfiguration : IEntityTypeConfiguration<CounsellorCode>
{
    public void Configure(EntityTypeBuilder<CounsellorCode> b)
    {
        b.ToTable("CounsellorCodes");
        b.HasKey(x => x.Id);
        b.Property(x => x.CodeHash).HasMaxLength(64).IsRequired();
        b.HasIndex(x => x.CodeHash).IsUnique();
        b.HasOne<HearthUser>().WithMany().HasForeignKey(x => x.RedeemedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

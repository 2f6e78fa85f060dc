using Hearth.Core.Memories;
using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Features.Memories;

/// <summary>
/// A memory on a pair's timeline. Private (only the author sees it) or shared (both), as the author
/// chose. Title and text are encrypted under the author's key; only the author can change or delete it.
/// </summary>
public sealed class Memory : ISpaceScoped
{
    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public Guid AuthorUserId { get; set; }

    public DateOnly Date { get; set; }

    public MemoryKind Kind { get; set; }

    public bool Shared { get; set; }

    public byte[] TitleCiphertext { get; set; } = [];

    public byte[]? TextCiphertext { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class MemoryConfiguration : IEntityTypeConfiguration<Memory>
{
    public void Configure(EntityTypeBuilder<Memory> b)
    {
        b.ToTable("Memories");
        b.HasKey(m => m.Id);
        b.HasOne<Space>().WithMany().HasForeignKey(m => m.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.SpaceId, m.Date });
        b.Property(m => m.Kind).HasConversion<int>();
        b.Property(m => m.TitleCiphertext).HasMaxLength(Limits.CiphertextFor(MemoryRules.MaxTitleLength)).IsRequired();
        b.Property(m => m.TextCiphertext).HasMaxLength(Limits.CiphertextFor(MemoryRules.MaxTextLength));
    }
}

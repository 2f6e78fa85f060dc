using Hearth.Core.Appreciation;
using Hearth.Core.Assessments;
using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Features.Notes;

/// <summary>An appreciation or a "thinking of you" from one member to the other. The text is encrypted under the sender's key.</summary>
public sealed class Note : ISpaceScoped
{
    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public Guid FromUserId { get; set; }

    public Guid ToUserId { get; set; }

    public NoteKind Kind { get; set; }

    public CareWay? CareWay { get; set; }

    public byte[] TextCiphertext { get; set; } = [];

    public DateTimeOffset SentAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

public sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> b)
    {
        b.ToTable("Notes");
        b.HasKey(n => n.Id);
        b.HasOne<Space>().WithMany().HasForeignKey(n => n.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.ToUserId, n.ReadAt });
        b.HasIndex(n => n.SpaceId);
        b.Property(n => n.Kind).HasConversion<int>();
        b.Property(n => n.CareWay).HasConversion<int?>();
        b.Property(n => n.TextCiphertext).HasMaxLength(Limits.CiphertextFor(AppreciationNotes.MaxTextLength)).IsRequired();
    }
}

using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Features.Debriefs;

/// <summary>
/// One thing a member saved "for a counsellor" from the debrief: a content or practice id, never
/// free text. Each member's own; the other member is never told. A counsellor view reads these
/// through <see cref="CounsellorShelf"/> (ADR 41).
/// </summary>
public sealed class DebriefSavedItem : ISpaceScoped
{
    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public Guid UserId { get; set; }

    public string ItemId { get; set; } = "";

    public DateTimeOffset SavedAt { get; set; }
}

public sealed class DebriefSavedItemConfiguration : IEntityTypeConfiguration<DebriefSavedItem>
{
    public void Configure(EntityTypeBuilder<DebriefSavedItem> b)
    {
        b.ToTable("DebriefSavedItems");
        b.HasKey(x => x.Id);
        b.HasOne<Space>().WithMany().HasForeignKey(x => x.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.SpaceId, x.UserId, x.ItemId }).IsUnique();
        b.HasIndex(x => x.UserId);
        b.Property(x => x.ItemId).HasMaxLength(80).IsRequired();
    }
}

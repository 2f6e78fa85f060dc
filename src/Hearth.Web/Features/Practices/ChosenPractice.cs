using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Features.Practices;

/// <summary>A practice on a pair's shared "our list". Catalogue ids only; nothing personal.</summary>
public sealed class ChosenPractice : ISpaceScoped
{
    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public string PracticeId { get; set; } = "";

    public Guid AddedByUserId { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}

public sealed class ChosenPracticeConfiguration : IEntityTypeConfiguration<ChosenPractice>
{
    public void Configure(EntityTypeBuilder<ChosenPractice> b)
    {
        b.ToTable("ChosenPractices");
        b.HasKey(p => p.Id);
        b.HasOne<Space>().WithMany().HasForeignKey(p => p.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.SpaceId, p.PracticeId }).IsUnique();
        b.Property(p => p.PracticeId).HasMaxLength(80).IsRequired();
    }
}

using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Features.Prompts;

/// <summary>The prompt a space got on one day of the pair's calendar. The history the recommender reads.</summary>
public sealed class PromptDay : ISpaceScoped
{
    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public DateOnly Date { get; set; }

    public string PromptId { get; set; } = "";

    /// <summary>Why it was chosen, in the recommender's words (generic sentences, nothing personal).</summary>
    public string Explanation { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class PromptDayConfiguration : IEntityTypeConfiguration<PromptDay>
{
    public void Configure(EntityTypeBuilder<PromptDay> b)
    {
        b.ToTable("PromptDays");
        b.HasKey(d => d.Id);
        b.HasOne<Space>().WithMany().HasForeignKey(d => d.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.SpaceId, d.Date }).IsUnique();
        b.Property(d => d.PromptId).HasMaxLength(80).IsRequired();
        b.Property(d => d.Explanation).HasMaxLength(600).IsRequired();
    }
}

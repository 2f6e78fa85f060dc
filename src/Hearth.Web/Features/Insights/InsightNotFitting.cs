using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Features.Insights;

/// <summary>
/// "This doesn't fit us": one member set one insight aside. Hidden for that member only; for a
/// shared insight each member decides for themselves and the other is never told. Holds the
/// insight's key (kind, audience, dimensions, measures: no words, no numbers), never its text.
/// </summary>
public sealed class InsightNotFitting : ISpaceScoped
{
    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public Guid UserId { get; set; }

    public string InsightKey { get; set; } = "";

    public DateTimeOffset MarkedAt { get; set; }
}

/// <summary>
/// How many insights of one kind are set aside right now, across the whole Hearth: no space, no
/// member, no time (ADR 41). The only thing an operator learns about "this doesn't fit us".
/// </summary>
public sealed class InsightFitCount
{
    public string Kind { get; set; } = "";

    public int NotFitting { get; set; }
}

public sealed class InsightNotFittingConfiguration : IEntityTypeConfiguration<InsightNotFitting>
{
    public void Configure(EntityTypeBuilder<InsightNotFitting> b)
    {
        b.ToTable("InsightsNotFitting");
        b.HasKey(x => x.Id);
        b.HasOne<Space>().WithMany().HasForeignKey(x => x.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.SpaceId, x.UserId, x.InsightKey }).IsUnique();
        b.HasIndex(x => x.UserId);
        b.Property(x => x.InsightKey).HasMaxLength(200).IsRequired();
    }
}

public sealed class InsightFitCountConfiguration : IEntityTypeConfiguration<InsightFitCount>
{
    public void Configure(EntityTypeBuilder<InsightFitCount> b)
    {
        b.ToTable("InsightFitCounts");
        b.HasKey(x => x.Kind);
        b.Property(x => x.Kind).HasMaxLength(40);
    }
}

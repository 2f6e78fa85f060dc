using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Features.Insights;

/// <summary>
/// A reconnect plan a member started from a "fading" insight. When that insight was shared, the plan
/// and its progress are the pair's (<see cref="OwnerUserId"/> is null); when it was private, the plan
/// is only its owner's, and the other member never learns it exists. Steps come from the catalogue
/// (Hearth.Core ReconnectPlan); only their ids and whether they are done are stored.
/// </summary>
public sealed class ReconnectPlanRecord : ISpaceScoped
{
    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    /// <summary>Null for a plan both members see; otherwise the only member who sees it.</summary>
    public Guid? OwnerUserId { get; set; }

    /// <summary>The pair week the plan starts in.</summary>
    public DateOnly StartWeek { get; set; }

    public int Weeks { get; set; }

    /// <summary>Ids of the steps marked done, separated by spaces (catalogue ids, nothing personal).</summary>
    public string DoneSteps { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }
}

public sealed class ReconnectPlanRecordConfiguration : IEntityTypeConfiguration<ReconnectPlanRecord>
{
    public void Configure(EntityTypeBuilder<ReconnectPlanRecord> b)
    {
        b.ToTable("ReconnectPlans");
        b.HasKey(p => p.Id);
        b.HasOne<Space>().WithMany().HasForeignKey(p => p.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<HearthUser>().WithMany().HasForeignKey(p => p.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.SpaceId, p.OwnerUserId });
        b.Property(p => p.DoneSteps).HasMaxLength(2000).IsRequired();
    }
}

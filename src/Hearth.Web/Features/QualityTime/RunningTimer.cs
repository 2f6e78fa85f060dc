using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Features.QualityTime;

/// <summary>
/// A pair's running quality-time timer: only its start instant is stored, so it keeps going with the
/// screen off, across devices and across server restarts. One per space; no row means idle.
/// </summary>
public sealed class RunningTimer : ISpaceScoped
{
    public Guid SpaceId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public Guid StartedByUserId { get; set; }
}

public sealed class RunningTimerConfiguration : IEntityTypeConfiguration<RunningTimer>
{
    public void Configure(EntityTypeBuilder<RunningTimer> b)
    {
        b.ToTable("RunningTimers");
        b.HasKey(t => t.SpaceId);
        b.HasOne<Space>().WithOne().HasForeignKey<RunningTimer>(t => t.SpaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Hearth.Core.QualityTime;
using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Features.QualityTime;

/// <summary>A stretch of time together, from the timer or typed in by hand. Counts toward one day of the pair's calendar.</summary>
public sealed class TimeTogether : ISpaceScoped
{
    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public QualityTimeSource Source { get; set; }

    /// <summary>When a timer session started; null for minutes typed in by hand.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>The day it counts toward on the pair's calendar (for the timer: the day it started).</summary>
    public DateOnly Day { get; set; }

    public int Seconds { get; set; }

    public Guid LoggedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class TimeTogetherConfiguration : IEntityTypeConfiguration<TimeTogether>
{
    public void Configure(EntityTypeBuilder<TimeTogether> b)
    {
        b.ToTable("TimeTogether");
        b.HasKey(t => t.Id);
        b.HasOne<Space>().WithMany().HasForeignKey(t => t.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.SpaceId, t.Day });
        b.Property(t => t.Source).HasConversion<int>();
    }
}

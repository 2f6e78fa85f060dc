using Hearth.Core.QualityTime;
using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Pair;

/// <summary>
/// What a pair agreed for their space: whether they live apart, their calendar (time zone) and their
/// daily goal for time together. Either member may change it. A missing row means the defaults.
/// Kept beside <see cref="Space"/> rather than on it, so the space itself stays small.
/// </summary>
public sealed class SpaceSettings : ISpaceScoped
{
    public Guid SpaceId { get; set; }

    /// <summary>"We live apart": prompts and practices lean toward what works over a call, video or messages.</summary>
    public bool LivingApart { get; set; }

    /// <summary>The pair's IANA time zone; null means the zone of the person who started the space.</summary>
    public string? TimeZoneId { get; set; }

    public int DailyGoalMinutes { get; set; } = DailyGoal.DefaultMinutes;

    /// <summary>
    /// The time the pair chose for today's question (minutes after midnight), read on each member's own
    /// clock by the reminder dispatcher; null for no time. A notification only goes to a member who also
    /// turned on "today's question" themselves.
    /// </summary>
    public int? QuestionMinute { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class SpaceSettingsConfiguration : IEntityTypeConfiguration<SpaceSettings>
{
    public void Configure(EntityTypeBuilder<SpaceSettings> b)
    {
        b.ToTable("SpaceSettings");
        b.HasKey(s => s.SpaceId);
        b.HasOne<Space>().WithOne().HasForeignKey<SpaceSettings>(s => s.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.TimeZoneId).HasMaxLength(TimeZones.MaxIdLength);
    }
}

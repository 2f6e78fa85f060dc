using Hearth.Core.Rituals;
using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Hearth.Web.Pair;

/// <summary>
/// The pair's weekly check-in ritual: a day and a local time in the zone of the member who set it.
/// One per space; either member may change it. Not sensitive (a day and a time), so stored plainly.
/// </summary>
public sealed class SpaceRitual : ISpaceScoped
{
    public Guid SpaceId { get; set; }

    /// <summary>ISO day of the week, 1 (Monday) to 7 (Sunday).</summary>
    public int Day { get; set; }

    /// <summary>Minutes after local midnight, 0-1439.</summary>
    public int MinuteOfDay { get; set; }

    public string TimeZoneId { get; set; } = TimeZones.Default;

    public DateTimeOffset UpdatedAt { get; set; }

    public Ritual ToRitual() =>
        new((IsoDayOfWeek)Day, LocalTime.FromMinutesSinceMidnight(MinuteOfDay), TimeZones.Find(TimeZoneId));
}

public sealed class SpaceRitualConfiguration : IEntityTypeConfiguration<SpaceRitual>
{
    public void Configure(EntityTypeBuilder<SpaceRitual> b)
    {
        b.ToTable("SpaceRituals");
        b.HasKey(r => r.SpaceId);
        b.HasOne<Space>().WithOne().HasForeignKey<SpaceRitual>(r => r.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.TimeZoneId).HasMaxLength(TimeZones.MaxIdLength).IsRequired();
    }
}

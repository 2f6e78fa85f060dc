using Hearth.Core.Rituals;
using Hearth.Web.Data;
using Hearth.Web.Features.Daily;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Hearth.Web.Features.Rituals;

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

/// <summary>
/// The hours one member is usually awake, on their own clock (default 08:00-22:00). Used only to
/// find time that suits both when the pair lives apart; both members see both windows.
/// </summary>
public sealed class MemberWakingHours : ISpaceScoped
{
    public Guid SpaceId { get; set; }

    public Guid UserId { get; set; }

    public int FromMinute { get; set; }

    public int ToMinute { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
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

public sealed class MemberWakingHoursConfiguration : IEntityTypeConfiguration<MemberWakingHours>
{
    public void Configure(EntityTypeBuilder<MemberWakingHours> b)
    {
        b.ToTable("MemberWakingHours");
        b.HasKey(w => new { w.SpaceId, w.UserId });
        b.HasOne<Space>().WithMany().HasForeignKey(w => w.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<HearthUser>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// The pair's weeks. With a ritual, a week starts on the ritual's day in the ritual's zone
/// (<see cref="PairWeek"/>). Before a ritual is set, weeks start on Monday at midnight in the
/// pair's own time zone (the space settings), the most common week in calendars.
/// A check-in keeps the week it was sent in (its stored key) whatever the ritual becomes
/// (<see cref="Hearth.Core.CheckIns.CheckInWeeks"/>); <see cref="Rekey"/> only finds a week by a date
/// and places stored weeks on today's calendar for charts, never for reveal or "already done".
/// </summary>
public static class PairCalendar
{
    /// <summary>The week rule before a ritual exists: Monday, midnight, the pair's zone.</summary>
    public static readonly IsoDayOfWeek DefaultWeekStart = IsoDayOfWeek.Monday;

    public static Ritual WeekRule(SpaceRitual? ritual, PairSpace pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return WeekRule(ritual, pair.Zone);
    }

    /// <summary>The week rule of a space with or without a ritual, for code that has no <see cref="PairSpace"/> (a closed space's export).</summary>
    public static Ritual WeekRule(SpaceRitual? ritual, DateTimeZone zone) =>
        ritual?.ToRitual() ?? new Ritual(DefaultWeekStart, LocalTime.Midnight, zone);

    /// <summary>The key of the week (under <paramref name="rule"/>) that contains the local date <paramref name="key"/>.</summary>
    public static LocalDate Rekey(LocalDate key, Ritual rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        while (key.DayOfWeek != rule.Day)
        {
            key = key.PlusDays(-1);
        }

        return key;
    }

    public static LocalDate ToLocalDate(DateOnly date) => new(date.Year, date.Month, date.Day);

    public static DateOnly ToDateOnly(LocalDate date) => new(date.Year, date.Month, date.Day);
}

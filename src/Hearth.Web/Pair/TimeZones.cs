using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Hearth.Web.Pair;

/// <summary>IANA time zones, checked against the tz database NodaTime ships.</summary>
public static class TimeZones
{
    public const string Default = "Etc/UTC";
    public const int MaxIdLength = 64;

    /// <summary>What the list offers for UTC: a browser set to UTC says "UTC" (or "Etc/UTC"), and so does the list.</summary>
    public const string Utc = "UTC";

    /// <summary>Canonical zone ids people can choose from: UTC first, then the places, sorted.</summary>
    public static IReadOnlyList<string> Choices { get; } =
        NodaTime.TimeZones.TzdbDateTimeZoneSource.Default.CanonicalIdMap.Values
            .Where(id => id.Contains('/', StringComparison.Ordinal) && !id.StartsWith("Etc/", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Prepend(Utc)
            .ToList();

    /// <summary>
    /// The entry of <see cref="Choices"/> a stored zone id stands for (its canonical id; UTC for the
    /// UTC aliases), so the picker shows the zone a pair already has instead of the first in the list.
    /// </summary>
    public static string ChoiceFor(string? id)
    {
        if (!IsKnown(id))
        {
            return Utc;
        }

        var canonical = NodaTime.TimeZones.TzdbDateTimeZoneSource.Default.CanonicalIdMap.TryGetValue(id!, out var c) ? c : id!;
        return canonical is "Etc/UTC" or "UTC" or "Etc/GMT" || Find(canonical).Equals(DateTimeZone.Utc) ? Utc : canonical;
    }

    public static bool IsKnown(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= MaxIdLength && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null;

    public static DateTimeZone Find(string? id) =>
        (IsKnown(id) ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(id!) : null) ?? DateTimeZone.Utc;
}

/// <summary>The person's own time zone column on the account (IANA id).</summary>
public sealed class UserTimeZoneConfiguration : IEntityTypeConfiguration<HearthUser>
{
    public void Configure(EntityTypeBuilder<HearthUser> b) =>
        b.Property(u => u.TimeZoneId).HasMaxLength(TimeZones.MaxIdLength).IsRequired().HasDefaultValue(TimeZones.Default);
}

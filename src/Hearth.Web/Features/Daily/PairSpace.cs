using Hearth.Core.Dimensions;
using Hearth.Core.QualityTime;
using Hearth.Core.Spaces;
using Hearth.Web.Data;
using Hearth.Web.Features.Rituals;
using Hearth.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Hearth.Web.Features.Daily;

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

/// <summary>The person's own time zone column on the account (IANA id).</summary>
public sealed class UserTimeZoneConfiguration : IEntityTypeConfiguration<HearthUser>
{
    public void Configure(EntityTypeBuilder<HearthUser> b) =>
        b.Property(u => u.TimeZoneId).HasMaxLength(TimeZones.MaxIdLength).IsRequired().HasDefaultValue(TimeZones.Default);
}

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

/// <summary>
/// One open space as the current member may use it for the daily features: who is here, the pair's
/// calendar, and today in it. Only ever built after checking the caller's own active membership.
/// </summary>
public sealed record PairSpace(
    Guid SpaceId,
    RelationshipKind Kind,
    Guid Me,
    Guid? OtherId,
    string? OtherName,
    bool FirstMemberIsMe,
    bool LivingApart,
    string TimeZoneId,
    DailyGoal Goal,
    Instant Now)
{
    public DateTimeZone Zone => TimeZones.Find(TimeZoneId);

    /// <summary>The caller's own clock (their account's zone), for times shown to them.</summary>
    public string MyTimeZoneId { get; init; } = TimeZones.Default;

    /// <summary>The other member's own clock, for "that is 02:00 for Sam"; null while nobody has joined.</summary>
    public string? OtherTimeZoneId { get; init; }

    /// <summary>The caller's own membership row (its id is part of the label's encryption context).</summary>
    public Guid MyMembershipId { get; init; }

    /// <summary>The caller's own name for the space, still encrypted (only <see cref="Spaces.SpaceService"/> opens it).</summary>
    public byte[]? MyLabelCiphertext { get; init; }

    /// <summary>Who is in the space, in the order they joined.</summary>
    public IReadOnlyList<(Guid UserId, string DisplayName)> Members { get; init; } = [];

    /// <summary>The pair's weekly check-in time, or null while none is set (read with the rest; not tracked).</summary>
    public SpaceRitual? Ritual { get; init; }

    /// <summary>Today on the pair's calendar.</summary>
    public LocalDate Today => Now.InZone(Zone).Date;

    public bool IsPaired => OtherId is not null;

    public string OtherPersonWord => Kind.OtherPersonWord();

    /// <summary>"Sam", or "your partner" while nobody has joined.</summary>
    public string OtherLabel => OtherName ?? $"your {OtherPersonWord}";
}

/// <summary>
/// The first wall for every daily feature: the caller's own active membership of an open space.
/// One request often asks several features about the same space (the pair dashboard asks five), so
/// the answer is kept for the rest of the request — and forgotten as soon as anything is saved through
/// the request's database context, so a request that changes the space or its settings reads afresh.
/// </summary>
public sealed class PairSpaces(HearthDbContext db, CurrentMember current, TimeProvider clock)
{
    private readonly RequestMemo<Guid, PairSpace?> seen = new(db);

    // One round trip: the space (through the membership filter), its members with their own clocks,
    // the caller's membership (for the space page's label), the pair's settings, the starter's zone
    // (the calendar when none is set) and the weekly ritual. It was six (with SpaceService's and the
    // ritual's own); every daily feature and the pair dashboard start here. Compiled once: building
    // and hashing this expression tree on every request was a measurable part of the dashboard's CPU
    // (docs/performance.md, fix 21). The space filter still applies (it reads the context it runs on).
    // A compiled query belongs to one model, and each provider has its own: one per context type.
    private static Task<PairRow?> ReadPair(HearthDbContext db, Guid spaceId, Guid me, CancellationToken ct) => db switch
    {
        SqliteHearthDbContext sqlite => Compiled<SqliteHearthDbContext>.ReadPair(sqlite, spaceId, me, ct),
        PostgresHearthDbContext postgres => Compiled<PostgresHearthDbContext>.ReadPair(postgres, spaceId, me, ct),
        _ => throw new NotSupportedException($"No compiled pair query for {db.GetType().Name}."),
    };

    private static class Compiled<TContext>
        where TContext : HearthDbContext
    {
        public static readonly Func<TContext, Guid, Guid, CancellationToken, Task<PairRow?>> ReadPair =
            EF.CompileAsyncQuery((TContext db, Guid spaceId, Guid me, CancellationToken ct) => db.Spaces
                .Where(s => s.Id == spaceId && s.ClosedAt == null && s.Memberships.Any(m => m.UserId == me && m.LeftAt == null))
                .Select(s => new PairRow(
                    s.Kind,
                    s.Memberships
                        .Where(m => m.LeftAt == null)
                        .OrderBy(m => m.JoinedAt).ThenBy(m => m.Id)
                        .Select(m => new PairMemberRow(m.Id, m.UserId, m.User!.DisplayName, m.User.TimeZoneId, m.UserId == me ? m.LabelCiphertext : null))
                        .ToList(),
                    db.Set<SpaceSettings>().Where(x => x.SpaceId == s.Id).Select(x => (bool?)x.LivingApart).FirstOrDefault(),
                    db.Set<SpaceSettings>().Where(x => x.SpaceId == s.Id).Select(x => x.TimeZoneId).FirstOrDefault(),
                    db.Set<SpaceSettings>().Where(x => x.SpaceId == s.Id).Select(x => (int?)x.DailyGoalMinutes).FirstOrDefault(),
                    db.Users.Where(u => u.Id == s.CreatedByUserId).Select(u => u.TimeZoneId).FirstOrDefault(),
                    db.Set<SpaceRitual>().Where(r => r.SpaceId == s.Id).Select(r => (int?)r.Day).FirstOrDefault(),
                    db.Set<SpaceRitual>().Where(r => r.SpaceId == s.Id).Select(r => (int?)r.MinuteOfDay).FirstOrDefault(),
                    db.Set<SpaceRitual>().Where(r => r.SpaceId == s.Id).Select(r => r.TimeZoneId).FirstOrDefault(),
                    db.Set<SpaceRitual>().Where(r => r.SpaceId == s.Id).Select(r => (DateTimeOffset?)r.UpdatedAt).FirstOrDefault()))
                .FirstOrDefault());
    }

    private sealed record PairMemberRow(Guid Id, Guid UserId, string DisplayName, string? TimeZoneId, byte[]? Label);

    private sealed record PairRow(
        RelationshipKind Kind,
        List<PairMemberRow> Members,
        bool? LivingApart,
        string? Zone,
        int? GoalMinutes,
        string? StarterZone,
        int? RitualDay,
        int? RitualMinute,
        string? RitualZone,
        DateTimeOffset? RitualUpdatedAt);

    /// <summary>The space if the caller is an active member and it is open; otherwise null (answer "not found").</summary>
    public Task<PairSpace?> OpenAsync(Guid spaceId, CancellationToken ct = default) => seen.GetAsync(spaceId, ReadAsync, ct);

    private async Task<PairSpace?> ReadAsync(Guid spaceId, CancellationToken ct)
    {
        var me = current.RequireUserId();
        var row = await ReadPair(db, spaceId, me, ct);
        if (row is null)
        {
            return null;
        }

        var members = row.Members;
        var mine = members.FirstOrDefault(m => m.UserId == me);
        var other = members.FirstOrDefault(m => m.UserId != me);
        var zone = row.Zone ?? row.StarterZone;
        var goal = DailyGoal.Create(row.GoalMinutes ?? DailyGoal.DefaultMinutes);
        return new PairSpace(
            spaceId,
            row.Kind,
            me,
            other?.UserId,
            other?.DisplayName,
            members.Count == 0 || members[0].UserId == me,
            row.LivingApart ?? false,
            TimeZones.IsKnown(zone) ? zone! : TimeZones.Default,
            goal.IsOk ? goal.Value : DailyGoal.Default,
            Instant.FromDateTimeOffset(clock.GetUtcNow()))
        {
            MyTimeZoneId = mine?.TimeZoneId ?? TimeZones.Default,
            OtherTimeZoneId = other?.TimeZoneId,
            MyMembershipId = mine?.Id ?? Guid.Empty,
            MyLabelCiphertext = mine?.Label,
            Members = members.Select(m => (m.UserId, m.DisplayName)).ToList(),
            Ritual = row.RitualDay is { } day
                ? new SpaceRitual { SpaceId = spaceId, Day = day, MinuteOfDay = row.RitualMinute ?? 0, TimeZoneId = row.RitualZone ?? TimeZones.Default, UpdatedAt = row.RitualUpdatedAt ?? default }
                : null,
        };
    }
}

/// <summary>
/// The pair's priority dimensions for the prompt recommender: only priorities both members may see
/// (no inference leak). Provided by the assessment (SharedPriorityDimensions: the shared map only).
/// </summary>
public interface IPriorityDimensions
{
    Task<IReadOnlyCollection<Dimension>> ForSpaceAsync(Guid spaceId, CancellationToken ct = default);
}

/// <summary>
/// Whether each member of a romantic space opted in to sexual content. Nobody can opt in yet, so the
/// answer is "no" for both; the consent screen will provide the real answer.
/// </summary>
public interface ISexualContentConsent
{
    Task<(bool First, bool Second)> ForSpaceAsync(Guid spaceId, CancellationToken ct = default);
}

public sealed class NoSexualContentConsent : ISexualContentConsent
{
    public Task<(bool First, bool Second)> ForSpaceAsync(Guid spaceId, CancellationToken ct = default) =>
        Task.FromResult((false, false));
}

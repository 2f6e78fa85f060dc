using Hearth.Core.Dimensions;
using Hearth.Core.QualityTime;
using Hearth.Core.Spaces;
using Hearth.Web.Data;
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

    /// <summary>Canonical zone ids people can choose from, sorted.</summary>
    public static IReadOnlyList<string> Choices { get; } =
        NodaTime.TimeZones.TzdbDateTimeZoneSource.Default.CanonicalIdMap.Values
            .Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC")
            .Append(Default)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

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
public sealed class PairSpaces
{
    private readonly HearthDbContext db;
    private readonly CurrentMember current;
    private readonly TimeProvider clock;
    private readonly Dictionary<Guid, PairSpace?> seen = [];

    public PairSpaces(HearthDbContext db, CurrentMember current, TimeProvider clock)
    {
        this.db = db;
        this.current = current;
        this.clock = clock;
        db.SavedChanges += (_, _) => seen.Clear();
    }

    /// <summary>The space if the caller is an active member and it is open; otherwise null (answer "not found").</summary>
    public async Task<PairSpace?> OpenAsync(Guid spaceId, CancellationToken ct = default)
    {
        if (seen.TryGetValue(spaceId, out var known))
        {
            return known;
        }

        var pair = await ReadAsync(spaceId, ct);
        seen[spaceId] = pair;
        return pair;
    }

    private async Task<PairSpace?> ReadAsync(Guid spaceId, CancellationToken ct)
    {
        var me = current.RequireUserId();
        var mine = await db.Memberships
            .Where(m => m.SpaceId == spaceId && m.UserId == me && m.LeftAt == null && m.Space!.ClosedAt == null)
            .Select(m => new { m.Space!.Kind, m.Space.CreatedByUserId })
            .FirstOrDefaultAsync(ct);
        if (mine is null)
        {
            return null;
        }

        var members = await db.Memberships
            .Where(m => m.SpaceId == spaceId && m.LeftAt == null)
            .OrderBy(m => m.JoinedAt).ThenBy(m => m.Id)
            .Select(m => new { m.UserId, m.User!.DisplayName })
            .ToListAsync(ct);
        var other = members.FirstOrDefault(m => m.UserId != me);
        var settings = await db.Set<SpaceSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.SpaceId == spaceId, ct);
        var zone = settings?.TimeZoneId;
        if (zone is null)
        {
            zone = await db.Users.Where(u => u.Id == mine.CreatedByUserId).Select(u => u.TimeZoneId).FirstOrDefaultAsync(ct);
        }

        var goal = DailyGoal.Create(settings?.DailyGoalMinutes ?? DailyGoal.DefaultMinutes);
        return new PairSpace(
            spaceId,
            mine.Kind,
            me,
            other?.UserId,
            other?.DisplayName,
            members.Count == 0 || members[0].UserId == me,
            settings?.LivingApart ?? false,
            TimeZones.IsKnown(zone) ? zone! : TimeZones.Default,
            goal.IsOk ? goal.Value : DailyGoal.Default,
            Instant.FromDateTimeOffset(clock.GetUtcNow()));
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

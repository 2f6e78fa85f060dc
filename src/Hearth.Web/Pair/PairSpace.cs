using Hearth.Core.QualityTime;
using Hearth.Core.Spaces;
using NodaTime;

namespace Hearth.Web.Pair;

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

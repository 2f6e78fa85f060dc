using System.Text.Json.Serialization;
using Hearth.Core.Spaces;

namespace Hearth.Web.Pair;

public sealed record SpaceSummary(Guid Id, SpaceViewKind Kind, SpaceViewState State, string? Label, string? OtherPersonName);

public sealed record MemberView(string DisplayName, bool IsYou);

public sealed record PendingInvitationView(DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// One space as the current member sees it. A closed space shows only that it is closed: no
/// members, no dates, nothing about who left or when.
/// </summary>
public sealed record SpaceDetail(
    Guid Id,
    SpaceViewKind Kind,
    SpaceViewState State,
    string? Label,
    string OtherPersonWord,
    IReadOnlyList<MemberView> Members,
    PendingInvitationView? PendingInvitation);

/// <summary>What kind of space it is, on the wire: Core's <see cref="RelationshipKind"/> wire names
/// (a contract enum, so Core's enum, stored as a number, keeps no JSON attributes; ADR 19).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SpaceViewKind>))]
public enum SpaceViewKind
{
    [JsonStringEnumMemberName("romantic")]
    Romantic,

    [JsonStringEnumMemberName("friends")]
    Friends,

    [JsonStringEnumMemberName("family")]
    Family,
}

/// <summary>Where a space stands for the caller: waiting for the other person, both there, or closed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SpaceViewState>))]
public enum SpaceViewState
{
    [JsonStringEnumMemberName("solo")]
    Solo,

    [JsonStringEnumMemberName("paired")]
    Paired,

    [JsonStringEnumMemberName("closed")]
    Closed,
}

public static class SpaceViewKinds
{
    public static SpaceViewKind View(this RelationshipKind kind) => kind switch
    {
        RelationshipKind.Romantic => SpaceViewKind.Romantic,
        RelationshipKind.Friends => SpaceViewKind.Friends,
        RelationshipKind.Family => SpaceViewKind.Family,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static RelationshipKind Relationship(this SpaceViewKind kind) => kind switch
    {
        SpaceViewKind.Romantic => RelationshipKind.Romantic,
        SpaceViewKind.Friends => RelationshipKind.Friends,
        SpaceViewKind.Family => RelationshipKind.Family,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

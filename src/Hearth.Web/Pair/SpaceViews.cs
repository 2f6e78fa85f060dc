namespace Hearth.Web.Pair;

public sealed record SpaceSummary(Guid Id, string Kind, string State, string? Label, string? OtherPersonName);

public sealed record MemberView(string DisplayName, bool IsYou);

public sealed record PendingInvitationView(DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// One space as the current member sees it. A closed space shows only that it is closed: no
/// members, no dates, nothing about who left or when.
/// </summary>
public sealed record SpaceDetail(
    Guid Id,
    string Kind,
    string State,
    string? Label,
    string OtherPersonWord,
    IReadOnlyList<MemberView> Members,
    PendingInvitationView? PendingInvitation);

using Hearth.Core.Spaces;

namespace Hearth.Core.Invitations;

/// <summary>The facts about one invitation that decide whether it can still be used.</summary>
public sealed record InvitationSnapshot(
    Guid SpaceId,
    Guid InviterId,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? RevokedAt);

public enum InvitationProblem
{
    None = 0,
    Expired,
    AlreadyUsed,
    Revoked,
    OwnInvitation,
    SpaceClosed,
    SpaceFull,
    AlreadyMember,
    TooManySpaces,
}

/// <summary>
/// Rules for the single-use invitation links that bring the second person into a space.
/// </summary>
public static class InvitationRules
{
    /// <summary>How long a link stays valid. A week is long enough to reach someone, short enough to go stale.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static DateTimeOffset ExpiryFor(DateTimeOffset createdAt) => createdAt + Lifetime;

    /// <summary>Decides whether <paramref name="joiningUserId"/> may accept the invitation at <paramref name="now"/>.</summary>
    public static InvitationProblem Check(
        InvitationSnapshot invitation,
        SpaceSnapshot space,
        Guid joiningUserId,
        int joiningUsersOpenSpaces,
        DateTimeOffset now)
    {
        // Order matters: a used link says "used" even after it would also have expired.
        if (invitation.AcceptedAt is not null)
        {
            return InvitationProblem.AlreadyUsed;
        }

        if (invitation.RevokedAt is not null)
        {
            return InvitationProblem.Revoked;
        }

        if (now >= invitation.ExpiresAt)
        {
            return InvitationProblem.Expired;
        }

        if (joiningUserId == invitation.InviterId)
        {
            return InvitationProblem.OwnInvitation;
        }

        var refusal = SpaceRules.CanJoin(space, joiningUserId);
        if (refusal != JoinRefusal.None)
        {
            return refusal switch
            {
                JoinRefusal.SpaceClosed => InvitationProblem.SpaceClosed,
                JoinRefusal.SpaceFull => InvitationProblem.SpaceFull,
                _ => InvitationProblem.AlreadyMember,
            };
        }

        return joiningUsersOpenSpaces >= SpaceRules.MaxOpenSpacesPerPerson
            ? InvitationProblem.TooManySpaces
            : InvitationProblem.None;
    }

    /// <summary>The sentence a person sees when a link cannot be used. Never names anyone.</summary>
    public static string Explain(InvitationProblem problem) => problem switch
    {
        InvitationProblem.None => "This invitation is ready to accept.",
        InvitationProblem.Expired => "This invitation link has expired. Links last seven days; ask for a fresh one.",
        InvitationProblem.AlreadyUsed => "This invitation link has already been used. Each link works once; ask for a fresh one if you need it.",
        InvitationProblem.Revoked => "This invitation link was withdrawn. Ask for a fresh one if you still want to join.",
        InvitationProblem.OwnInvitation => "This is your own invitation link. Send it to the person you want to invite.",
        InvitationProblem.SpaceClosed => "This space has closed, so the link no longer works.",
        InvitationProblem.SpaceFull => "This space already has two people in it.",
        InvitationProblem.AlreadyMember => "You are already in this space.",
        InvitationProblem.TooManySpaces => $"You already belong to {SpaceRules.MaxOpenSpacesPerPerson} spaces. Leave one before joining another.",
        _ => "This invitation link cannot be used.",
    };
}

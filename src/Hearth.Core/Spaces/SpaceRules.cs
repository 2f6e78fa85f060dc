namespace Hearth.Core.Spaces;

/// <summary>Where a space is in its life.</summary>
public enum SpaceState
{
    /// <summary>One member so far. Solo mode: everything personal works; shared views wait.</summary>
    Solo = 1,

    /// <summary>Two members, both present.</summary>
    Paired = 2,

    /// <summary>Someone left. Nobody can read or write its shared data any more.</summary>
    Closed = 3,
}

/// <summary>A plain snapshot of a space, enough for the membership rules.</summary>
public sealed record SpaceSnapshot(bool IsClosed, IReadOnlyCollection<Guid> ActiveMemberIds)
{
    public SpaceState State => IsClosed
        ? SpaceState.Closed
        : ActiveMemberIds.Count >= SpaceRules.MaxMembers ? SpaceState.Paired : SpaceState.Solo;

    public bool HasMember(Guid userId) => ActiveMemberIds.Contains(userId);
}

public enum JoinRefusal
{
    None = 0,
    SpaceClosed,
    SpaceFull,
    AlreadyMember,
}

public enum LeaveRefusal
{
    None = 0,
    NotMember,
}

/// <summary>
/// The membership state machine. A space holds at most two people. Anyone may leave at any time;
/// leaving closes the space for both (the one who stays sees a neutral "closed" notice), and a
/// closed space never reopens: a new start is a new space.
/// </summary>
public static class SpaceRules
{
    public const int MaxMembers = 2;

    /// <summary>How many spaces one person may belong to at once (a partner, friends, family...).</summary>
    public const int MaxOpenSpacesPerPerson = 20;

    public static JoinRefusal CanJoin(SpaceSnapshot space, Guid userId)
    {
        if (space.IsClosed)
        {
            return JoinRefusal.SpaceClosed;
        }

        if (space.HasMember(userId))
        {
            return JoinRefusal.AlreadyMember;
        }

        return space.ActiveMemberIds.Count >= MaxMembers ? JoinRefusal.SpaceFull : JoinRefusal.None;
    }

    public static LeaveRefusal CanLeave(SpaceSnapshot space, Guid userId) =>
        space.HasMember(userId) ? LeaveRefusal.None : LeaveRefusal.NotMember;

    /// <summary>Whether a member may read or write the space's shared data right now.</summary>
    public static bool CanUse(SpaceSnapshot space, Guid userId) => !space.IsClosed && space.HasMember(userId);

    /// <summary>Whether the space is waiting for its second person (so an invitation makes sense).</summary>
    public static bool CanInvite(SpaceSnapshot space, Guid userId) =>
        CanUse(space, userId) && space.ActiveMemberIds.Count < MaxMembers;
}

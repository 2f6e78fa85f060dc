using Hearth.Core.Spaces;
using Microsoft.AspNetCore.Identity;

namespace Hearth.Web.Data;

/// <summary>A person with an account. E-mail and display name are kept in clear (needed to sign in and to greet).</summary>
public sealed class HearthUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>No longer used: failed tries are counted in <see cref="Hearth.Web.Security.AttemptCounter"/> (ADR 11). Kept to keep the schema change small.</summary>
    public int ConsecutiveFailedSignIns { get; set; }

    /// <summary>No longer used (see <see cref="ConsecutiveFailedSignIns"/>).</summary>
    public DateTimeOffset? LastFailedSignInAt { get; set; }

    /// <summary>The last authenticator time step accepted, so a code works only once (NIST SP 800-63B).</summary>
    public long? LastTotpStep { get; set; }

    /// <summary>The person's IANA time zone ("Europe/Lisbon"); new spaces take it as the pair's calendar until changed.</summary>
    public string TimeZoneId { get; set; } = "Etc/UTC";

    /// <summary>The language the person chose ("de"), a shipped language's code; null: not chosen, the browser's language decides (Features/Languages).</summary>
    public string? Language { get; set; }
}

/// <summary>Marks relationship data: every such row belongs to exactly one space.</summary>
public interface ISpaceScoped
{
    Guid SpaceId { get; }
}

/// <summary>A relationship space shared by at most two people.</summary>
public sealed class Space
{
    public Guid Id { get; set; }

    public RelationshipKind Kind { get; set; }

    public Guid CreatedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when a member leaves. A closed space never reopens.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public List<Membership> Memberships { get; set; } = [];
}

/// <summary>One person's place in a space.</summary>
public sealed class Membership : ISpaceScoped
{
    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public Space? Space { get; set; }

    public Guid UserId { get; set; }

    public HearthUser? User { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>
    /// Set when this person leaves the space, or dismisses it after the other person left.
    /// From then on they cannot reach it at all.
    /// </summary>
    public DateTimeOffset? LeftAt { get; set; }

    /// <summary>
    /// The member's private name for this space ("Sam", "Mum", "Us"), encrypted with the member's
    /// data key and bound to this row. The other member never sees it.
    /// </summary>
    public byte[]? LabelCiphertext { get; set; }
}

/// <summary>
/// A member's data key (32 random bytes) wrapped by the Data Protection key ring. Deleting this row
/// makes everything encrypted under it unreadable, in backups too (crypto-shredding).
/// </summary>
public sealed class MemberKey
{
    public Guid UserId { get; set; }

    public byte[] WrappedKey { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A signed-in browser or app. The cookie names this row; deleting the row signs that device out.</summary>
public sealed class UserSession
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>A short description of the device ("Chrome on Android"), never the full user agent.</summary>
    public string ClientLabel { get; set; } = "";

    /// <summary>Set after a pause: private history asks "is it still you?" before it shows anything.</summary>
    public bool NeedsConfirmation { get; set; }
}

namespace Hearth.Web.Data;

/// <summary>A single-use invitation into a space. The link carries a signed token naming this row.</summary>
public sealed class Invitation : ISpaceScoped
{
    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public Guid InviterUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public Guid? AcceptedByUserId { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

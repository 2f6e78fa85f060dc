using Hearth.Core.Spaces;
using Hearth.Web.Api;

namespace Hearth.Web.Features.Invitations;

public sealed record CreateInvitationInput(string? Email);

public sealed record InvitationCreated(string Url, DateTimeOffset ExpiresAt, bool Emailed);

public sealed record AcceptInvitationInput(string? Token);

public sealed record InvitationAccepted(Guid SpaceId);

/// <summary>What someone holding a link sees after signing in, before accepting.</summary>
public sealed record InvitationPreview(bool CanAccept, string Message, string? InviterName, [property: WireValues<RelationshipKind>] string? Kind);

using Hearth.Core.Spaces;

namespace Hearth.Web.Pair;

/// <summary>One of the member's own spaces, as export sees it.</summary>
public sealed record MemberSpace(Guid Me, Guid SpaceId, RelationshipKind Kind);

/// <summary>The new space an import writes into: always the importer's own, solo or closed.</summary>
public sealed record ImportTarget(Guid Me, Guid SpaceId, RelationshipKind Kind, DateTimeOffset Now);

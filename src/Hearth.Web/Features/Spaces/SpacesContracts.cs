using Hearth.Core.Spaces;
using Hearth.Web.Api;

namespace Hearth.Web.Features.Spaces;

public sealed record CreateSpaceInput([property: WireValues<RelationshipKind>] string? Kind, string? Label);

public sealed record LabelInput(string? Label);

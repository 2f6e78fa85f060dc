using Hearth.Core.Spaces;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Features.Spaces;

public sealed record CreateSpaceInput([property: WireValues<RelationshipKind>] string? Kind, string? Label);

public sealed record LabelInput(string? Label);

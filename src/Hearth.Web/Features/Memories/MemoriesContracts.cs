using Hearth.Core.Memories;
using Hearth.Web.Api;

namespace Hearth.Web.Features.Memories;

public sealed record MemoryInput(string? Date, [property: WireValues<MemoryKind>] string? Kind, string? Title, string? Text, bool? Shared);

public sealed record MemoryView(Guid Id, string Date, [property: WireValues<MemoryKind>] string Kind, string KindLabel, string Title, string Text, bool Shared, bool Yours, string? AuthorName);

public sealed record OnThisDayView(string Heading, MemoryView Memory);

public sealed record TimelineView(string Today, IReadOnlyList<MemoryView> Memories, IReadOnlyList<OnThisDayView> OnThisDay);

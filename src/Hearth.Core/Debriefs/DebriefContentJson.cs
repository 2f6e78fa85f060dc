using System.Text.Json.Serialization;

namespace Hearth.Core.Debriefs;

// The shape of Debriefs/Content/debrief.*.json. DebriefContent.Parse checks it.

internal sealed record DebriefFileDto
{
    public string? Version { get; init; }
    public IReadOnlyList<DebriefLineDto>? Strengths { get; init; }
    public IReadOnlyList<DebriefLineDto>? Questions { get; init; }
    public IReadOnlyList<DebriefLineDto>? Starters { get; init; }
}

internal sealed record DebriefLineDto
{
    public string? Id { get; init; }
    public string? Dimension { get; init; }
    public string? Depth { get; init; }
    public IReadOnlyList<string>? Kinds { get; init; }
    public string? Text { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(DebriefFileDto))]
internal sealed partial class DebriefContentJsonContext : JsonSerializerContext;

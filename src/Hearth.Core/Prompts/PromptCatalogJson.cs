using System.Text.Json.Serialization;

namespace Hearth.Core.Prompts;

// The shape of Prompts/Content/prompts.*.json. PromptCatalog.Parse checks it.

internal sealed record PromptFileDto
{
    public string? Version { get; init; }
    public IReadOnlyList<PromptDto>? Prompts { get; init; }
}

internal sealed record PromptDto
{
    public string? Id { get; init; }
    public string? Dimension { get; init; }
    public string? Depth { get; init; }
    public IReadOnlyList<string>? Kinds { get; init; }
    public bool WorksAtDistance { get; init; }
    public bool Sexual { get; init; }
    public string? Text { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(PromptFileDto))]
internal sealed partial class PromptCatalogJsonContext : JsonSerializerContext;

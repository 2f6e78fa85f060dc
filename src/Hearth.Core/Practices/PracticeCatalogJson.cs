using System.Text.Json.Serialization;

namespace Hearth.Core.Practices;

// The shape of Practices/Content/practices.*.json. PracticeCatalog.Parse checks it.

internal sealed record PracticeFileDto
{
    public string? Version { get; init; }
    public IReadOnlyList<PracticeDto>? Practices { get; init; }
}

internal sealed record PracticeDto
{
    public string? Id { get; init; }
    public string? Title { get; init; }
    public string? HowTo { get; init; }
    public IReadOnlyList<string>? Dimensions { get; init; }
    public int Minutes { get; init; }
    public string? Setting { get; init; }
    public string? AtDistance { get; init; }
    public IReadOnlyList<string>? Kinds { get; init; }
    public string? Why { get; init; }
    public string? Source { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(PracticeFileDto))]
internal sealed partial class PracticeCatalogJsonContext : JsonSerializerContext;

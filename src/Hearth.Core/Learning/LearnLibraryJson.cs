using System.Text.Json.Serialization;

namespace Hearth.Core.Learning;

// The shape of Learning/Content/learn.*.json. LearnLibrary.Parse checks it.

internal sealed record LearnFileDto
{
    public string? Version { get; init; }
    public IReadOnlyList<LearnCardDto>? Cards { get; init; }
    public IReadOnlyList<TextItemDto>? ReflectionQuestions { get; init; }
    public IReadOnlyList<TextItemDto>? FirstSteps { get; init; }
}

internal sealed record LearnCardDto
{
    public string? Id { get; init; }
    public string? Topic { get; init; }
    public string? Dimension { get; init; }
    public string? Title { get; init; }
    public string? Body { get; init; }
    public string? TryToday { get; init; }
    public string? PracticeId { get; init; }
}

internal sealed record TextItemDto
{
    public string? Id { get; init; }
    public string? Text { get; init; }
    public string? PracticeId { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(LearnFileDto))]
internal sealed partial class LearnLibraryJsonContext : JsonSerializerContext;

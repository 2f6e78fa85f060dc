using System.Text.Json.Serialization;

namespace Hearth.Core.Assessments;

// The shape of an assessment content file (e.g. Content/baseline.v1.json). These DTOs only carry
// what the file says; AssessmentContent.Parse checks it and turns it into the public records.

internal sealed record ContentFileDto
{
    public string? Version { get; init; }
    public string? TimeFrame { get; init; }
    public IReadOnlyList<ScaleDto>? Scales { get; init; }
    public IReadOnlyList<SectionDto>? Sections { get; init; }
    public IReadOnlyList<ItemDto>? Items { get; init; }
}

internal sealed record ScaleDto
{
    public string? Id { get; init; }
    public IReadOnlyList<ScalePointDto>? Points { get; init; }
}

internal sealed record ScalePointDto
{
    public int Value { get; init; }
    public string? Label { get; init; }
    public string? Description { get; init; }
}

internal sealed record SectionDto
{
    public string? Id { get; init; }
    public string? Title { get; init; }
    public string? Intro { get; init; }
}

internal sealed record ItemDto
{
    public string? Id { get; init; }
    public string? Section { get; init; }
    public string? Dimension { get; init; }
    public string? Scale { get; init; }
    public bool Reverse { get; init; }
    public IReadOnlyList<string>? Kinds { get; init; }
    public bool Sexual { get; init; }
    public bool Safety { get; init; }
    public bool NotRelevant { get; init; }
    public string? CareWay { get; init; }
    public string? Text { get; init; }
    public IReadOnlyDictionary<string, string>? Variants { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ContentFileDto))]
internal sealed partial class AssessmentContentJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;
using System.Text.Json;
using Hearth.Core.Assessments;
using Hearth.Core.Dimensions;
using Hearth.Core.Spaces;
using Hearth.Web.Api;

namespace Hearth.Web.Features.Assessments;

public sealed record ScalePointView(int Value, string Label, string? Description);

public sealed record AssessmentItemView(
    string Id,
    string Section,
    string? Dimension,
    string Text,
    string Scale,
    int Min,
    int Max,
    IReadOnlyList<ScalePointView> Points,
    bool AllowsNotRelevant);

public sealed record AssessmentSectionView(string Id, string Title, string Intro, IReadOnlyList<AssessmentItemView> Items);

/// <summary>Where the member is with the assessment in this space. Only ever their own.</summary>
public sealed record AssessmentState(
    string ContentVersion,
    [property: WireValues<RelationshipKind>] string Kind,
    int Round,
    AssessmentStatus Status,
    int CompletedRounds,
    bool SexualOptInOffered,
    bool SexualOptIn,
    string? CurrentSection,
    IReadOnlyList<string> Steps,
    IReadOnlyDictionary<string, string> Answers);

public sealed record StartInput(bool? SexualOptIn);

public sealed record SaveAnswersInput(Dictionary<string, JsonElement>? Answers, string? NextSection);

public sealed record CompleteInput(IReadOnlyList<string>? Share, bool? ShareCareWays);

public sealed record SafetyCheckInput(Dictionary<string, JsonElement>? Answers);

public sealed record RoundSummary(int Round, DateTimeOffset CompletedAt);

public sealed record SafetyCheckResult(bool ShowSupport);

/// <summary>One of the caller's own finished rounds, scored.</summary>
public sealed record ScoredRound(int Round, DateTimeOffset CompletedAt, AssessmentResult Result);

/// <summary>A round both finished: both results, and the dimensions both chose to share (only those may be used together).</summary>
public sealed record SharedAssessmentRound(int Round, DateTimeOffset CompletedAt, AssessmentResult Mine, AssessmentResult Theirs, IReadOnlyList<Dimension> Shared);

public sealed record AssessmentHistory(IReadOnlyList<ScoredRound> Mine, IReadOnlyList<SharedAssessmentRound> Shared);

/// <summary>Where the member is with the current round.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssessmentStatus>))]
public enum AssessmentStatus
{
    [JsonStringEnumMemberName("notStarted")]
    NotStarted,

    [JsonStringEnumMemberName("inProgress")]
    InProgress,

    [JsonStringEnumMemberName("completed")]
    Completed,
}

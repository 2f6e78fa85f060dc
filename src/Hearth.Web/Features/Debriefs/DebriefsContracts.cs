using System.Text.Json.Serialization;

namespace Hearth.Web.Features.Debriefs;

/// <summary>A sentence of the debrief a member may keep for a counsellor; <c>saved</c> is only ever the caller's own choice.</summary>
public sealed record DebriefLineView(string Id, string Text, bool Saved);

/// <summary>A conversation question, lightest first.</summary>
public sealed record DebriefQuestionView(string Id, DebriefDepth Depth, string Text, bool Saved);

/// <summary>The one practice to try this week.</summary>
public sealed record DebriefPracticeView(string Id, string Title, string HowTo, int Minutes, bool Saved);

/// <summary>A dimension to talk about: why, two or three questions of graded depth, an "I"-statement starter, one practice.</summary>
public sealed record DebriefTopicView(
    string Dimension,
    string Title,
    DebriefTopicReason Reason,
    string Why,
    IReadOnlyList<DebriefQuestionView> Questions,
    DebriefLineView Starter,
    DebriefPracticeView? Practice);

/// <summary>
/// The debrief for two after the shared map. "Waiting" carries nothing about the other member.
/// Strengths first, then the topics; built only from what both shared, so both read the same
/// debrief (only the <c>saved</c> marks are each member's own).
/// </summary>
public sealed record DebriefView(
    bool Ready,
    bool WaitingForSecondPerson,
    int? Round,
    string? OtherName,
    IReadOnlyList<DebriefLineView> Strengths,
    IReadOnlyList<DebriefTopicView> Topics)
{
    public static DebriefView Waiting(bool solo) => new(false, solo, null, null, [], []);
}

/// <summary>What the caller saved for a counsellor in this space: content and practice ids.</summary>
public sealed record SavedForCounsellorView(IReadOnlyList<string> ItemIds);

/// <summary>Why a dimension is in the debrief.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DebriefTopicReason>))]
public enum DebriefTopicReason
{
    /// <summary>You experience it differently (the map's reliable-difference rule).</summary>
    [JsonStringEnumMemberName("differ")]
    Differ,

    /// <summary>At least one of you feels it is thin right now.</summary>
    [JsonStringEnumMemberName("roomForMore")]
    RoomForMore,
}

/// <summary>How much a question asks: light, medium or deep.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DebriefDepth>))]
public enum DebriefDepth
{
    [JsonStringEnumMemberName("light")]
    Light,

    [JsonStringEnumMemberName("medium")]
    Medium,

    [JsonStringEnumMemberName("deep")]
    Deep,
}

using System.Text.Json.Serialization;
using Hearth.Core.Dimensions;

namespace Hearth.Web.Features.Prompts;

public sealed record PromptAnswerInput(string? Text);

/// <summary>The caller's own response: "open" (not yet), "answered" or "skipped".</summary>
public sealed record OwnResponseView(PromptResponseState State, string? Text);

/// <summary>Today's question as the pair dashboard shows it: no answers, and "both answered" only once both did.</summary>
public sealed record PromptGlance(string Date, string Text, string DimensionTitle, PromptResponseState State, bool BothAnswered);

/// <summary>
/// The other member's answer. Before both have answered it is always the same: not revealed, no
/// text, nothing about whether they answered, skipped or have not looked yet.
/// </summary>
public sealed record OtherResponseView(string Name, bool Revealed, string? Text);

public sealed record PromptDayView(
    string Date,
    string PromptId,
    string Text,
    string Dimension,
    string DimensionTitle,
    string Depth,
    string Explanation,
    string? SkipNote,
    OwnResponseView Yours,
    OtherResponseView? Theirs);

/// <summary>Where the caller's own answer to a day's question is. Only ever their own.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PromptResponseState>))]
public enum PromptResponseState
{
    [JsonStringEnumMemberName("open")]
    Open,

    [JsonStringEnumMemberName("answered")]
    Answered,

    [JsonStringEnumMemberName("skipped")]
    Skipped,
}

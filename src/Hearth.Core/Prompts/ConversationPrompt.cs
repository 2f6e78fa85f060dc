using Hearth.Core.Dimensions;
using Hearth.Core.Spaces;

namespace Hearth.Core.Prompts;

/// <summary>How much a prompt asks of the people answering it (an escalating self-disclosure design, see docs/product/voice.md).</summary>
public enum PromptDepth
{
    /// <summary>Easy and playful: preferences, small stories, the week's highlights.</summary>
    Light = 1,

    /// <summary>Values, memories that mattered, hopes, what each appreciates in the other.</summary>
    Medium = 2,

    /// <summary>Fears, regrets, needs, what is hard to say. Offered only after lighter rounds; always skippable.</summary>
    Deep = 3,
}

public static class PromptDepths
{
    public static IReadOnlyList<PromptDepth> All { get; } = [PromptDepth.Light, PromptDepth.Medium, PromptDepth.Deep];

    public static string WireName(this PromptDepth depth) => depth switch
    {
        PromptDepth.Light => "light",
        PromptDepth.Medium => "medium",
        PromptDepth.Deep => "deep",
        _ => throw new ArgumentOutOfRangeException(nameof(depth)),
    };

    public static bool TryParse(string? value, out PromptDepth depth)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.WireName(), value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                depth = candidate;
                return true;
            }
        }

        depth = default;
        return false;
    }
}

/// <summary>
/// One conversation prompt from the content file. Ids are stable: answers and history refer to them.
/// </summary>
/// <param name="Id">Stable id, e.g. "prompt.emo.light.01".</param>
/// <param name="Dimension">The kind of closeness it builds.</param>
/// <param name="Depth">Light, medium or deep.</param>
/// <param name="Kinds">The kinds of space it suits. Anything about romance or sex suits romantic spaces only.</param>
/// <param name="WorksAtDistance">It works over a call, a video chat or messages.</param>
/// <param name="IsSexual">About sex: shown only in romantic spaces where both members opted in.</param>
/// <param name="Text">The prompt, in our words.</param>
public sealed record ConversationPrompt(
    string Id,
    Dimension Dimension,
    PromptDepth Depth,
    IReadOnlyList<RelationshipKind> Kinds,
    bool WorksAtDistance,
    bool IsSexual,
    string Text)
{
    /// <summary>Every prompt can be skipped, with no reason needed. Deep ones say so out loud.</summary>
    public static bool IsSkippable => true;

    public bool Suits(RelationshipKind kind) => Kinds.Contains(kind);

    /// <summary>
    /// Whether a pair may see this prompt. Checked here as well as in the content file, so a content
    /// mistake cannot show a sexual prompt to friends, family, or a pair who did not both opt in.
    /// </summary>
    public bool IsAvailableTo(RelationshipKind kind, bool bothOptedInToSexualContent) =>
        Suits(kind) && (!IsSexual || (kind == RelationshipKind.Romantic && bothOptedInToSexualContent));
}

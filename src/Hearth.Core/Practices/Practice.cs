using Hearth.Core.Dimensions;
using Hearth.Core.Spaces;

namespace Hearth.Core.Practices;

/// <summary>Where a practice can happen.</summary>
public enum PracticeSetting
{
    /// <summary>Needs both people in the same place (touch, a walk side by side).</summary>
    InPerson = 1,

    /// <summary>Made for a distance: a call, video or messages.</summary>
    Remote = 2,

    /// <summary>Works either way.</summary>
    Either = 3,
}

public static class PracticeSettings
{
    public static string WireName(this PracticeSetting setting) => setting switch
    {
        PracticeSetting.InPerson => "in-person",
        PracticeSetting.Remote => "remote",
        PracticeSetting.Either => "either",
        _ => throw new ArgumentOutOfRangeException(nameof(setting)),
    };

    public static bool TryParse(string? value, out PracticeSetting setting)
    {
        foreach (var candidate in Enum.GetValues<PracticeSetting>())
        {
            if (string.Equals(candidate.WireName(), value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                setting = candidate;
                return true;
            }
        }

        setting = default;
        return false;
    }
}

/// <summary>
/// Ids of practices that other code refers to (insights, reconnect plans, first steps). They are part
/// of the content contract: a content version must keep them.
/// </summary>
public static class PracticeIds
{
    public const string Daily20Minutes = "practice.daily-20-minutes";
    public const string AppreciationNote = "practice.appreciation-note";
    public const string WalkAndTalk = "practice.walk-and-talk";
    public const string MemoryLane = "practice.memory-lane";
    public const string IStatementTalk = "practice.i-statement-talk";
    public const string ThinkingOfYou = "practice.thinking-of-you";
    public const string OneMeaningfulQuestion = "practice.one-meaningful-question";
    public const string ShareAFeeling = "practice.share-a-feeling";
    public const string BringBackAffection = "practice.bring-back-affection";
    public const string NoticeSmallSteps = "practice.notice-small-steps";
    public const string NewTogether = "practice.new-together";
    public const string ValuesTalk = "practice.values-talk";

    /// <summary>Ids the content file must contain.</summary>
    public static IReadOnlyList<string> Required { get; } =
    [
        Daily20Minutes, AppreciationNote, WalkAndTalk, MemoryLane, IStatementTalk,
        ThinkingOfYou, OneMeaningfulQuestion, ShareAFeeling, BringBackAffection, NoticeSmallSteps,
        NewTogether, ValuesTalk,
    ];

    /// <summary>One or two practices matched to a dimension, for growth areas and strengths (used by the insight engine).</summary>
    public static IReadOnlyList<string> ForDimension(Dimensions.Dimension dimension) => dimension switch
    {
        Dimensions.Dimension.Emotional => [IStatementTalk, Daily20Minutes],
        Dimensions.Dimension.Physical => [BringBackAffection, Daily20Minutes],
        Dimensions.Dimension.Intellectual => [OneMeaningfulQuestion, WalkAndTalk],
        Dimensions.Dimension.Spiritual => [ValuesTalk, WalkAndTalk],
        Dimensions.Dimension.Experiential => [NewTogether, MemoryLane],
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    /// <summary>
    /// The reconnect steps from docs/product/domain.md, in order: an honest I-statement talk, daily quality time,
    /// small affection, a memory to revisit, and patience (noticing small steps).
    /// </summary>
    public static IReadOnlyList<string> ReconnectPlan { get; } =
        [IStatementTalk, Daily20Minutes, BringBackAffection, MemoryLane, NoticeSmallSteps];
}

/// <summary>One practice from the catalogue, in our own words.</summary>
/// <param name="Id">Stable id, e.g. "practice.walk-and-talk".</param>
/// <param name="Title">A short name.</param>
/// <param name="HowTo">Two or three plain sentences on how to do it.</param>
/// <param name="Dimensions">The kinds of closeness it builds, the main one first.</param>
/// <param name="Minutes">About how long it takes.</param>
/// <param name="Setting">In person, remote, or either.</param>
/// <param name="Kinds">The kinds of space it suits.</param>
/// <param name="Why">One line on why it helps, paraphrasing research in plain words.</param>
/// <param name="Source">The research behind <paramref name="Why"/> (authors, year). Internal: not shown as a citation.</param>
/// <param name="Tags">Loose labels such as "ritual", "reconnect", "distance", "phone-free".</param>
public sealed record Practice(
    string Id,
    string Title,
    string HowTo,
    IReadOnlyList<Dimension> Dimensions,
    int Minutes,
    PracticeSetting Setting,
    IReadOnlyList<RelationshipKind> Kinds,
    string Why,
    string Source,
    IReadOnlyList<string> Tags)
{
    public bool Suits(RelationshipKind kind) => Kinds.Contains(kind);

    /// <summary>Works for a pair who are apart right now.</summary>
    public bool WorksAtDistance => Setting != PracticeSetting.InPerson;

    /// <summary>
    /// For an in-person practice: the id of its form for a pair who live apart ("walk and talk" becomes
    /// "a walk on a call"), or null when there is none. Content field <c>atDistance</c>; see
    /// <see cref="PracticeSuggestions"/>.
    /// </summary>
    public string? AtDistance { get; init; }

    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);
}

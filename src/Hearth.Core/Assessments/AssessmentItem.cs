using Hearth.Core.Dimensions;
using Hearth.Core.Spaces;

namespace Hearth.Core.Assessments;

/// <summary>The part of the baseline assessment an item belongs to (see docs/product/assessment-and-insights.md).</summary>
public enum AssessmentSection
{
    /// <summary>Overall feeling about the relationship (3 items, one reverse-worded).</summary>
    Anchor = 1,

    /// <summary>How a dimension feels now (3 per dimension, one reverse-worded).</summary>
    Experience = 2,

    /// <summary>How much a dimension matters to the member (1 per dimension).</summary>
    Importance = 3,

    /// <summary>Sexual closeness: romantic spaces only, and only after the member opts in.</summary>
    Sexual = 4,

    /// <summary>Small everyday signs that closeness is healthy.</summary>
    HealthySigns = 5,

    /// <summary>Harder moments, rated by how often they happened.</summary>
    WarningSigns = 6,

    /// <summary>The pictorial closeness item (two circles, 1-7).</summary>
    Closeness = 7,

    /// <summary>Five ways of feeling cared for, each rated on its own.</summary>
    CareWays = 8,

    /// <summary>Private safety questions. Never scored, never shared.</summary>
    Safety = 9,
}

/// <summary>Five ways people give and receive care. Preferences to balance, never a "type".</summary>
public enum CareWay
{
    Words = 1,
    Acts = 2,
    Gifts = 3,
    Time = 4,
    Touch = 5,
}

public static class AssessmentWireNames
{
    public static string WireName(this AssessmentSection section) => section switch
    {
        AssessmentSection.Anchor => "anchor",
        AssessmentSection.Experience => "experience",
        AssessmentSection.Importance => "importance",
        AssessmentSection.Sexual => "sexual",
        AssessmentSection.HealthySigns => "healthySigns",
        AssessmentSection.WarningSigns => "warningSigns",
        AssessmentSection.Closeness => "closeness",
        AssessmentSection.CareWays => "careWays",
        AssessmentSection.Safety => "safety",
        _ => throw new ArgumentOutOfRangeException(nameof(section)),
    };

    public static bool TryParseSection(string? value, out AssessmentSection section)
    {
        foreach (var candidate in Enum.GetValues<AssessmentSection>())
        {
            if (string.Equals(candidate.WireName(), value, StringComparison.Ordinal))
            {
                section = candidate;
                return true;
            }
        }

        section = default;
        return false;
    }

    public static string WireName(this CareWay way) => way switch
    {
        CareWay.Words => "words",
        CareWay.Acts => "acts",
        CareWay.Gifts => "gifts",
        CareWay.Time => "time",
        CareWay.Touch => "touch",
        _ => throw new ArgumentOutOfRangeException(nameof(way)),
    };

    public static bool TryParseCareWay(string? value, out CareWay way)
    {
        foreach (var candidate in Enum.GetValues<CareWay>())
        {
            if (string.Equals(candidate.WireName(), value, StringComparison.Ordinal))
            {
                way = candidate;
                return true;
            }
        }

        way = default;
        return false;
    }
}

/// <summary>One labelled point on an answer scale.</summary>
/// <param name="Value">The number stored for this choice.</param>
/// <param name="Label">A short label shown next to the choice.</param>
/// <param name="Description">An optional longer description (the closeness circles use it).</param>
public sealed record ScalePoint(int Value, string Label, string? Description);

/// <summary>An answer scale: every whole number from <see cref="Min"/> to <see cref="Max"/> has a labelled point.</summary>
public sealed record AnswerScale(string Id, int Min, int Max, IReadOnlyList<ScalePoint> Points)
{
    public bool Contains(int value) => value >= Min && value <= Max;

    /// <summary>Reverse keying generalised to any range: (min + max) - x, so 8 - x on a 1-7 scale.</summary>
    public int Reverse(int value) => Min + Max - value;
}

/// <summary>A heading and a short introduction shown before a section.</summary>
public sealed record AssessmentSectionInfo(AssessmentSection Section, string Title, string Intro);

/// <summary>
/// One question of the assessment, as written in the content file. Every item allows
/// "prefer not to say"; only items with <see cref="AllowsNotRelevant"/> offer "not relevant to us".
/// </summary>
public sealed record AssessmentItem(
    string Id,
    AssessmentSection Section,
    Dimension? Dimension,
    AnswerScale Scale,
    bool IsReverseKeyed,
    IReadOnlyList<RelationshipKind> Kinds,
    bool IsSexual,
    bool IsSafety,
    bool AllowsNotRelevant,
    CareWay? CareWay,
    string DefaultText,
    IReadOnlyDictionary<RelationshipKind, string> TextByKind)
{
    public bool AppliesTo(RelationshipKind kind) => Kinds.Contains(kind);

    /// <summary>The wording for this kind of space, or the default wording when there is no variant.</summary>
    public string TextFor(RelationshipKind kind) =>
        TextByKind.TryGetValue(kind, out var text) ? text : DefaultText;
}

/// <summary>An item as one member sees it: the wording already chosen for their kind of space.</summary>
public sealed record PresentedItem(AssessmentItem Item, string Text)
{
    public string Id => Item.Id;
}

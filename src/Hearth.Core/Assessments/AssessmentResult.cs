using Hearth.Core.Dimensions;

namespace Hearth.Core.Assessments;

public enum ScoreStatus
{
    /// <summary>Enough items were answered to give a mean.</summary>
    Scored = 1,

    /// <summary>Too few answers. Hearth says so rather than guessing (never imputes, never borrows).</summary>
    NotEnoughAnswers = 2,

    /// <summary>The member told us this part is not relevant to them (spiritual items only).</summary>
    NotRelevant = 3,
}

/// <summary>
/// The mean of a group of items on their own scale (after reverse keying), and the same mean
/// placed on 0-100: (mean - min) / (max - min) x 100, which is (mean - 1) / 6 x 100 on a 1-7 scale.
/// </summary>
/// <param name="Status">Whether there is a score, and if not, why.</param>
/// <param name="ItemCount">How many items the group has for this member.</param>
/// <param name="Answered">How many of them carry a value.</param>
/// <param name="Required">How many values are needed for a score.</param>
/// <param name="Mean">The mean on the item scale, or null without enough answers.</param>
/// <param name="Percent">The mean on 0-100, or null without enough answers.</param>
/// <param name="ScaleMin">The lowest point of the item scale.</param>
/// <param name="ScaleMax">The highest point of the item scale.</param>
public sealed record ScaleScore(
    ScoreStatus Status,
    int ItemCount,
    int Answered,
    int Required,
    double? Mean,
    double? Percent,
    int ScaleMin,
    int ScaleMax)
{
    public bool HasScore => Status == ScoreStatus.Scored;
}

/// <summary>One dimension of the profile: how it feels now, how much it matters, and the gap.</summary>
/// <param name="Dimension">Which dimension.</param>
/// <param name="Experience">Mean of the three experience items (reverse-keyed where needed).</param>
/// <param name="Importance">The importance answer (1-7), or null if not given.</param>
/// <param name="ImportanceNotRelevant">The member said this dimension is not relevant to them.</param>
/// <param name="Gap">Importance minus experience mean, on the 1-7 scale; null unless both exist.</param>
/// <param name="IsGrowthArea">Matters a lot, feels thin now (see <see cref="AssessmentScorer"/> thresholds).</param>
/// <param name="IsStrength">Feels strong now.</param>
public sealed record DimensionResult(
    Dimension Dimension,
    ScaleScore Experience,
    int? Importance,
    bool ImportanceNotRelevant,
    double? Gap,
    bool IsGrowthArea,
    bool IsStrength);

/// <summary>One way of feeling cared for, rated on its own (never ranked into a "type").</summary>
public sealed record CareWayRating(CareWay Way, int? Rating, int ScaleMax);

public enum StatementKind
{
    GrowthArea = 1,
    Strength = 2,
    WarningSigns = 3,
}

/// <summary>
/// Something the member's results point to, with the reason they are seeing it. Invitational,
/// never a verdict.
/// </summary>
public sealed record ResultStatement(StatementKind Kind, Dimension? Dimension, string Message, string Why);

/// <summary>
/// A member's private profile from the baseline assessment. Always five dimensions side by side,
/// never one overall score. Contains nothing from the safety module, by construction.
/// </summary>
public sealed record AssessmentResult(
    string ContentVersion,
    IReadOnlyList<DimensionResult> Dimensions,
    ScaleScore GlobalAnchor,
    ScaleScore HealthySigns,
    ScaleScore WarningIndex,
    ScaleScore? SexualCloseness,
    int? ClosenessCircles,
    IReadOnlyList<CareWayRating> CareWays,
    IReadOnlyList<ResultStatement> Statements)
{
    public DimensionResult For(Dimension dimension) => Dimensions.First(d => d.Dimension == dimension);
}

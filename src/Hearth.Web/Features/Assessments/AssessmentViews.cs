using System.Text.Json.Serialization;
using Hearth.Core.Assessments;
using Hearth.Core.Dimensions;
using Hearth.Core.Spaces;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Assessments;

public sealed record ScoreView(ScoreViewStatus Status, double? Mean, double? Percent, int Answered, int Required)
{
    public static ScoreView From(ScaleScore score) => new(
        score.Status switch
        {
            ScoreStatus.Scored => ScoreViewStatus.Scored,
            ScoreStatus.NotRelevant => ScoreViewStatus.NotRelevant,
            _ => ScoreViewStatus.NotEnoughAnswers,
        },
        score.Mean is { } m ? Math.Round(m, 2) : null,
        score.Percent is { } p ? Math.Round(p) : null,
        score.Answered,
        score.Required);
}

public sealed record DimensionView(
    string Dimension,
    string Title,
    string Description,
    ScoreView Experience,
    int? Importance,
    double? ImportancePercent,
    bool ImportanceNotRelevant,
    double? Gap,
    bool IsPriority,
    bool IsStrength);

public sealed record StatementView(StatementViewKind Kind, string? Dimension, string Message, string Why);

public sealed record CareWayView(string Way, int? Rating, int Max);

/// <summary>A member's own result. Never shown to anyone else in this form.</summary>
public sealed record AssessmentResultView(
    int Round,
    DateTimeOffset CompletedAt,
    IReadOnlyList<DimensionView> Dimensions,
    IReadOnlyList<StatementView> Statements,
    ScoreView Overall,
    ScoreView HealthySigns,
    ScoreView WarningIndex,
    ScoreView? SexualCloseness,
    int? ClosenessCircles,
    IReadOnlyList<CareWayView> CareWays,
    IReadOnlyList<RoundSummary> Rounds)
{
    /// <summary>The view in the member's language (<paramref name="text"/>); the numbers are the same in every language.</summary>
    public static AssessmentResultView From(int round, DateTimeOffset completedAt, AssessmentResult result, IReadOnlyList<RoundSummary> rounds, IStringLocalizer<AssessmentsText> text, RelationshipKind kind) => new(
        round,
        completedAt,
        result.Dimensions.Select(d => DimensionViews.From(d, text, kind)).ToList(),
        result.Statements.Select(s => new StatementView(
            s.Kind switch { StatementKind.GrowthArea => StatementViewKind.Priority, StatementKind.Strength => StatementViewKind.Strength, _ => StatementViewKind.WarningSigns },
            s.Dimension?.WireName(),
            AssessmentSentences.Message(text, s),
            AssessmentSentences.Why(text, s, result))).ToList(),
        ScoreView.From(result.GlobalAnchor),
        ScoreView.From(result.HealthySigns),
        ScoreView.From(result.WarningIndex),
        result.SexualCloseness is { } sexual ? ScoreView.From(sexual) : null,
        result.ClosenessCircles,
        result.CareWays.Select(c => new CareWayView(c.Way.WireName(), c.Rating, c.ScaleMax)).ToList(),
        rounds);
}

internal static class DimensionViews
{
    public static DimensionView From(DimensionResult d, IStringLocalizer<AssessmentsText> text, RelationshipKind kind) => new(
        d.Dimension.WireName(),
        text.Title(d.Dimension),
        text.Description(d.Dimension, kind),
        ScoreView.From(d.Experience),
        d.Importance,
        d.Importance is { } i ? Math.Round((i - 1) / 6.0 * 100) : null,
        d.ImportanceNotRelevant,
        d.Gap is { } g ? Math.Round(g, 2) : null,
        d.IsGrowthArea,
        d.IsStrength);
}

public sealed record MapDimensionView(
    string Dimension,
    string Title,
    bool Shared,
    double? You,
    double? Them,
    string Outcome,
    string? Message,
    string? Why);

/// <summary>
/// The closeness map for the pair. "Waiting" carries nothing about the other member: not whether
/// they started, not whether they finished.
/// </summary>
public sealed record ClosenessMapView(
    bool Ready,
    bool WaitingForSecondPerson,
    int? Round,
    string? OtherName,
    IReadOnlyList<MapDimensionView> Dimensions)
{
    public static ClosenessMapView Waiting(bool solo) => new(false, solo, null, null, []);

    /// <summary>The map in the member's language (<paramref name="text"/>); the numbers are the same in every language.</summary>
    public static ClosenessMapView For(int round, string otherName, AssessmentResult you, AssessmentResult them, IReadOnlyList<Dimension> shared, ClosenessMapResult map, IStringLocalizer<AssessmentsText> text) => new(
        true,
        false,
        round,
        otherName,
        map.Dimensions.Select(c =>
        {
            var isShared = shared.Contains(c.Dimension);
            return new MapDimensionView(
                c.Dimension.WireName(),
                text.Title(c.Dimension),
                isShared,
                isShared ? Rounded(you.For(c.Dimension).Experience.Percent) : null,
                isShared ? Rounded(them.For(c.Dimension).Experience.Percent) : null,
                c.Outcome switch
                {
                    ComparisonOutcome.ExperienceDifferently => "experienceDifferently",
                    ComparisonOutcome.Agree => "agree",
                    ComparisonOutcome.ALittleApart => "aLittleApart",
                    ComparisonOutcome.NotComparable => "notComparable",
                    _ => "notShared",
                },
                AssessmentSentences.Message(text, c),
                AssessmentSentences.Why(text, c, you, them));
        }).ToList());

    private static double? Rounded(double? value) => value is { } v ? Math.Round(v) : null;
}

/// <summary>Whether a score could be given.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScoreViewStatus>))]
public enum ScoreViewStatus
{
    [JsonStringEnumMemberName("scored")]
    Scored,

    [JsonStringEnumMemberName("notRelevant")]
    NotRelevant,

    [JsonStringEnumMemberName("notEnoughAnswers")]
    NotEnoughAnswers,
}

/// <summary>What a statement in a member's own results is about.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StatementViewKind>))]
public enum StatementViewKind
{
    [JsonStringEnumMemberName("priority")]
    Priority,

    [JsonStringEnumMemberName("strength")]
    Strength,

    [JsonStringEnumMemberName("warningSigns")]
    WarningSigns,
}

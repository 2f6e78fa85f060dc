using Hearth.Core.Assessments;
using Hearth.Core.Dimensions;
using Hearth.Core.Practices;
using Hearth.Core.Spaces;

namespace Hearth.Core.Debriefs;

/// <summary>One dimension both members chose to share in the round both finished, as the map shows it.</summary>
/// <param name="Dimension">Which dimension.</param>
/// <param name="FirstPercent">One member's experience on 0-100.</param>
/// <param name="SecondPercent">The other member's experience on 0-100.</param>
/// <param name="ReliablyDifferent">The map's reliable-difference rule says the two experience it differently.</param>
/// <param name="BothStrong">Both experience it as a strength (75/100 or more each).</param>
public sealed record SharedDimensionScores(Dimension Dimension, double FirstPercent, double SecondPercent, bool ReliablyDifferent, bool BothStrong);

/// <summary>Why a dimension is a topic of the debrief.</summary>
public enum DebriefReason
{
    /// <summary>The two experience it differently (the map's reliable-difference rule).</summary>
    Differ = 1,

    /// <summary>At least one of them feels it is thin right now: room for more.</summary>
    RoomForMore = 2,
}

/// <summary>One dimension to talk about: questions lightest first, a starter, one practice for this week.</summary>
public sealed record DebriefTopic(Dimension Dimension, DebriefReason Reason, IReadOnlyList<DebriefLine> Questions, DebriefLine Starter, Practice? Practice);

/// <summary>The debrief: strengths first, then the topics.</summary>
public sealed record DebriefPlan(IReadOnlyList<DebriefLine> Strengths, IReadOnlyList<DebriefTopic> Topics)
{
    /// <summary>Every id a member may save for a counsellor from this debrief: its lines and its practices.</summary>
    public IReadOnlySet<string> SaveableIds { get; } = new HashSet<string>(
        Strengths.Select(s => s.Id)
            .Concat(Topics.SelectMany(t => t.Questions.Select(q => q.Id).Append(t.Starter.Id)))
            .Concat(Topics.Where(t => t.Practice is not null).Select(t => t.Practice!.Id)),
        StringComparer.Ordinal);
}

/// <summary>
/// The debrief for two (docs/product/assessment-and-insights.md, "The debrief"). It reads only the
/// shared map: the dimensions both chose to share in the round both finished, never anyone's
/// private importance answers, so both see the same debrief.
/// </summary>
public static class DebriefPlanner
{
    /// <summary>A topic for "room for more" when either member's experience is under this (the growth-area line).</summary>
    public const double RoomForMoreBelowPercent = AssessmentScorer.GrowthAreaExperienceBelowPercent;

    /// <summary>The map's comparable shared dimensions as the planner reads them.</summary>
    public static IReadOnlyList<SharedDimensionScores> FromMap(ClosenessMapResult map, AssessmentResult first, AssessmentResult second)
    {
        ArgumentNullException.ThrowIfNull(map);
        return map.Dimensions
            .Where(c => c.Outcome is ComparisonOutcome.Agree or ComparisonOutcome.ExperienceDifferently)
            .Select(c => new SharedDimensionScores(
                c.Dimension,
                first.For(c.Dimension).Experience.Percent ?? 0,
                second.For(c.Dimension).Experience.Percent ?? 0,
                c.Outcome == ComparisonOutcome.ExperienceDifferently,
                c.BothStrong))
            .ToList();
    }

    /// <param name="shared">Only dimensions both shared and both have a score for.</param>
    /// <param name="kind">The kind of space: the wording and the practices follow it.</param>
    /// <param name="apart">The pair lives apart: no in-person-only practice.</param>
    /// <param name="content">The debrief content in the member's language.</param>
    /// <param name="practices">The practices in the member's language.</param>
    public static DebriefPlan Plan(IReadOnlyList<SharedDimensionScores> shared, RelationshipKind kind, bool apart, DebriefContent content, PracticeCatalog practices)
    {
        ArgumentNullException.ThrowIfNull(shared);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(practices);
        var ordered = DimensionCatalog.All.Select(d => shared.FirstOrDefault(s => s.Dimension == d)).OfType<SharedDimensionScores>().ToList();
        var strengths = ordered.Where(s => s.BothStrong && !s.ReliablyDifferent)
            .Select(s => content.Strength(s.Dimension, kind)!)
            .ToList();
        var topics = ordered
            .Select(s => (Scores: s, Reason: s.ReliablyDifferent ? DebriefReason.Differ
                : Math.Min(s.FirstPercent, s.SecondPercent) < RoomForMoreBelowPercent ? DebriefReason.RoomForMore
                : (DebriefReason?)null))
            .Where(t => t.Reason is not null)
            .OrderBy(t => t.Reason)
            .Select(t => new DebriefTopic(
                t.Scores.Dimension,
                t.Reason!.Value,
                content.Questions(t.Scores.Dimension, kind),
                content.Starter(t.Scores.Dimension, kind)!,
                FirstOrNull(practices.For(kind, t.Scores.Dimension, apart))))
            .ToList();
        return new DebriefPlan(strengths, topics);
    }

    private static Practice? FirstOrNull(IReadOnlyList<Practice> list) => list.Count > 0 ? list[0] : null;
}

using Hearth.Core.Dimensions;
using Hearth.Web.Features.Daily;

namespace Hearth.Web.Features.Assessments;

/// <summary>
/// The pair's priorities for the daily question, read only from the shared closeness map: the
/// dimensions both chose to share, in the latest round both finished, where the two together feel
/// least close. Each member's private results (importance, growth areas) are never used, because
/// the daily question is seen by both and must not hint at anything only one of them said.
/// </summary>
public sealed class SharedPriorityDimensions(AssessmentService assessments) : IPriorityDimensions
{
    /// <summary>
    /// A shared dimension counts as a pair priority when the two experience percents average below
    /// this. It mirrors the growth-area line of docs/product/assessment-and-insights.md (experience under 40/100), a little
    /// wider because it averages two people.
    /// </summary>
    public const double PairPriorityBelowPercent = 50;

    /// <summary>At most this many, so the question still varies.</summary>
    public const int MaxPriorities = 2;

    public async Task<IReadOnlyCollection<Dimension>> ForSpaceAsync(Guid spaceId, CancellationToken ct = default)
    {
        var map = await assessments.GetMapAsync(spaceId, ct);
        if (!map.IsOk || !map.Value!.Ready)
        {
            return [];
        }

        return map.Value.Dimensions
            .Where(d => d.Shared && d.You is not null && d.Them is not null)
            .Select(d => (Dimension: DimensionCatalog.TryParse(d.Dimension, out var parsed) ? parsed : (Dimension?)null, Mean: (d.You!.Value + d.Them!.Value) / 2))
            .Where(d => d.Dimension is not null && d.Mean < PairPriorityBelowPercent)
            .OrderBy(d => d.Mean)
            .Take(MaxPriorities)
            .Select(d => d.Dimension!.Value)
            .ToList();
    }
}

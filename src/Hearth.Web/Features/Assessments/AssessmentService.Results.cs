using Hearth.Core.Assessments;
using Hearth.Core.Dimensions;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Features.Assessments;

/// <summary>Results and history: your own result, the closeness map, finished rounds for trends, the care ways that mean a lot.</summary>
public sealed partial class AssessmentService
{
    /// <summary>The member's own result for one of their finished rounds (the latest by default).</summary>
    public async Task<Outcome<AssessmentResultView>> GetResultAsync(Guid spaceId, int? round, CancellationToken ct = default)
    {
        var space = await MySpaceAsync(spaceId, ct);
        if (space is null)
        {
            return Outcome<AssessmentResultView>.NotFound();
        }

        var done = (await MyResponsesAsync(spaceId, ct, tracking: false)).Where(r => r.CompletedAt is not null).ToList();
        var response = round is { } n ? done.FirstOrDefault(r => r.Round == n) : done.LastOrDefault();
        if (response is null)
        {
            return Outcome<AssessmentResultView>.NotFound();
        }

        var result = AssessmentScorer.Score(Content, new AssessmentAnswers(response.Kind, response.SexualOptIn, await cipher.ReadAnswersAsync(response, ct)));
        return Outcome<AssessmentResultView>.Ok(AssessmentResultView.From(response.Round, response.CompletedAt!.Value, result, done.Select(r => new RoundSummary(r.Round, r.CompletedAt!.Value)).ToList(), text, response.Kind));
    }

    /// <summary>
    /// The closeness map of the latest round both members finished. Before that: "waiting", and
    /// nothing about the other member's progress (docs/privacy.md).
    /// </summary>
    public async Task<Outcome<ClosenessMapView>> GetMapAsync(Guid spaceId, CancellationToken ct = default)
    {
        var space = await MySpaceAsync(spaceId, ct);
        if (space is null)
        {
            return Outcome<ClosenessMapView>.NotFound();
        }

        var me = current.RequireUserId();
        var finished = await db.Set<AssessmentResponse>().AsNoTracking()
            .Where(r => r.SpaceId == spaceId && r.CompletedAt != null)
            .ToListAsync(ct);
        var other = space.OtherId;
        var myRounds = finished.Where(r => r.UserId == me).ToDictionary(r => r.Round);
        var pair = other is null
            ? null
            : finished.Where(r => r.UserId == other && myRounds.ContainsKey(r.Round)).OrderByDescending(r => r.Round).FirstOrDefault();
        if (pair is null)
        {
            return Outcome<ClosenessMapView>.Ok(ClosenessMapView.Waiting(other is null));
        }

        var mine = myRounds[pair.Round];
        var myResult = AssessmentScorer.Score(Content, new AssessmentAnswers(mine.Kind, mine.SexualOptIn, await cipher.ReadAnswersAsync(mine, ct)));
        var theirResult = AssessmentScorer.Score(Content, new AssessmentAnswers(pair.Kind, pair.SexualOptIn, await cipher.ReadAnswersAsync(pair, ct)));
        var shared = AssessmentDocument.Shared(mine.SharedDimensions & pair.SharedDimensions).ToList();
        var map = ClosenessMap.Compare(myResult, theirResult, shared);
        return Outcome<ClosenessMapView>.Ok(ClosenessMapView.For(pair.Round, space.OtherName ?? "", myResult, theirResult, shared, map, text));
    }

    /// <summary>
    /// Finished rounds for check-in trends and insights: the caller's own rounds, and, for rounds
    /// both members finished, both results with the dimensions both chose to share in that round.
    /// The other member's result is only ever used for those shared dimensions. Null when the caller
    /// may not see the space.
    /// </summary>
    public async Task<AssessmentHistory?> HistoryAsync(Guid spaceId, CancellationToken ct = default)
    {
        var space = await MySpaceAsync(spaceId, ct);
        return space is null ? null : await HistoryAsync(space, ct);
    }

    /// <summary>The same, as <paramref name="space"/>'s member <see cref="PairSpace.Me"/> sees it (also for a counsellor's pair-level insights, ADR 50 §2).</summary>
    public async Task<AssessmentHistory> HistoryAsync(PairSpace space, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        var spaceId = space.SpaceId;
        var me = space.Me;
        var finished = await db.Set<AssessmentResponse>().AsNoTracking()
            .Where(r => r.SpaceId == spaceId && r.CompletedAt != null && (r.UserId == me || r.UserId == space.OtherId))
            .OrderBy(r => r.Round)
            .ToListAsync(ct);
        var mine = new List<ScoredRound>();
        var shared = new List<SharedAssessmentRound>();
        foreach (var response in finished.Where(r => r.UserId == me))
        {
            var result = AssessmentScorer.Score(Content, new AssessmentAnswers(response.Kind, response.SexualOptIn, await cipher.ReadAnswersAsync(response, ct)));
            mine.Add(new ScoredRound(response.Round, response.CompletedAt!.Value, result));
            var theirs = finished.FirstOrDefault(r => r.UserId != me && r.Round == response.Round);
            if (theirs is not null)
            {
                var theirResult = AssessmentScorer.Score(Content, new AssessmentAnswers(theirs.Kind, theirs.SexualOptIn, await cipher.ReadAnswersAsync(theirs, ct)));
                var dimensions = AssessmentDocument.Shared(response.SharedDimensions & theirs.SharedDimensions).ToList();
                var completed = response.CompletedAt!.Value > theirs.CompletedAt!.Value ? response.CompletedAt.Value : theirs.CompletedAt.Value;
                shared.Add(new SharedAssessmentRound(response.Round, completed, result, theirResult, dimensions));
            }
        }

        return new AssessmentHistory(mine, shared);
    }

    /// <summary>
    /// The ways of receiving care that mean a lot (4 or 5 of 5) to the other member, for notes and
    /// gestures. Only when they chose to share them, and only for a round you have both finished
    /// (mutual reveal, like the map). Otherwise nothing, and nothing says why.
    /// </summary>
    public async Task<IReadOnlyList<CareWay>> OtherPersonsValuedCareWaysAsync(Guid spaceId, CancellationToken ct = default)
    {
        const int MeansALot = 4;
        var space = await MySpaceAsync(spaceId, ct);
        if (space?.OtherId is not { } other)
        {
            return [];
        }

        var me = current.RequireUserId();
        var finished = await db.Set<AssessmentResponse>().AsNoTracking()
            .Where(r => r.SpaceId == spaceId && r.CompletedAt != null && (r.UserId == me || r.UserId == other))
            .ToListAsync(ct);
        var myRounds = finished.Where(r => r.UserId == me).Select(r => r.Round).ToHashSet();
        var theirs = finished.Where(r => r.UserId == other && myRounds.Contains(r.Round)).OrderByDescending(r => r.Round).FirstOrDefault();
        if (theirs is null || !theirs.ShareCareWays)
        {
            return [];
        }

        var result = AssessmentScorer.Score(Content, new AssessmentAnswers(theirs.Kind, theirs.SexualOptIn, await cipher.ReadAnswersAsync(theirs, ct)));
        return result.CareWays.Where(c => c.Rating >= MeansALot).Select(c => c.Way).ToList();
    }
}

using Hearth.Core.Assessments;
using Hearth.Core.CheckIns;
using Hearth.Core.Dimensions;
using NodaTime;

namespace Hearth.Core.Insights;

/// <summary>Everything Hearth holds for one member, private by default.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="LatestAssessment">Their latest baseline result, if any.</param>
/// <param name="CheckIns">All their check-ins, revealed to the other member or not.</param>
/// <param name="EarlierAssessment">Their previous result, if any (to see warning signs rising).</param>
public sealed record MemberHistory(
    string MemberId,
    AssessmentResult? LatestAssessment,
    IReadOnlyList<CheckInRecord> CheckIns,
    AssessmentResult? EarlierAssessment = null);

/// <summary>A reconnect plan the pair finished: its first and last week.</summary>
public sealed record FinishedReconnectPlan(LocalDate StartWeek, LocalDate EndWeek);

/// <summary>The input of <see cref="InsightEngine"/>: plain records, no clock (the week "now" is given).</summary>
/// <param name="First">One member.</param>
/// <param name="Second">The other member.</param>
/// <param name="SharedByBoth">Dimensions both members chose to share with each other.</param>
/// <param name="FinishedPlan">The most recent finished reconnect plan, if any.</param>
/// <param name="Week">The current pair week.</param>
public sealed record InsightInput(
    MemberHistory First,
    MemberHistory Second,
    IReadOnlyCollection<Dimension> SharedByBoth,
    FinishedReconnectPlan? FinishedPlan,
    LocalDate Week);

/// <summary>A check-in round both members completed: after mutual reveal, both may see both records.</summary>
public sealed record SharedRound(LocalDate Week, CheckInRecord First, CheckInRecord Second);

/// <summary>A dimension both members chose to share, with both members' results for it.</summary>
public sealed record SharedDimension(Dimension Dimension, DimensionResult? First, DimensionResult? Second);

/// <summary>
/// Exactly the data both members may see, and nothing else (docs/product/domain.md rule 3). Built only by
/// <see cref="From"/>: check-in rounds both completed up to the current week, and the assessment
/// results of dimensions both chose to share. No unrevealed check-in, no unshared dimension, no
/// warning index, no importance of an unshared dimension, and never a safety answer can be in it,
/// so a shared insight cannot depend on them.
/// </summary>
public sealed class SharedView
{
    private SharedView(string firstId, string secondId, LocalDate week, IReadOnlyList<SharedRound> rounds, IReadOnlyList<SharedDimension> dimensions, FinishedReconnectPlan? finishedPlan)
    {
        FirstId = firstId;
        SecondId = secondId;
        Week = week;
        Rounds = rounds;
        Dimensions = dimensions;
        FinishedPlan = finishedPlan;
    }

    public string FirstId { get; }

    public string SecondId { get; }

    public LocalDate Week { get; }

    /// <summary>Rounds both completed, oldest first.</summary>
    public IReadOnlyList<SharedRound> Rounds { get; }

    /// <summary>Dimensions both chose to share, in catalogue order.</summary>
    public IReadOnlyList<SharedDimension> Dimensions { get; }

    public FinishedReconnectPlan? FinishedPlan { get; }

    public static SharedView From(InsightInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var second = input.Second.CheckIns.Where(r => r.Week <= input.Week).GroupBy(r => r.Week).ToDictionary(g => g.Key, g => g.First());
        var rounds = input.First.CheckIns
            .Where(r => r.Week <= input.Week && second.ContainsKey(r.Week))
            .GroupBy(r => r.Week)
            .Select(g => new SharedRound(g.Key, g.First(), second[g.Key]))
            .OrderBy(r => r.Week)
            .ToList();
        var dimensions = DimensionCatalog.All
            .Where(input.SharedByBoth.Contains)
            .Select(d => new SharedDimension(d, input.First.LatestAssessment?.For(d), input.Second.LatestAssessment?.For(d)))
            .ToList();
        return new SharedView(input.First.MemberId, input.Second.MemberId, input.Week, rounds, dimensions, input.FinishedPlan);
    }

    /// <summary>One member's revealed records, oldest first.</summary>
    public IReadOnlyList<CheckInRecord> RevealedRecords(string memberId) =>
        Rounds.Select(r => string.Equals(memberId, FirstId, StringComparison.Ordinal) ? r.First : r.Second).ToList();
}

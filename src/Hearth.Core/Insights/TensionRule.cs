using Hearth.Core.CheckIns;
using NodaTime;

namespace Hearth.Core.Insights;

/// <summary>
/// Conflict is not busyness (docs/product/assessment-and-insights.md, "Tension"): when a member's
/// feeling heard or repair after tension fell (the change rule) while their satisfaction fell
/// too, the fading insight names it and the quality-time message does not open with "life got
/// busy". Computed per member from the records given (the revealed ones for shared insights).
/// </summary>
public static class TensionRule
{
    private static readonly CheckInMeasure[] Measures = [CheckInMeasure.FeltHeard, CheckInMeasure.Repair];

    /// <summary>The felt-heard and repair declines of <paramref name="memberId"/>, when their satisfaction declined too; empty otherwise.</summary>
    public static List<(string Id, CheckInMeasure Measure, ChangeResult Change)> Declines(string memberId, IReadOnlyList<CheckInRecord> records, ChangeResult? satisfaction, LocalDate week)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (satisfaction is not { Direction: ChangeDirection.Decline } || records.Count == 0)
        {
            return [];
        }

        return Measures
            .Select(m => (Id: memberId, Measure: m, Change: ChangeDetector.Detect(Trends.ForMember(records, m), MeasureNorms.For(m)!, week)))
            .Where(c => c.Change.Direction == ChangeDirection.Decline)
            .ToList();
    }
}

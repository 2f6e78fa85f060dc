using Hearth.Core.Practices;
using Hearth.Core.CheckIns;
using Hearth.Core.Dimensions;
using NodaTime;

namespace Hearth.Core.Insights;

public enum InsightKind
{
    GrowthArea = 1,
    Strength = 2,
    PerceptionGap = 3,
    Fading = 4,
    Improvement = 5,
    QualityTimeShortfall = 6,
    Counselling = 7,

    /// <summary>Something working in everyday life, from steady check-ins: "keep doing this" (<see cref="StrengthsRule"/>).</summary>
    EverydayStrength = 8,

    /// <summary>The weekly warning-signs item rose reliably over weeks (<see cref="WarningSignsTrend"/>).</summary>
    WarningSignsRising = 9,
}

/// <summary>Who may see an insight: one member only, or both.</summary>
public sealed record InsightAudience
{
    private InsightAudience(string? memberId) => MemberId = memberId;

    /// <summary>Both members of the pair. Only insights computed from a <see cref="SharedView"/> carry this.</summary>
    public static InsightAudience BothMembers { get; } = new((string?)null);

    /// <summary>The member this insight is for, or null when it is for both.</summary>
    public string? MemberId { get; }

    public bool IsShared => MemberId is null;

    public static InsightAudience OnlyMember(string memberId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        return new InsightAudience(memberId);
    }

    public bool CanSee(string memberId) => IsShared || string.Equals(MemberId, memberId, StringComparison.Ordinal);

    public override string ToString() => IsShared ? "both" : $"only:{MemberId}";
}

/// <summary>One fact an insight rests on: where it came from, whose it is, which weeks, the number.</summary>
/// <param name="Source">A stable name: "checkin.satisfaction", "assessment.emotional.experience", "plan.reconnect", ...</param>
/// <param name="MemberId">Whose answer it is, or null for a pair figure.</param>
/// <param name="Weeks">The pair weeks it covers (empty for an assessment without a week).</param>
/// <param name="Value">The number.</param>
/// <param name="Detail">A short plain description of the number.</param>
public sealed record InsightEvidence(string Source, string? MemberId, IReadOnlyList<LocalDate> Weeks, double Value, string Detail);

/// <summary>
/// Something Hearth noticed, with the reason it appeared. Deterministic: the same input always
/// gives the same insights in the same order.
/// </summary>
/// <param name="Kind">What kind of insight.</param>
/// <param name="Dimensions">The dimensions it is about (may be empty for check-in insights).</param>
/// <param name="Measures">The check-in measures it is about (may be empty).</param>
/// <param name="Evidence">The answers and numbers behind it.</param>
/// <param name="Audience">Who may see it.</param>
/// <param name="Message">What the member reads. Warm, plain, never a verdict.</param>
/// <param name="Why">Why they are seeing it, in one or two sentences.</param>
/// <param name="PracticeIds">One or two practices it recommends (see <see cref="Insights.PracticeIds"/>).</param>
/// <param name="SuggestsReconnectPlan">Offer to start a reconnect plan alongside it.</param>
public sealed record Insight(
    InsightKind Kind,
    IReadOnlyList<Dimension> Dimensions,
    IReadOnlyList<CheckInMeasure> Measures,
    IReadOnlyList<InsightEvidence> Evidence,
    InsightAudience Audience,
    string Message,
    string Why,
    IReadOnlyList<string> PracticeIds,
    bool SuggestsReconnectPlan = false);

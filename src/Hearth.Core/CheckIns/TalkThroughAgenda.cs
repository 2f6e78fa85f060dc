using Hearth.Core.Dimensions;

namespace Hearth.Core.CheckIns;

/// <summary>The five steps of the talk-through, in the order a pair takes them.</summary>
public enum TalkThroughStep
{
    /// <summary>Each names something the other did that they were glad of. Always first.</summary>
    Appreciations = 1,

    /// <summary>What went well this week.</summary>
    WentWell = 2,

    /// <summary>At most one thing to work on (or none).</summary>
    WorkOn = 3,

    /// <summary>One need each for the coming week.</summary>
    Need = 4,

    /// <summary>One small agreement, which lands on "our list".</summary>
    Agreement = 5,
}

/// <summary>One step of the agenda with its suggested minutes (the optional timer's length).</summary>
public sealed record TalkThroughTimebox(TalkThroughStep Step, int Minutes);

/// <summary>
/// The agenda of one week's talk-through, built from the two check-ins of a week both checked in
/// (docs/product/assessment-and-insights.md, "The talk-through"). It never says who answered what:
/// a measure went well when it went well for both, and it is the one thing to work on when it was
/// low for at least one of the two.
/// </summary>
/// <param name="WentWell">Measures both rated well this week, in the check-in's order.</param>
/// <param name="WorkOn">At most one measure to talk about, or null when nothing was low.</param>
/// <param name="Focus">The kind of closeness the suggested practices come from, or null for any.</param>
/// <param name="Steps">The five steps, appreciations first, with their minutes.</param>
public sealed record TalkThroughAgenda(
    IReadOnlyList<CheckInMeasure> WentWell,
    CheckInMeasure? WorkOn,
    Dimension? Focus,
    IReadOnlyList<TalkThroughTimebox> Steps)
{
    public int TotalMinutes => Steps.Sum(s => s.Minutes);
}

public static class TalkThroughPlanner
{
    /// <summary>Satisfaction of at least this (of 10) went well.</summary>
    public const int SatisfactionWentWellAtLeast = 7;

    /// <summary>Satisfaction of at most this (of 10) is worth talking about.</summary>
    public const int SatisfactionLowAtMost = 4;

    /// <summary>A 1-7 measure (closeness, felt heard, repair) of at least this went well.</summary>
    public const int SevenPointWentWellAtLeast = 5;

    /// <summary>A 1-7 measure of at most this is worth talking about.</summary>
    public const int SevenPointLowAtMost = 3;

    /// <summary>
    /// Phone-free minutes in the week: at least this many for both is time together kept; fewer for
    /// one of the two is worth talking about. The same 70 minutes as the quality-time insight
    /// (InsightEngine.QualityTimeMinutesPerWeekBelow: under 10 a day).
    /// </summary>
    public const int TimeTogetherKeptAtLeast = 70;

    /// <summary>Thanks and warm responses: at least this many (of "5 or more") for both went well.</summary>
    public const int AppreciationWentWellAtLeast = 3;

    /// <summary>Thanks and warm responses: at most this many is worth talking about.</summary>
    public const int AppreciationLowAtMost = 1;

    /// <summary>
    /// Which low measure becomes the one thing to work on when several are low: feeling heard and
    /// repair first (they say the most about how talks go), satisfaction last (it is the sum of the
    /// others, not something to work on by itself).
    /// </summary>
    public static IReadOnlyList<CheckInMeasure> WorkOnOrder { get; } =
    [
        CheckInMeasure.FeltHeard,
        CheckInMeasure.Repair,
        CheckInMeasure.Closeness,
        CheckInMeasure.PhoneFreeMinutes,
        CheckInMeasure.Appreciation,
        CheckInMeasure.Satisfaction,
    ];

    /// <summary>The suggested minutes of each step: about a quarter of an hour in all.</summary>
    public static IReadOnlyList<TalkThroughTimebox> Timeboxes { get; } =
    [
        new(TalkThroughStep.Appreciations, 3),
        new(TalkThroughStep.WentWell, 3),
        new(TalkThroughStep.WorkOn, 5),
        new(TalkThroughStep.Need, 3),
        new(TalkThroughStep.Agreement, 2),
    ];

    /// <summary>The agenda from the two check-ins of one week (both checked in; order does not matter).</summary>
    public static TalkThroughAgenda Plan(CheckInRecord first, CheckInRecord second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var wentWell = CheckInMeasures.All
            .Where(m => first.Value(m) is { } a && second.Value(m) is { } b && WentWell(m, a) && WentWell(m, b))
            .ToList();
        var workOn = WorkOnOrder
            .Where(m => Low(m, first.Value(m)) || Low(m, second.Value(m)))
            .Select(m => (CheckInMeasure?)m)
            .FirstOrDefault();
        var focus = workOn is { } measure ? FocusOf(measure) : null;
        focus ??= first.NeedsDimension ?? second.NeedsDimension;
        return new TalkThroughAgenda(wentWell, workOn, focus, Timeboxes);
    }

    /// <summary>Whether one person's answer to a measure went well.</summary>
    public static bool WentWell(CheckInMeasure measure, int value) => measure switch
    {
        CheckInMeasure.Satisfaction => value >= SatisfactionWentWellAtLeast,
        CheckInMeasure.PhoneFreeMinutes => value >= TimeTogetherKeptAtLeast,
        CheckInMeasure.Appreciation => value >= AppreciationWentWellAtLeast,
        _ => value >= SevenPointWentWellAtLeast,
    };

    /// <summary>Whether one person's answer to a measure is worth talking about (null, a skipped question, never is).</summary>
    public static bool Low(CheckInMeasure measure, int? value) => value is { } v && measure switch
    {
        CheckInMeasure.Satisfaction => v <= SatisfactionLowAtMost,
        CheckInMeasure.PhoneFreeMinutes => v < TimeTogetherKeptAtLeast,
        CheckInMeasure.Appreciation => v <= AppreciationLowAtMost,
        _ => v <= SevenPointLowAtMost,
    };

    /// <summary>The kind of closeness a measure belongs to, for the practices suggested beside it.</summary>
    public static Dimension? FocusOf(CheckInMeasure measure) => measure switch
    {
        CheckInMeasure.FeltHeard or CheckInMeasure.Repair or CheckInMeasure.Closeness or CheckInMeasure.Appreciation => Dimension.Emotional,
        CheckInMeasure.PhoneFreeMinutes => Dimension.Experiential,
        _ => null,
    };
}

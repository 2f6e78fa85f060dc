using Hearth.Core.Dimensions;

namespace Hearth.Core.Insights;

/// <summary>
/// Stable ids of the practices insights recommend. The practice catalogue (content, later) must
/// define every id listed in <see cref="All"/>; a test keeps this list and the rules in step.
/// </summary>
public static class PracticeIds
{
    /// <summary>20 focused, phone-free minutes together each day.</summary>
    public const string DailyTwentyMinutes = "practice.daily-20-minutes";

    /// <summary>A short note of thanks or appreciation.</summary>
    public const string AppreciationNote = "practice.appreciation-note";

    /// <summary>A walk (or a call while walking) with time to talk.</summary>
    public const string WalkAndTalk = "practice.walk-and-talk";

    /// <summary>Revisit a shared memory: photos, an old place, a first date, a tradition.</summary>
    public const string MemoryLane = "practice.memory-lane";

    /// <summary>A calm talk using "I" statements, one person speaking at a time.</summary>
    public const string IStatementTalk = "practice.i-statement-talk";

    /// <summary>Take turns asking open questions, light to deep.</summary>
    public const string CuriousQuestions = "practice.curious-questions";

    /// <summary>Small, everyday affectionate touch (a hug, holding hands), as both like it.</summary>
    public const string SmallAffection = "practice.small-affection";

    /// <summary>Talk about what matters to each of you: values, hopes, a cause.</summary>
    public const string ValuesTalk = "practice.values-talk";

    /// <summary>Try something new together, however small.</summary>
    public const string SomethingNew = "practice.something-new";

    /// <summary>Information on finding a counsellor or a couples programme.</summary>
    public const string FindSupport = "practice.find-support";

    public static IReadOnlyList<string> All { get; } =
    [
        DailyTwentyMinutes,
        AppreciationNote,
        WalkAndTalk,
        MemoryLane,
        IStatementTalk,
        CuriousQuestions,
        SmallAffection,
        ValuesTalk,
        SomethingNew,
        FindSupport,
    ];

    /// <summary>One or two practices matched to a dimension, for growth areas.</summary>
    public static IReadOnlyList<string> ForDimension(Dimension dimension) => dimension switch
    {
        Dimension.Emotional => [IStatementTalk, DailyTwentyMinutes],
        Dimension.Physical => [SmallAffection, DailyTwentyMinutes],
        Dimension.Intellectual => [CuriousQuestions, WalkAndTalk],
        Dimension.Spiritual => [ValuesTalk, WalkAndTalk],
        Dimension.Experiential => [SomethingNew, MemoryLane],
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };
}

namespace Hearth.Web.Features.Insights;

/// <summary>
/// An insight's stable key: its kind, who sees it, its dimensions and its measures, e.g.
/// "strength.both.emotional.none". The same insight keeps its key from week to week, whatever its
/// numbers or words; it holds nothing a member wrote or answered.
/// </summary>
public static class InsightKeys
{
    public static string For(InsightViewKind kind, InsightViewAudience audience, IReadOnlyList<string> dimensions, IReadOnlyList<string> measures) =>
        string.Join('.', Wire(kind), audience == InsightViewAudience.Both ? "both" : "you", Part(dimensions), Part(measures));

    /// <summary>The kind's wire name ("perceptionGap"), for the operator's counts.</summary>
    public static string Wire(InsightViewKind kind) => kind.CssClass()["insight-".Length..];

    private static string Part(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join('-', names);
}

using System.Text.Json.Serialization;
using Hearth.Core.Dimensions;

namespace Hearth.Web.Features.Insights;

public sealed record TrendPoint(string Week, double? Value, double? Rolling);

/// <summary>What the change rules found in a member's own series, in words.</summary>
public sealed record ChangeView(ChangeViewDirection Direction, bool Reliable, bool Persistent, double? Current, double? Baseline, double Threshold, string Message);

public sealed record MeasureTrend(string Measure, string Title, double Min, double Max, IReadOnlyList<TrendPoint> Points, ChangeView? Change);

public sealed record TrendsView(
    string Week,
    bool Paired,
    string? OtherName,
    IReadOnlyList<MeasureTrend> Yours,
    IReadOnlyList<MeasureTrend> Together,
    IReadOnlyList<MeasureTrend> YourDimensions,
    IReadOnlyList<MeasureTrend> SharedDimensions,
    IReadOnlyList<BothViewsTrend> TogetherBothViews,
    IReadOnlyList<BothViewsTrend> SharedDimensionsBothViews);

public sealed record EvidenceView(string Source, string Whose, IReadOnlyList<string> Weeks, double Value, string Detail);

public sealed record PracticeLinkView(string Id, string Title);

public sealed record InsightView(
    InsightViewKind Kind,
    InsightViewAudience Audience,
    string Message,
    string Why,
    IReadOnlyList<string> Dimensions,
    IReadOnlyList<string> Measures,
    IReadOnlyList<EvidenceView> Evidence,
    IReadOnlyList<PracticeLinkView> Practices,
    bool SuggestsReconnectPlan)
{
    /// <summary>Its stable key, for "this doesn't fit us" (<see cref="InsightKeys"/>).</summary>
    public string Key => InsightKeys.For(Kind, Audience, Dimensions, Measures);
}

public sealed record ReconnectStepView(string Id, int Week, string Title, string Description, string PracticeId, string PracticeTitle, bool Done);

public sealed record ReconnectPlanView(InsightViewAudience Audience, string StartWeek, string EndWeek, int Weeks, int CurrentWeek, bool Finished, int Done, int Total, IReadOnlyList<ReconnectStepView> Steps);

/// <summary>The insights a member may see, and what they can start from them.</summary>
public sealed record InsightsView(
    string Week,
    IReadOnlyList<InsightView> Insights,
    ReconnectPlanView? Plan,
    string? PlanOffer,
    IReadOnlyList<string> SentenceStarters,
    bool ShowCounselling);

public sealed record StartPlanInput(int? Weeks);

/// <summary>An insight you set aside as not fitting: its key, its kind and what it said, so you can bring it back.</summary>
public sealed record SetAsideInsightView(string Key, InsightViewKind Kind, string Message);

/// <summary>The insights you set aside that Hearth would show you now. Only yours: the other member is never told.</summary>
public sealed record NotFittingView(IReadOnlyList<SetAsideInsightView> Insights);

public sealed record MarkStepInput(bool? Done);

/// <summary>Which way a member's own series has moved, by the change rules: "decline" is harder, so a rise in the warning signs is a decline.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChangeViewDirection>))]
public enum ChangeViewDirection
{
    [JsonStringEnumMemberName("decline")]
    Decline,

    [JsonStringEnumMemberName("improvement")]
    Improvement,

    [JsonStringEnumMemberName("none")]
    None,
}

/// <summary>Who sees an insight or a plan: both members, or only the caller.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InsightViewAudience>))]
public enum InsightViewAudience
{
    [JsonStringEnumMemberName("both")]
    Both,

    [JsonStringEnumMemberName("you")]
    You,
}

/// <summary>What an insight is about, on the wire (the page's CSS class is <c>insight-</c> and the wire name).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InsightViewKind>))]
public enum InsightViewKind
{
    [JsonStringEnumMemberName("growthArea")]
    GrowthArea,

    [JsonStringEnumMemberName("strength")]
    Strength,

    [JsonStringEnumMemberName("perceptionGap")]
    PerceptionGap,

    [JsonStringEnumMemberName("fading")]
    Fading,

    [JsonStringEnumMemberName("improvement")]
    Improvement,

    [JsonStringEnumMemberName("qualityTimeShortfall")]
    QualityTimeShortfall,

    [JsonStringEnumMemberName("counselling")]
    Counselling,

    /// <summary>Something working in everyday life, from steady weekly check-ins.</summary>
    [JsonStringEnumMemberName("everydayStrength")]
    EverydayStrength,

    /// <summary>The weekly warning-signs item rose reliably over recent weeks.</summary>
    [JsonStringEnumMemberName("warningSignsRising")]
    WarningSignsRising,
}

public static class InsightViewKinds
{
    /// <summary>The class Trends.cshtml gives an insight's card: <c>insight-growthArea</c>, the same names as before it was an enum.</summary>
    public static string CssClass(this InsightViewKind kind) => kind switch
    {
        InsightViewKind.GrowthArea => "insight-growthArea",
        InsightViewKind.Strength => "insight-strength",
        InsightViewKind.PerceptionGap => "insight-perceptionGap",
        InsightViewKind.Fading => "insight-fading",
        InsightViewKind.Improvement => "insight-improvement",
        InsightViewKind.QualityTimeShortfall => "insight-qualityTimeShortfall",
        InsightViewKind.EverydayStrength => "insight-everydayStrength",
        InsightViewKind.WarningSignsRising => "insight-warningSignsRising",
        _ => "insight-counselling",
    };
}

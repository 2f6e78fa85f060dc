using System.Text.Json.Serialization;

namespace Hearth.Web.Features.Insights;

/// <summary>One week (or assessment round) both answered: each member's own answer, never their average.</summary>
public sealed record BothViewsPoint(string Week, double Yours, double Theirs);

/// <summary>
/// What the latest week or round both answered says, by the two-views rule (Core <c>TwoViews</c>):
/// similar, a little apart, or a gap, with the thresholds that decided it.
/// </summary>
public sealed record BothViewsReading(
    BothViewsReadingKind Reading,
    string Week,
    double Yours,
    double Theirs,
    double Difference,
    double SimilarWithin,
    double GapAbove,
    string Message,
    string Why);

/// <summary>
/// A measure or kind of closeness for the pair as two views side by side. Only weeks both checked
/// in (revealed to both) and dimensions both shared in rounds both finished; <see cref="Latest"/> is
/// null for measures that have no reliable-difference norm (minutes, counts).
/// </summary>
public sealed record BothViewsTrend(string Measure, string Title, double Min, double Max, IReadOnlyList<BothViewsPoint> Points, BothViewsReading? Latest);

[JsonConverter(typeof(JsonStringEnumConverter<BothViewsReadingKind>))]
public enum BothViewsReadingKind
{
    [JsonStringEnumMemberName("similar")]
    Similar,

    [JsonStringEnumMemberName("aLittleApart")]
    ALittleApart,

    [JsonStringEnumMemberName("gap")]
    Gap,
}

using System.Text.Json.Serialization;

namespace Hearth.Web.Features.BigPicture;

/// <summary>Turn the retake offer on or off, and choose after how many weeks (4 to 52) it appears. Either may be left out.</summary>
public sealed record RetakeOfferInput(bool? Enabled = null, int? Weeks = null);

/// <summary>
/// The offer to take the assessment again, for the caller: from their own rounds only, so it says
/// nothing about the other person. <see cref="Offered"/> is true once the interval has passed since
/// the caller's latest finished round and no round is in progress.
/// </summary>
public sealed record RetakeOfferView(bool Offered, bool Enabled, int Weeks, int MinimumWeeks, int MaximumWeeks, DateTimeOffset? LastFinishedAt, DateTimeOffset? DueAt);

/// <summary>One person's change on one dimension between the two rounds.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChangeKind>))]
public enum ChangeKind
{
    [JsonStringEnumMemberName("notComparable")]
    NotComparable,

    [JsonStringEnumMemberName("steady")]
    Steady,

    [JsonStringEnumMemberName("reliablyHigher")]
    ReliablyHigher,

    [JsonStringEnumMemberName("reliablyLower")]
    ReliablyLower,
}

/// <param name="Before">Their experience of the dimension in the earlier round, 0-100, or null without enough answers.</param>
/// <param name="After">The same in the later round.</param>
/// <param name="Change">After minus before, in points of 100.</param>
/// <param name="Reliable">More than everyday ups and downs in answers would explain.</param>
/// <param name="Kind">Steady, reliably higher, reliably lower, or not comparable.</param>
/// <param name="Words">What the page says about it.</param>
public sealed record PersonChangeView(double? Before, double? After, double? Change, bool Reliable, ChangeKind Kind, string Words);

public sealed record DimensionChangeView(string Dimension, string Title, PersonChangeView You, PersonChangeView Them);

/// <summary>
/// What changed between two rounds you both finished. Until there are two such rounds: not ready,
/// and nothing about the other person's progress (the same answer whatever they did).
/// </summary>
/// <param name="Ready">There are two rounds you both finished.</param>
/// <param name="From">The earlier round.</param>
/// <param name="To">The later round.</param>
/// <param name="RoundsBothFinished">The rounds you may compare.</param>
/// <param name="Threshold">The smallest change that counts as reliable, in points of 100.</param>
/// <param name="Why">Why you are seeing this: the rule and its threshold.</param>
/// <param name="Dimensions">The kinds of closeness you both shared in both rounds.</param>
public sealed record ChangesView(
    bool Ready,
    int? From,
    int? To,
    string? OtherName,
    IReadOnlyList<int> RoundsBothFinished,
    double Threshold,
    string Why,
    IReadOnlyList<DimensionChangeView> Dimensions);

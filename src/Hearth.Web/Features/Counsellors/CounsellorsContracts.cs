using System.Text.Json.Serialization;

namespace Hearth.Web.Features.Counsellors;

/// <param name="Email">The address of the counsellor's account on this Hearth.</param>
/// <param name="Scopes">What you allow: any of "map", "trends", "saved", "insights".</param>
/// <param name="Days">How long, in days (1-365; 90 if not given). The shorter of the two choices counts.</param>
public sealed record InviteCounsellorInput(string? Email, IReadOnlyList<string>? Scopes, int? Days);

/// <param name="Scopes">What you allow: any of "map", "trends", "saved", "insights". The counsellor sees only what you both allow.</param>
/// <param name="Days">How long, in days (1-365; 90 if not given). The shorter of the two choices counts.</param>
public sealed record CounsellorConsentInput(IReadOnlyList<string>? Scopes, int? Days);

/// <summary>Where the space's counsellor access stands for the caller.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CounsellorAccessState>))]
public enum CounsellorAccessState
{
    [JsonStringEnumMemberName("none")]
    None,

    [JsonStringEnumMemberName("waitingForYou")]
    WaitingForYou,

    [JsonStringEnumMemberName("waitingForOther")]
    WaitingForOther,

    [JsonStringEnumMemberName("active")]
    Active,
}

public sealed record CounsellorConsentView(bool IsYours, string Name, IReadOnlyList<string> Scopes, int Days, DateTimeOffset ConsentedAt);

public sealed record CounsellorLookView(DateTimeOffset At, IReadOnlyList<string> Scopes);

/// <summary>The space's counsellor page: the invitation or access, both consents, and every look the counsellor took.</summary>
public sealed record SpaceCounsellorView(
    CounsellorAccessState State,
    string? CounsellorName,
    string? CounsellorEmail,
    IReadOnlyList<CounsellorConsentView> Consents,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? ExpiresAt,
    IReadOnlyList<CounsellorLookView> Looks);

/// <summary>A pair in the counsellor's list: only pairs whose access is active now.</summary>
public sealed record CounsellorPairView(Guid Id, IReadOnlyList<string> Names, IReadOnlyList<string> Scopes, DateTimeOffset ExpiresAt, DateTimeOffset? LastVisitAt);

/// <summary>One member's score of a shared dimension in a round (0-100), or null without enough answers.</summary>
public sealed record CounsellorDimensionView(string Dimension, string Title, IReadOnlyList<double?> Percents);

public sealed record CounsellorRoundView(int Round, DateTimeOffset CompletedAt, IReadOnlyList<CounsellorDimensionView> Dimensions);

/// <summary>One week both checked in: each member's number per measure (never the words).</summary>
public sealed record CounsellorWeekView(string Week, IReadOnlyList<CounsellorMeasureView> Measures);

public sealed record CounsellorMeasureView(string Measure, string Title, IReadOnlyList<int?> Values);

/// <summary>An item saved for the counsellor, and whether both saved it (never who, when only one did).</summary>
public sealed record CounsellorSavedView(string Id, string Text, bool SavedByBoth);

/// <summary>What is new since the counsellor's previous look.</summary>
public sealed record CounsellorChangesView(DateTimeOffset? LastVisitAt, int NewRounds, int NewWeeks, int NewSavedItems);

/// <summary>
/// The session-prep sheet: only the scopes both members allowed (null: not allowed). Member
/// names in the order of <see cref="Names"/>; each list of values is in that order too. Also what
/// the counsellor suggested to this pair so far, and the practices they may suggest (ADR 50 §1).
/// </summary>
public sealed record CounsellorSheetView(
    Guid Id,
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Scopes,
    DateTimeOffset ExpiresAt,
    CounsellorChangesView Changes,
    IReadOnlyList<CounsellorRoundView>? Rounds,
    IReadOnlyList<CounsellorWeekView>? Weeks,
    IReadOnlyList<CounsellorSavedView>? Saved,
    IReadOnlyList<CounsellorInsightView>? Insights,
    IReadOnlyList<CounsellorSuggestionView> Suggestions,
    IReadOnlyList<CounsellorPracticeOption> Practices);

/// <param name="PracticeId">A practice of the catalogue (see the sheet's <c>practices</c>) that fits this pair.</param>
/// <param name="Note">Optional, your own words to the pair, up to 280 characters. They see it as yours, as plain text.</param>
public sealed record SuggestPracticeInput(string? PracticeId, string? Note);

/// <summary>A practice the counsellor may suggest to this pair: one that fits their kind of space and whether they live apart.</summary>
public sealed record CounsellorPracticeOption(string Id, string Title);

/// <summary>
/// A practice a counsellor suggested: the practice in the reader's language, the counsellor's own note
/// (plain text, their words, not Hearth's), and, for the members, the counsellor's name.
/// </summary>
public sealed record CounsellorSuggestionView(Guid Id, string PracticeId, string Title, string HowTo, int Minutes, string? Note, string? CounsellorName, DateTimeOffset SuggestedAt);

/// <summary>What the "From your counsellor" section shows: the member's open suggestions, where the page is (to come back to it), and the pair's practice list when the page can add to it.</summary>
public sealed record FromCounsellorSection(Guid SpaceId, IReadOnlyList<CounsellorSuggestionView> Items, string From, IReadOnlySet<string>? OurList);

/// <summary>An insight both members see (audience "both"), in the words they read it in; without the evidence, which each member reads from their own side.</summary>
public sealed record CounsellorInsightView(Hearth.Web.Features.Insights.InsightViewKind Kind, string Message, string Why, IReadOnlyList<string> Dimensions, IReadOnlyList<string> Measures);

/// <param name="Code">The invitation code the operator gave you (spaces and dashes don't matter, nor upper or lower case).</param>
public sealed record RedeemCounsellorCodeInput(string? Code);

/// <summary>The code worked: the account is a counsellor now, and pairs can invite it by its e-mail address.</summary>
public sealed record CounsellorRedeemedView(string Role, DateTimeOffset RedeemedAt);

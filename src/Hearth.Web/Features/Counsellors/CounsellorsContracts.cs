using System.Text.Json.Serialization;

namespace Hearth.Web.Features.Counsellors;

/// <param name="Email">The address of the counsellor's account on this Hearth.</param>
/// <param name="Scopes">What you allow: any of "map", "trends", "saved".</param>
/// <param name="Days">How long, in days (1-365; 90 if not given). The shorter of the two choices counts.</param>
public sealed record InviteCounsellorInput(string? Email, IReadOnlyList<string>? Scopes, int? Days);

/// <param name="Scopes">What you allow: any of "map", "trends", "saved". The counsellor sees only what you both allow.</param>
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
/// The read-only session-prep sheet: only the scopes both members allowed (null: not allowed). Member
/// names in the order of <see cref="Names"/>; each list of values is in that order too.
/// </summary>
public sealed record CounsellorSheetView(
    Guid Id,
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Scopes,
    DateTimeOffset ExpiresAt,
    CounsellorChangesView Changes,
    IReadOnlyList<CounsellorRoundView>? Rounds,
    IReadOnlyList<CounsellorWeekView>? Weeks,
    IReadOnlyList<CounsellorSavedView>? Saved);

/// <param name="Code">The invitation code the operator gave you (spaces and dashes don't matter, nor upper or lower case).</param>
public sealed record RedeemCounsellorCodeInput(string? Code);

/// <summary>The code worked: the account is a counsellor now, and pairs can invite it by its e-mail address.</summary>
public sealed record CounsellorRedeemedView(string Role, DateTimeOffset RedeemedAt);

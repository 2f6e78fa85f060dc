using Hearth.Core.CheckIns;
using Hearth.Core.Dimensions;
using Hearth.Core.Rituals;
using Hearth.Web.Features.Assessments;
using NodaTime;

namespace Hearth.Web.Features.CheckIns;

/// <summary>
/// A check-in. Every item may be left out (null). <see cref="SafetyPulse"/> maps a pulse question id
/// to yes (true), no (false) or skipped (null or absent); it is looked at once and never stored.
/// <see cref="WarningSigns"/> is the optional weekly warning-signs item: how often things got sharp
/// between you, 1 (never) to 5 (very often).
/// </summary>
public sealed record CheckInInput(
    string? Week = null,
    int? Satisfaction = null,
    int? Closeness = null,
    int? FeltHeard = null,
    int? PhoneFreeMinutes = null,
    int? Appreciation = null,
    int? Repair = null,
    bool? NoTension = null,
    string? Needs = null,
    string? NeedsDimension = null,
    Dictionary<string, bool?>? SafetyPulse = null,
    int? WarningSigns = null);

public sealed record CheckInAnswersView(
    int? Satisfaction,
    int? Closeness,
    int? FeltHeard,
    int? PhoneFreeMinutes,
    int? Appreciation,
    int? Repair,
    bool NoTension,
    string? Needs,
    string? NeedsDimension,
    int? WarningSigns = null)
{
    public static CheckInAnswersView From(CheckInRecord r) =>
        new(r.Satisfaction, r.Closeness, r.FeltHeard, r.PhoneFreeMinutes, r.Appreciation, r.Repair, r.NoTension, r.Needs, r.NeedsDimension?.WireName(), r.WarningSigns);
}

/// <summary>
/// The other member's check-in for a week. Until both have checked in that week it is always the
/// same: not revealed, no answers, and nothing about whether they have checked in.
/// </summary>
public sealed record OtherCheckInView(string Name, bool Revealed, CheckInAnswersView? Answers);

/// <summary>This week's check-in as the pair dashboard shows it: states only.</summary>
/// <param name="BothCheckedIn">True only once both checked in (before that, nothing about the other person).</param>
public sealed record CheckInWeekGlance(string Week, bool RitualSet, bool YouCheckedIn, bool BothCheckedIn);

public sealed record CheckInWeekView(
    string Week,
    DateTimeOffset Starts,
    DateTimeOffset Ends,
    bool IsCurrent,
    bool RitualSet,
    bool CanCheckIn,
    CheckInAnswersView? Yours,
    OtherCheckInView? Theirs);

/// <summary>What the member who just checked in sees. <see cref="ShowSupport"/> is for their eyes only.</summary>
public sealed record CheckInSubmitted(CheckInWeekView Week, bool ShowSupport, IReadOnlyList<SupportResource> Resources);

public sealed record CheckInItemView(string Id, string Text, int Min, int Max, string MinLabel, string MaxLabel, string? Hint, string? NoTensionLabel);

public sealed record CheckInQuestionsView(
    string ContentVersion,
    string Intro,
    string GroundRulesTitle,
    string GroundRulesIntro,
    IReadOnlyList<string> GroundRules,
    IReadOnlyList<CheckInItemView> Items,
    string NeedsText,
    string NeedsHint,
    int NeedsMaxLength,
    string SafetyPulseIntro,
    IReadOnlyDictionary<string, string> SafetyPulse);

/// <summary>A member's own check-ins and the other's revealed ones, keyed by the current week rule.</summary>
public sealed record CheckInHistory(Ritual Rule, LocalDate CurrentWeek, IReadOnlyList<CheckInRecord> Mine, IReadOnlyList<CheckInRecord> TheirsRevealed);

using NodaTime;

namespace Hearth.Web.Features.Rituals;

/// <summary>Day ("sunday" or 1-7), time ("19:00") and the IANA zone they are meant in (default: your own).</summary>
public sealed record RitualSettingInput(string? Day, string? Time, string? TimeZoneId);

/// <summary>Your waking hours on your own clock, "08:00" to "22:00".</summary>
public sealed record WakingHoursInput(string? From, string? To);

/// <summary>One ritual on each member's own clock. A note says when a clock change moved it.</summary>
public sealed record OccurrenceView(string Date, DateTimeOffset Instant, string ForYou, string? ForOther, string? Note);

public sealed record WakingView(string From, string To);

public sealed record OverlapView(string ForYou, string ForOther, int Minutes);

public sealed record ProposalView(string Day, string Time, string TimeZoneId, string ForYou, string ForOther, string Why);

public sealed record RitualView(
    bool IsSet,
    string? Day,
    string? Time,
    string? TimeZoneId,
    string WeekStartsOn,
    string CurrentWeek,
    IReadOnlyList<OccurrenceView> Next,
    bool Paired,
    string? OtherName,
    bool LivingApart,
    string YourTimeZoneId,
    string? OtherTimeZoneId,
    WakingView YourWaking,
    WakingView? OtherWaking,
    int OverlapMinutesThisWeek,
    IReadOnlyList<OverlapView> Overlap,
    IReadOnlyList<ProposalView> Proposals);

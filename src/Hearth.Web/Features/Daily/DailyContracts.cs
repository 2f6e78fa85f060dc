namespace Hearth.Web.Features.Daily;

/// <summary>Any field left out (null) stays as it is.</summary>
public sealed record SpaceSettingsInput(bool? LivingApart, string? TimeZoneId, int? DailyGoalMinutes);

public sealed record SpaceSettingsView(bool LivingApart, string TimeZoneId, int DailyGoalMinutes, string Today);

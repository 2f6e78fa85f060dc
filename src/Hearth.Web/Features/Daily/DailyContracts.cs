namespace Hearth.Web.Features.Daily;

/// <summary>
/// Any field left out (null) stays as it is. <paramref name="QuestionTime"/> is the time for today's
/// question ("08:30", each member's own clock); an empty string removes it.
/// </summary>
public sealed record SpaceSettingsInput(bool? LivingApart, string? TimeZoneId, int? DailyGoalMinutes, string? QuestionTime = null);

/// <summary>The pair's settings; <paramref name="QuestionTime"/> is "HH:mm" or null when the pair chose no time for today's question.</summary>
public sealed record SpaceSettingsView(bool LivingApart, string TimeZoneId, int DailyGoalMinutes, string Today, string? QuestionTime = null);

using Hearth.Web.Features.CheckIns;
using Hearth.Web.Features.Prompts;
using Hearth.Web.Features.QualityTime;
using Hearth.Web.Features.Spaces;

namespace Hearth.Web.Features.Dashboard;

/// <summary>Today's question at a glance: the words, and where the caller stands. Never the answers themselves.</summary>
/// <param name="State">The caller's own state: "open", "answered" or "skipped".</param>
/// <param name="BothAnswered">True only once both answered: before that, nothing about the other person.</param>
public sealed record DashboardToday(string Date, string Text, string DimensionTitle, PromptResponseState State, bool BothAnswered);

/// <summary>This week's check-in at a glance, and the next check-in time on the caller's own clock.</summary>
/// <param name="YouCheckedIn">The caller's own state.</param>
/// <param name="BothCheckedIn">True only once both checked in this week (the same rule as the check-in page).</param>
/// <param name="NextRitual">"Sunday 22 November, 19:00" on the caller's clock; null until a time is set.</param>
public sealed record DashboardWeek(string Week, bool RitualSet, string? NextRitual, bool YouCheckedIn, bool BothCheckedIn);

/// <summary>Time together today and this week, and whether a timer is running.</summary>
public sealed record DashboardTime(int TodayMinutes, int GoalMinutes, int WeekMinutes, int DaysTogether, bool TimerRunning);

/// <summary>
/// What a member sees first when they open a space. Every part comes from the same service the full
/// page uses, so the dashboard can never show more than those pages do: the caller's own states, and
/// the other person's only once revealed. A closed space has only <see cref="Space"/>.
/// </summary>
/// <param name="SomethingNew">An unread note or a check-in still to do: shown only as "Something new in Hearth".</param>
public sealed record DashboardView(
    SpaceDetail Space,
    bool SomethingNew,
    string? SomethingNewLink,
    DashboardToday? Today,
    DashboardWeek? ThisWeek,
    DashboardTime? Time);

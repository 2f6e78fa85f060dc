using Hearth.Web.Api;
using Hearth.Web.Features.CheckIns;
using Hearth.Web.Features.Notes;
using Hearth.Web.Features.Prompts;
using Hearth.Web.Features.QualityTime;
using Hearth.Web.Features.Rituals;
using Hearth.Web.Features.Spaces;

namespace Hearth.Web.Features.Dashboard;

/// <summary>The pair dashboard: one request for the space page and GET /api/v1/spaces/{id}/dashboard.</summary>
public sealed class DashboardService(
    ISpaceDetails spaces,
    NoteService notes,
    PromptService prompts,
    CheckInService checkIns,
    RitualService rituals,
    QualityTimeService time,
    LinkGenerator links)
{
    public async Task<Outcome<DashboardView>> GetAsync(Guid spaceId, CancellationToken ct = default)
    {
        var space = await spaces.GetAsync(spaceId, ct);
        if (!space.IsOk)
        {
            return Outcome<DashboardView>.NotFound();
        }

        var detail = space.Value!;
        if (detail.State == SpaceViewState.Closed)
        {
            return Outcome<DashboardView>.Ok(new DashboardView(detail, false, null, null, null, null));
        }

        // States only (nothing decrypted): the dashboard never shows an answer.
        var today = await prompts.GlanceAsync(spaceId, ct);
        var week = await checkIns.GlanceAsync(spaceId, ct);
        var together = await time.GetAsync(spaceId, null, ct);
        if (!today.IsOk || !week.IsOk || !together.IsOk)
        {
            // The space closed between the first look and these: the same answer as for any space not yours.
            return Outcome<DashboardView>.NotFound();
        }

        var t = today.Value!;
        var w = week.Value!;
        var q = together.Value!;
        var nextRitual = w.RitualSet ? await rituals.NextForYouAsync(spaceId, ct) : null;

        // The same discreet rule as the list of spaces (CheckInReminders), for this one space: an unread
        // note first, else this week's check-in still to do. Only the caller's own state. The link is
        // made from the page's name (ADR 20), so the API's answer and the page agree.
        string? newLink = null;
        if ((await notes.SpacesWithSomethingNewAsync(ct)).Contains(spaceId))
        {
            newLink = links.GetPathByPage("/Notes/Index", values: new { spaceId });
        }
        else if (Hearth.Core.CheckIns.CheckInWeeks.IsDue(w.RitualSet, w.YouCheckedIn))
        {
            newLink = links.GetPathByPage("/CheckIns/Index", values: new { spaceId });
        }

        return Outcome<DashboardView>.Ok(new DashboardView(
            detail,
            newLink is not null,
            newLink,
            new DashboardToday(t.Date, t.Text, t.DimensionTitle, t.State, t.BothAnswered),
            new DashboardWeek(w.Week, w.RitualSet, nextRitual, w.YouCheckedIn, w.BothCheckedIn),
            new DashboardTime(q.TodayMinutes, q.GoalMinutes, q.Week.TotalMinutes, q.Week.DaysTogether, q.Timer.Running)));
    }
}

using Hearth.Core.Rituals;
using Hearth.Web.Data;
using Hearth.Web.Hosting;
using Hearth.Web.Pair;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Hearth.Web.Features.Notifications;

/// <summary>
/// Decides which reminders are due and sends each (member, kind, occurrence) once, across restarts
/// and several instances sharing the database (docs/adr/0045). The weekly check-in is due at the
/// ritual's day and time read on the member's own clock (their time zone in account settings), so
/// 19:00 on Sunday is 19:00 for each of the pair wherever they are, on both sides of a clock change.
/// <para>
/// Exactly once: a run first <em>claims</em> the occurrence by inserting its <see cref="NotificationSend"/>
/// row (committed on its own, before anything leaves the machine); the unique index on
/// (member, kind, occurrence) lets one insert win, so a second instance, a second run or a restart
/// finds the claim and sends nothing. If the process stops between claim and send, that one reminder
/// is lost rather than doubled: Hearth prefers a missed nudge to a repeated one.
/// </para>
/// It reads only the ritual, the memberships and the members' zones: nothing anyone answered, and
/// nothing about the partner, so no reminder can depend on a safety answer or on what is not revealed.
/// </summary>
public sealed class ReminderDispatcher(
    HearthDbContext db,
    IPushSender push,
    EmailReminders email,
    TimeProvider clock,
    IOptions<HearthOptions> options,
    LinkGenerator links,
    ILogger<ReminderDispatcher> log)
{
    /// <summary>How far back the event kinds ("thinking of you", a note) are looked for: a day of quiet hours and the late limit fit.</summary>
    private static readonly TimeSpan EventLookback = TimeSpan.FromHours(30);

    /// <summary>One notification that is due for a member: what, which occurrence, when, and the page a tap opens.</summary>
    private sealed record Due(Guid UserId, string Kind, string Key, Instant At, string Page, string? TimeZoneId);

    /// <summary>How many notifications this run sent.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var nowInstant = Instant.FromDateTimeOffset(now);
        var late = TimeSpan.FromMinutes(Math.Max(1, options.Value.Background.ReminderLateLimitMinutes));

        // Who turned on each kind that is off by default (on any channel): nobody else can be sent
        // one, so the collectors below look only at them, and at nothing when nobody did.
        var offByDefault = NotificationKinds.All.Where(k => !k.OnByDefault).Select(k => k.Kind).ToList();
        var optedIn = (await db.Set<NotificationPreference>().AsNoTracking()
                .Where(p => p.Enabled && offByDefault.Contains(p.Kind))
                .Select(p => new { p.Kind, p.UserId })
                .ToListAsync(ct))
            .GroupBy(p => p.Kind)
            .ToDictionary(g => g.Key, g => g.Select(p => p.UserId).ToHashSet());
        IReadOnlySet<Guid> OptedIn(string kind) => optedIn.TryGetValue(kind, out var users) ? users : new HashSet<Guid>();

        var due = new List<Due>();
        await WeeklyCheckInsAsync(due, nowInstant, OptedIn(NotificationKinds.CheckInFollowUp), ct);
        await TodaysQuestionsAsync(due, nowInstant, OptedIn(NotificationKinds.TodaysQuestion), ct);
        await PlanStepDaysAsync(due, nowInstant, OptedIn(NotificationKinds.PlanStepDay), ct);
        await ThinkingOfYouAsync(due, now, ct);
        await NotesReceivedAsync(due, now, ct);
        await BothAnsweredAsync(due, now, ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var userIds = due.Select(c => c.UserId).Distinct().ToList();
        var settings = await db.Set<NotificationSetting>().AsNoTracking().Where(s => userIds.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, ct);
        var choices = (await db.Set<NotificationPreference>().AsNoTracking()
                .Where(p => userIds.Contains(p.UserId))
                .Select(p => new { p.UserId, p.Kind, p.Channel, p.Enabled, p.UpdatedAt }).ToListAsync(ct))
            .ToDictionary(p => (p.UserId, p.Kind, p.Channel), p => (p.Enabled, p.UpdatedAt));

        // Chosen: on by the member's own choice made before it was due (something that happened
        // before they turned a kind on is not theirs to be told of), or the kind's default.
        bool Chosen(Due item, string channel, bool byDefault) =>
            choices.TryGetValue((item.UserId, item.Kind, channel), out var choice)
                ? choice.Enabled && item.At.ToDateTimeOffset() >= choice.UpdatedAt
                : byDefault;
        var withDevice = (await db.Set<PushDevice>().AsNoTracking().Where(d => userIds.Contains(d.UserId)).Select(d => d.UserId).Distinct().ToListAsync(ct)).ToHashSet();

        var sent = 0;
        foreach (var item in due)
        {
            var byPush = withDevice.Contains(item.UserId)
                && Chosen(item, NotificationChannels.Push, NotificationKinds.OnByDefault(item.Kind));
            var byEmail = email.Available && Chosen(item, NotificationChannels.Email, false);
            if (!byPush && !byEmail)
            {
                continue;
            }

            var zone = TimeZones.Find(item.TimeZoneId);
            var rules = settings.GetValueOrDefault(item.UserId);
            if (!Rules.MaySendNow(rules, nowInstant, zone))
            {
                continue;
            }

            // Too late (Hearth was down, or it waited past quiet hours long ago): skip it rather than
            // nudge hours after the moment has passed.
            var release = Rules.ReleaseAt(rules, item.At, zone);
            if (now - release.ToDateTimeOffset() > late)
            {
                continue;
            }

            var channels = string.Join(' ', new[] { byPush ? NotificationChannels.Push : null, byEmail ? NotificationChannels.Email : null }.OfType<string>());
            var claim = await ClaimAsync(item.UserId, item.Kind, item.Key, channels, item.At.ToDateTimeOffset(), now, zone, ct);
            if (claim is null)
            {
                continue;
            }

            var delivered = byPush ? (await push.SendAsync(item.UserId, item.Page, ct)).Delivered : 0;
            if (byEmail && await email.SendAsync(item.UserId, item.Kind, item.Page, ct))
            {
                delivered++;
            }

            claim.SentAt = clock.GetUtcNow();
            claim.Delivered = delivered;
            await db.SaveChangesAsync(ct);
            sent++;
        }

        if (sent > 0)
        {
            log.LogInformation("Reminders: sent {Count} notification(s)", sent);
        }

        return sent;
    }

    /// <summary>
    /// The weekly check-in: the ritual's day and time on each member's own clock. Occurrences before
    /// the ritual was set or before the member joined are not theirs. Also its one gentle follow-up,
    /// <see cref="BackgroundOptions.CheckInFollowUpHours"/> later, for a member who has not checked in
    /// since the day before that time: it reads only whether this member checked in (never the other's
    /// check-in, never an answer), so it says nothing they don't know and can't be moved by the partner.
    /// </summary>
    private async Task WeeklyCheckInsAsync(List<Due> due, Instant now, IReadOnlySet<Guid> followUpChosen, CancellationToken ct)
    {
        var candidates = await (
            from ritual in db.Set<SpaceRitual>().IgnoreQueryFilters()
            join membership in db.Memberships.IgnoreQueryFilters() on ritual.SpaceId equals membership.SpaceId
            join user in db.Users on membership.UserId equals user.Id
            where membership.LeftAt == null && membership.Space!.ClosedAt == null
            select new { ritual.SpaceId, ritual.Day, ritual.MinuteOfDay, ritual.UpdatedAt, membership.UserId, membership.JoinedAt, user.TimeZoneId })
            .AsNoTracking()
            .ToListAsync(ct);
        var followUpAfter = Duration.FromHours(Math.Max(1, options.Value.Background.CheckInFollowUpHours));
        var followUps = new List<(Guid SpaceId, Guid UserId, RitualOccurrence Occurrence, string? Zone)>();
        foreach (var candidate in candidates)
        {
            var zone = TimeZones.Find(candidate.TimeZoneId);
            var onTheirClock = new Ritual((IsoDayOfWeek)candidate.Day, LocalTime.FromMinutesSinceMidnight(candidate.MinuteOfDay), zone);
            bool Theirs(RitualOccurrence o) => o.Instant.ToDateTimeOffset() >= candidate.UpdatedAt && o.Instant.ToDateTimeOffset() >= candidate.JoinedAt;
            if (LatestAtOrBefore(onTheirClock, now) is { } occurrence && Theirs(occurrence))
            {
                due.Add(new Due(
                    candidate.UserId,
                    NotificationKinds.WeeklyCheckIn,
                    Key(candidate.SpaceId, occurrence),
                    occurrence.Instant,
                    CheckInPage(candidate.SpaceId),
                    candidate.TimeZoneId));
            }

            if (followUpChosen.Contains(candidate.UserId) && LatestAtOrBefore(onTheirClock, now - followUpAfter) is { } earlier && Theirs(earlier))
            {
                followUps.Add((candidate.SpaceId, candidate.UserId, earlier, candidate.TimeZoneId));
            }
        }

        if (followUps.Count == 0)
        {
            return;
        }

        var spaceIds = followUps.Select(f => f.SpaceId).Distinct().ToList();
        var userIds = followUps.Select(f => f.UserId).Distinct().ToList();
        var since = (now - followUpAfter - Duration.FromDays(9)).ToDateTimeOffset();
        var checkedIn = await db.Set<CheckIns.WeeklyCheckIn>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => spaceIds.Contains(c.SpaceId) && userIds.Contains(c.UserId) && c.SubmittedAt >= since)
            .Select(c => new { c.SpaceId, c.UserId, c.SubmittedAt })
            .ToListAsync(ct);
        foreach (var (spaceId, userId, occurrence, zone) in followUps)
        {
            // Checked in since the day before the check-in's time (early, or for this week): no nudge.
            var from = (occurrence.Instant - Duration.FromDays(1)).ToDateTimeOffset();
            if (checkedIn.Any(c => c.SpaceId == spaceId && c.UserId == userId && c.SubmittedAt >= from))
            {
                continue;
            }

            due.Add(new Due(userId, NotificationKinds.CheckInFollowUp, Key(spaceId, occurrence), occurrence.Instant + followUpAfter, CheckInPage(spaceId), zone));
        }
    }

    private static string Key(Guid spaceId, RitualOccurrence occurrence) => $"{spaceId:N}/{occurrence.Date:yyyy'-'MM'-'dd}";

    private string CheckInPage(Guid spaceId) => links.GetPathByPage("/CheckIns/Index", values: new { spaceId }) ?? "";

    /// <summary>
    /// Today's question, at the time the pair chose (their space settings) on each member's own clock,
    /// opening the day's page; not for a member who already answered or skipped the question of the
    /// pair's day at that moment. It reads only this member's own response, never the other's.
    /// </summary>
    private async Task TodaysQuestionsAsync(List<Due> due, Instant now, IReadOnlySet<Guid> chosen, CancellationToken ct)
    {
        if (chosen.Count == 0)
        {
            return;
        }

        var users = chosen.ToList();
        var candidates = await (
            from settings in db.Set<SpaceSettings>().IgnoreQueryFilters()
            join membership in db.Memberships.IgnoreQueryFilters() on settings.SpaceId equals membership.SpaceId
            join user in db.Users on membership.UserId equals user.Id
            where settings.QuestionMinute != null && users.Contains(membership.UserId) && membership.LeftAt == null && membership.Space!.ClosedAt == null
            select new
            {
                settings.SpaceId,
                Minute = settings.QuestionMinute!.Value,
                settings.UpdatedAt,
                PairZone = settings.TimeZoneId ?? db.Users.Where(u => u.Id == membership.Space!.CreatedByUserId).Select(u => u.TimeZoneId).FirstOrDefault(),
                membership.UserId,
                membership.JoinedAt,
                user.TimeZoneId,
            })
            .AsNoTracking()
            .ToListAsync(ct);
        var found = new List<(Guid SpaceId, Guid UserId, Instant At, DateOnly PairDay, string? Zone)>();
        foreach (var candidate in candidates)
        {
            var zone = TimeZones.Find(candidate.TimeZoneId);
            var time = LocalTime.FromMinutesSinceMidnight(candidate.Minute);
            var today = now.InZone(zone).Date;
            var at = zone.AtLeniently(today + time).ToInstant();
            if (at > now)
            {
                at = zone.AtLeniently(today.PlusDays(-1) + time).ToInstant();
            }

            if (at.ToDateTimeOffset() < candidate.UpdatedAt || at.ToDateTimeOffset() < candidate.JoinedAt)
            {
                continue;
            }

            found.Add((candidate.SpaceId, candidate.UserId, at, PairCalendar.ToDateOnly(at.InZone(TimeZones.Find(candidate.PairZone)).Date), candidate.TimeZoneId));
        }

        if (found.Count == 0)
        {
            return;
        }

        var spaceIds = found.Select(f => f.SpaceId).Distinct().ToList();
        var firstDay = found.Min(f => f.PairDay);
        var answered = (await (
                from response in db.Set<Prompts.PromptResponse>().IgnoreQueryFilters()
                join day in db.Set<Prompts.PromptDay>().IgnoreQueryFilters() on response.PromptDayId equals day.Id
                where spaceIds.Contains(day.SpaceId) && day.Date >= firstDay
                select new { day.SpaceId, day.Date, response.UserId })
                .AsNoTracking()
                .ToListAsync(ct))
            .Select(r => (r.SpaceId, r.Date, r.UserId))
            .ToHashSet();
        foreach (var (spaceId, userId, at, pairDay, zone) in found)
        {
            if (answered.Contains((spaceId, pairDay, userId)))
            {
                continue;
            }

            due.Add(new Due(
                userId,
                NotificationKinds.TodaysQuestion,
                $"{spaceId:N}/{pairDay:yyyy'-'MM'-'dd}",
                at,
                links.GetPathByPage("/Daily/Today", values: new { spaceId }) ?? "",
                zone));
        }
    }

    /// <summary>The hour, on the member's own clock, at which a new week of a reconnect plan is told.</summary>
    public const int PlanStepHour = 9;

    /// <summary>
    /// A new week of a reconnect plan begins (its second week and on), at <see cref="PlanStepHour"/>
    /// on the member's own clock, opening the plan, while that week's steps are not all marked done.
    /// A shared plan tells both members; a plan only one member sees (started from an insight only they
    /// saw) tells only them, so the other never learns it exists.
    /// </summary>
    private async Task PlanStepDaysAsync(List<Due> due, Instant now, IReadOnlySet<Guid> chosen, CancellationToken ct)
    {
        if (chosen.Count == 0)
        {
            return;
        }

        var users = chosen.ToList();
        var earliest = PairCalendar.ToDateOnly(now.InUtc().Date.PlusWeeks(-(Hearth.Core.Insights.ReconnectPlan.MaximumWeeks + 1)));
        var plans = await (
            from plan in db.Set<Insights.ReconnectPlanRecord>().IgnoreQueryFilters()
            join membership in db.Memberships.IgnoreQueryFilters() on plan.SpaceId equals membership.SpaceId
            join user in db.Users on membership.UserId equals user.Id
            where plan.StartWeek >= earliest && users.Contains(membership.UserId) && (plan.OwnerUserId == null || plan.OwnerUserId == membership.UserId)
                  && membership.LeftAt == null && membership.Space!.ClosedAt == null
            select new { plan.Id, plan.SpaceId, plan.StartWeek, plan.Weeks, plan.DoneSteps, plan.StartedAt, membership.UserId, membership.JoinedAt, user.TimeZoneId })
            .AsNoTracking()
            .ToListAsync(ct);
        foreach (var plan in plans)
        {
            var zone = TimeZones.Find(plan.TimeZoneId);
            var start = PairCalendar.ToLocalDate(plan.StartWeek);
            var done = plan.DoneSteps.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            for (var week = plan.Weeks; week >= 2; week--)
            {
                var at = zone.AtLeniently(start.PlusWeeks(week - 1) + new LocalTime(PlanStepHour, 0)).ToInstant();
                if (at > now)
                {
                    continue;
                }

                var steps = Hearth.Core.Insights.ReconnectPlan.Create(start, plan.Weeks).StepsForWeek(week);
                if (at.ToDateTimeOffset() >= plan.StartedAt && at.ToDateTimeOffset() >= plan.JoinedAt && !steps.All(s => done.Contains(s.Id)))
                {
                    due.Add(new Due(
                        plan.UserId,
                        NotificationKinds.PlanStepDay,
                        $"{plan.Id:N}/week-{week}",
                        at,
                        links.GetPathByPage("/Insights/Trends", values: new { spaceId = plan.SpaceId }) ?? "",
                        plan.TimeZoneId));
                }

                break;
            }
        }
    }

    /// <summary>A fresh "thinking of you": for the other member of the space, opening the space page.</summary>
    private async Task ThinkingOfYouAsync(List<Due> due, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - EventLookback;
        var fresh = await (
            from nudge in db.Set<ThinkingOfYouSent>().IgnoreQueryFilters()
            join membership in db.Memberships.IgnoreQueryFilters() on nudge.SpaceId equals membership.SpaceId
            join user in db.Users on membership.UserId equals user.Id
            where nudge.SentAt >= since && nudge.SentAt <= now && membership.UserId != nudge.FromUserId
                  && membership.LeftAt == null && membership.Space!.ClosedAt == null && membership.JoinedAt <= nudge.SentAt
            select new { nudge.SpaceId, nudge.SentAt, membership.UserId, user.TimeZoneId })
            .AsNoTracking()
            .ToListAsync(ct);
        foreach (var nudge in fresh)
        {
            due.Add(new Due(
                nudge.UserId,
                NotificationKinds.ThinkingOfYou,
                $"{nudge.SpaceId:N}/{nudge.SentAt.UtcTicks}",
                Instant.FromDateTimeOffset(nudge.SentAt),
                links.GetPathByPage("/Spaces/Space", values: new { spaceId = nudge.SpaceId }) ?? "",
                nudge.TimeZoneId));
        }
    }

    /// <summary>
    /// A note received and not yet read: for its receiver, opening the notes. A note is made to be
    /// seen by the receiver, so telling them one is there reveals nothing they may not see.
    /// </summary>
    private async Task NotesReceivedAsync(List<Due> due, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - EventLookback;
        var fresh = await (
            from note in db.Set<Notes.Note>().IgnoreQueryFilters()
            join membership in db.Memberships.IgnoreQueryFilters() on new { note.SpaceId, UserId = note.ToUserId } equals new { membership.SpaceId, membership.UserId }
            join user in db.Users on membership.UserId equals user.Id
            where note.SentAt >= since && note.SentAt <= now && note.ReadAt == null
                  && membership.LeftAt == null && membership.Space!.ClosedAt == null
            select new { note.Id, note.SpaceId, note.SentAt, membership.UserId, user.TimeZoneId })
            .AsNoTracking()
            .ToListAsync(ct);
        foreach (var note in fresh)
        {
            due.Add(new Due(
                note.UserId,
                NotificationKinds.NoteReceived,
                $"{note.SpaceId:N}/{note.Id:N}",
                Instant.FromDateTimeOffset(note.SentAt),
                links.GetPathByPage("/Notes/Index", values: new { spaceId = note.SpaceId }) ?? "",
                note.TimeZoneId));
        }
    }

    /// <summary>
    /// "Both answered": the day's question, once both answered it (not skipped), for the one who
    /// answered first, at the moment the second answer revealed the two. The one who answered second
    /// saw both at once and is not told. It reads only whether and when each answered, never the words,
    /// and nothing before both answers exist, so it fires only when something is revealed to its receiver.
    /// </summary>
    private async Task BothAnsweredAsync(List<Due> due, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - EventLookback;
        var pairs = await (
            from second in db.Set<Prompts.PromptResponse>().IgnoreQueryFilters()
            join first in db.Set<Prompts.PromptResponse>().IgnoreQueryFilters() on second.PromptDayId equals first.PromptDayId
            join membership in db.Memberships.IgnoreQueryFilters() on new { first.SpaceId, first.UserId } equals new { membership.SpaceId, membership.UserId }
            join user in db.Users on membership.UserId equals user.Id
            where second.RespondedAt >= since && second.RespondedAt <= now && first.UserId != second.UserId
                  && !first.Skipped && !second.Skipped && first.RespondedAt < second.RespondedAt
                  && membership.LeftAt == null && membership.Space!.ClosedAt == null
            select new { first.SpaceId, first.PromptDayId, second.RespondedAt, first.UserId, user.TimeZoneId })
            .AsNoTracking()
            .ToListAsync(ct);
        foreach (var day in pairs)
        {
            due.Add(new Due(
                day.UserId,
                NotificationKinds.BothAnswered,
                $"{day.SpaceId:N}/{day.PromptDayId:N}",
                Instant.FromDateTimeOffset(day.RespondedAt),
                links.GetPathByPage("/Daily/Today", values: new { spaceId = day.SpaceId }) ?? "",
                day.TimeZoneId));
        }
    }

    /// <summary>The occurrence at or before <paramref name="now"/> (at most a week back), or null.</summary>
    public static RitualOccurrence? LatestAtOrBefore(Ritual ritual, Instant now) =>
        RitualSchedule.NextOccurrences(ritual, now - Duration.FromDays(8), 3).LastOrDefault(o => o.Instant <= now);

    /// <summary>Inserts the claim row; null when another run or instance already has it.</summary>
    private async Task<NotificationSend?> ClaimAsync(Guid userId, string kind, string key, string channels, DateTimeOffset dueAt, DateTimeOffset now, DateTimeZone zone, CancellationToken ct)
    {
        if (await db.Set<NotificationSend>().AnyAsync(s => s.UserId == userId && s.Kind == kind && s.OccurrenceKey == key, ct))
        {
            return null;
        }

        // The daily budget, on the member's own calendar: the claim takes the next place of the day,
        // and the unique index on (member, day, place) keeps two instances from both taking the last one.
        var today = PairCalendar.ToDateOnly(Instant.FromDateTimeOffset(now).InZone(zone).Date);
        var already = await db.Set<NotificationSend>().CountAsync(s => s.UserId == userId && s.LocalDay == today, ct);
        if (already >= Math.Max(0, options.Value.Background.NotificationsPerDay))
        {
            return null;
        }

        var claim = new NotificationSend
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Kind = kind,
            OccurrenceKey = key,
            Channel = channels,
            DueAt = dueAt,
            ClaimedAt = now,
            LocalDay = today,
            DaySeq = already + 1,
        };
        db.Add(claim);
        try
        {
            await db.SaveChangesAsync(ct);
            return claim;
        }
        catch (DbUpdateException x) when (DbErrors.IsUniqueViolation(x))
        {
            // Another instance won the claim (or the day's place) a moment ago: it sends, this one does not.
            db.Entry(claim).State = EntityState.Detached;
            return null;
        }
    }
}

/// <summary>A member's own rules, on their own clock: pause until a date, quiet hours.</summary>
public static class Rules
{
    public static bool InQuietHours(NotificationSetting? rules, LocalTime time)
    {
        if (rules is not { QuietFromMinute: { } from, QuietUntilMinute: { } until } || from == until)
        {
            return false;
        }

        var minute = (time.Hour * 60) + time.Minute;
        return from < until ? minute >= from && minute < until : minute >= from || minute < until;
    }

    /// <summary>Paused (before the chosen date begins on their clock) or inside quiet hours: wait.</summary>
    public static bool MaySendNow(NotificationSetting? rules, Instant now, DateTimeZone zone)
    {
        var local = now.InZone(zone);
        if (rules?.PausedUntil is { } until && PairCalendar.ToDateOnly(local.Date) < until)
        {
            return false;
        }

        return !InQuietHours(rules, local.TimeOfDay);
    }

    /// <summary>When a notification due at <paramref name="due"/> may go: then, or when the quiet hours it fell in end.</summary>
    public static Instant ReleaseAt(NotificationSetting? rules, Instant due, DateTimeZone zone)
    {
        var local = due.InZone(zone);
        if (!InQuietHours(rules, local.TimeOfDay) || rules!.QuietUntilMinute is not { } untilMinute)
        {
            return due;
        }

        var end = local.Date + LocalTime.FromMinutesSinceMidnight(untilMinute);
        if (end <= local.LocalDateTime)
        {
            end = end.PlusDays(1);
        }

        return zone.AtLeniently(end).ToInstant();
    }
}

/// <summary>
/// Runs the reminder dispatcher every <see cref="BackgroundOptions.ReminderIntervalSeconds"/> on each
/// instance; the claims in the database keep several instances from sending twice.
/// </summary>
public sealed class ReminderService(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<HearthOptions> options, DatabasePreparation database, ILogger<ReminderService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Background.Enabled)
        {
            return;
        }

        try
        {
            await database.WhenReady.WaitAsync(stoppingToken);
        }
        catch (Exception)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Max(1, settings.Background.ReminderIntervalSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<ReminderDispatcher>().RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Reminders could not run; trying again shortly");
            }
        }
    }
}

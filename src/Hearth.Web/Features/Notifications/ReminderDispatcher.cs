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
    TimeProvider clock,
    IOptions<HearthOptions> options,
    LinkGenerator links,
    ILogger<ReminderDispatcher> log)
{
    /// <summary>How many reminders this run sent.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var nowInstant = Instant.FromDateTimeOffset(now);
        var late = TimeSpan.FromMinutes(Math.Max(1, options.Value.Background.ReminderLateLimitMinutes));

        // Members of open spaces with a ritual who have at least one device for push.
        var candidates = await (
            from ritual in db.Set<SpaceRitual>().IgnoreQueryFilters()
            join membership in db.Memberships.IgnoreQueryFilters() on ritual.SpaceId equals membership.SpaceId
            join user in db.Users on membership.UserId equals user.Id
            where membership.LeftAt == null && membership.Space!.ClosedAt == null
                  && db.Set<PushDevice>().Any(d => d.UserId == membership.UserId)
            select new { ritual.SpaceId, ritual.Day, ritual.MinuteOfDay, ritual.UpdatedAt, membership.UserId, membership.JoinedAt, user.TimeZoneId })
            .AsNoTracking()
            .ToListAsync(ct);

        var userIds = candidates.Select(c => c.UserId).Distinct().ToList();
        var settings = await db.Set<NotificationSetting>().AsNoTracking().Where(s => userIds.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, ct);
        var optedOut = (await db.Set<NotificationPreference>().AsNoTracking()
                .Where(p => userIds.Contains(p.UserId) && p.Kind == NotificationKinds.WeeklyCheckIn && p.Channel == NotificationChannels.Push && !p.Enabled)
                .Select(p => p.UserId).ToListAsync(ct))
            .ToHashSet();

        var sent = 0;
        foreach (var candidate in candidates)
        {
            if (optedOut.Contains(candidate.UserId))
            {
                continue;
            }

            var zone = TimeZones.Find(candidate.TimeZoneId);
            var onTheirClock = new Ritual((IsoDayOfWeek)candidate.Day, LocalTime.FromMinutesSinceMidnight(candidate.MinuteOfDay), zone);
            var due = LatestAtOrBefore(onTheirClock, nowInstant);
            if (due is null)
            {
                continue;
            }

            var dueAt = due.Instant.ToDateTimeOffset();
            var rules = settings.GetValueOrDefault(candidate.UserId);
            var release = Rules.ReleaseAt(rules, due.Instant, zone);
            if (!Rules.MaySendNow(rules, nowInstant, zone))
            {
                continue;
            }

            // Too late (Hearth was down): skip it rather than nudge hours after the evening has passed.
            // Before the ritual was set or the member joined: it was not theirs to be reminded of.
            if (now - release.ToDateTimeOffset() > late || dueAt < candidate.UpdatedAt || dueAt < candidate.JoinedAt)
            {
                continue;
            }

            var key = $"{candidate.SpaceId:N}/{due.Date:yyyy'-'MM'-'dd}";
            var claim = await ClaimAsync(candidate.UserId, NotificationKinds.WeeklyCheckIn, key, dueAt, now, zone, ct);
            if (claim is null)
            {
                continue;
            }

            var result = await push.SendAsync(candidate.UserId, links.GetPathByPage("/CheckIns/Index", values: new { spaceId = candidate.SpaceId }), ct);
            claim.SentAt = clock.GetUtcNow();
            claim.Delivered = result.Delivered;
            await db.SaveChangesAsync(ct);
            sent++;
        }

        if (sent > 0)
        {
            log.LogInformation("Reminders: sent {Count} weekly check-in reminder(s)", sent);
        }

        return sent;
    }

    /// <summary>The occurrence at or before <paramref name="now"/> (at most a week back), or null.</summary>
    public static RitualOccurrence? LatestAtOrBefore(Ritual ritual, Instant now) =>
        RitualSchedule.NextOccurrences(ritual, now - Duration.FromDays(8), 3).LastOrDefault(o => o.Instant <= now);

    /// <summary>Inserts the claim row; null when another run or instance already has it.</summary>
    private async Task<NotificationSend?> ClaimAsync(Guid userId, string kind, string key, DateTimeOffset dueAt, DateTimeOffset now, DateTimeZone zone, CancellationToken ct)
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
            Channel = NotificationChannels.Push,
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

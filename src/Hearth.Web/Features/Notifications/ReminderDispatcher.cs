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

        var sent = 0;
        foreach (var candidate in candidates)
        {
            var onTheirClock = new Ritual((IsoDayOfWeek)candidate.Day, LocalTime.FromMinutesSinceMidnight(candidate.MinuteOfDay), TimeZones.Find(candidate.TimeZoneId));
            var due = LatestAtOrBefore(onTheirClock, nowInstant);
            if (due is null)
            {
                continue;
            }

            var dueAt = due.Instant.ToDateTimeOffset();

            // Too late (Hearth was down): skip it rather than nudge hours after the evening has passed.
            // Before the ritual was set or the member joined: it was not theirs to be reminded of.
            if (now - dueAt > late || dueAt < candidate.UpdatedAt || dueAt < candidate.JoinedAt)
            {
                continue;
            }

            var key = $"{candidate.SpaceId:N}/{due.Date:yyyy'-'MM'-'dd}";
            var claim = await ClaimAsync(candidate.UserId, NotificationKinds.WeeklyCheckIn, key, dueAt, now, ct);
            if (claim is null)
            {
                continue;
            }

            var result = await push.SendAsync(candidate.UserId, $"/spaces/{candidate.SpaceId}/check-in", ct);
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
    private async Task<NotificationSend?> ClaimAsync(Guid userId, string kind, string key, DateTimeOffset dueAt, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Set<NotificationSend>().AnyAsync(s => s.UserId == userId && s.Kind == kind && s.OccurrenceKey == key, ct))
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
        };
        db.Add(claim);
        try
        {
            await db.SaveChangesAsync(ct);
            return claim;
        }
        catch (DbUpdateException x) when (DbErrors.IsUniqueViolation(x))
        {
            // Another instance won the claim a moment ago: it sends, this one does not.
            db.Entry(claim).State = EntityState.Detached;
            return null;
        }
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

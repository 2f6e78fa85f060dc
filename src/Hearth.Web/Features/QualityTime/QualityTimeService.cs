using Hearth.Core.QualityTime;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Features.Daily;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Hearth.Web.Features.QualityTime;

/// <summary>Phone-free time together: a timer, minutes by hand, and a week that celebrates what happened.</summary>
public sealed class QualityTimeService(HearthDbContext db, PairSpaces pairs, IStringLocalizer<QualityTimeText> words, TimeProvider clock)
{
    public async Task<Outcome<QualityTimeView>> GetAsync(Guid spaceId, string? weekStart = null, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<QualityTimeView>.NotFound();
        }

        var start = QualityTimeLog.WeekStartFor(pair.Today);
        if (!string.IsNullOrWhiteSpace(weekStart))
        {
            if (!DailyText.TryParseDate(weekStart, out var asked) || asked > pair.Today.PlusDays(QualityTimeLog.MaxDaysAhead))
            {
                return Outcome<QualityTimeView>.Invalid("weekStart", words["UnknownWeek"].Value);
            }

            start = QualityTimeLog.WeekStartFor(asked);
        }

        return Outcome<QualityTimeView>.Ok(await ViewAsync(pair, start, ct));
    }

    public async Task<Outcome<QualityTimeView>> StartAsync(Guid spaceId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<QualityTimeView>.NotFound();
        }

        var running = await db.Set<RunningTimer>().AsNoTracking().FirstOrDefaultAsync(t => t.SpaceId == spaceId, ct);
        var started = new QualityTimer(running is null ? null : Instant.FromDateTimeOffset(running.StartedAt)).Start(pair.Now);
        if (started.Error is { } error)
        {
            return Outcome<QualityTimeView>.Refused(409, words["AlreadyRunningTitle"].Value, QualityTimeWords.Problem(error, words));
        }

        db.Add(new RunningTimer { SpaceId = spaceId, StartedAt = pair.Now.ToDateTimeOffset(), StartedByUserId = pair.Me });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException race) when (DbErrors.IsUniqueViolation(race))
        {
            // The other member pressed start at the same moment: one timer runs for both.
            db.ChangeTracker.Clear();
            return Outcome<QualityTimeView>.Refused(409, words["AlreadyRunningTitle"].Value, QualityTimeWords.Problem(QualityTimer.Idle.Start(pair.Now).Value!.Start(pair.Now).Error!, words));
        }

        return Outcome<QualityTimeView>.Ok(await ViewAsync(pair, QualityTimeLog.WeekStartFor(pair.Today), ct));
    }

    public async Task<Outcome<QualityTimeView>> StopAsync(Guid spaceId, StopTimerInput? input, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<QualityTimeView>.NotFound();
        }

        var running = await db.Set<RunningTimer>().AsNoTracking().FirstOrDefaultAsync(t => t.SpaceId == spaceId, ct);
        var timer = new QualityTimer(running is null ? null : Instant.FromDateTimeOffset(running.StartedAt));
        var stopped = timer.Stop(pair.Now, input?.ConfirmedMinutes);
        switch (stopped.Status)
        {
            case TimerStopStatus.NeedsConfirmation:
                return Outcome<QualityTimeView>.Refused(409, words["HowLongTitle"].Value, QualityTimeWords.Problem(stopped.Error!, words));
            case TimerStopStatus.Refused when stopped.Error!.Problem is QualityTimeProblem.NotRunning or QualityTimeProblem.StopBeforeStart:
                return Outcome<QualityTimeView>.Refused(409, words["NotRunningTitle"].Value, QualityTimeWords.Problem(stopped.Error, words));
            case TimerStopStatus.Refused:
                return Outcome<QualityTimeView>.Invalid("confirmedMinutes", QualityTimeWords.Problem(stopped.Error!, words));
        }

        var entry = stopped.Entry!;
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // Claim the stop: if the other member stopped it a moment ago, nothing is deleted and nothing is recorded twice.
        var startedAt = running!.StartedAt;
        var claimed = await db.Set<RunningTimer>().Where(t => t.SpaceId == spaceId && t.StartedAt == startedAt).ExecuteDeleteAsync(ct);
        if (claimed == 0)
        {
            return Outcome<QualityTimeView>.Refused(409, words["NotRunningTitle"].Value, QualityTimeWords.Problem(QualityTimer.Idle.Stop(pair.Now).Error!, words));
        }

        db.Add(new TimeTogether
        {
            Id = Guid.CreateVersion7(),
            SpaceId = spaceId,
            Source = QualityTimeSource.Timer,
            StartedAt = startedAt,
            Day = entry.LocalDayIn(pair.Zone).ToDateOnly(),
            Seconds = (int)Math.Min(entry.Length.TotalSeconds, QualityTimeLog.MaxMinutesPerEntry * 60),
            LoggedByUserId = pair.Me,
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<QualityTimeView>.Ok(await ViewAsync(pair, QualityTimeLog.WeekStartFor(entry.LocalDayIn(pair.Zone)), ct));
    }

    public async Task<Outcome<QualityTimeView>> AddManualAsync(Guid spaceId, ManualTimeInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<QualityTimeView>.NotFound();
        }

        var errors = new FieldErrors();
        var day = pair.Today;
        if (!string.IsNullOrWhiteSpace(input.Date) && !DailyText.TryParseDate(input.Date, out day))
        {
            errors.Add("date", words["DateFormat"].Value);
        }

        if (input.Minutes is null)
        {
            errors.Add("minutes", words["MinutesMissing"].Value);
        }

        if (errors.Any)
        {
            return errors.ToOutcome<QualityTimeView>();
        }

        var logged = QualityTimeLog.Manual(day, input.Minutes!.Value, pair.Today);
        if (logged.Error is { } error)
        {
            return Outcome<QualityTimeView>.Invalid(error.Problem == QualityTimeProblem.DateInFuture ? "date" : "minutes", QualityTimeWords.Problem(error, words));
        }

        db.Add(new TimeTogether
        {
            Id = Guid.CreateVersion7(),
            SpaceId = spaceId,
            Source = QualityTimeSource.Manual,
            Day = day.ToDateOnly(),
            Seconds = input.Minutes.Value * 60,
            LoggedByUserId = pair.Me,
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return Outcome<QualityTimeView>.Ok(await ViewAsync(pair, QualityTimeLog.WeekStartFor(day), ct));
    }

    /// <summary>Removes an entry the caller logged (a slip of the finger). Anything else is "not found".</summary>
    public async Task<Outcome<QualityTimeView>> RemoveAsync(Guid spaceId, Guid entryId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<QualityTimeView>.NotFound();
        }

        var entry = await db.Set<TimeTogether>().FirstOrDefaultAsync(t => t.Id == entryId && t.SpaceId == spaceId && t.LoggedByUserId == pair.Me, ct);
        if (entry is null)
        {
            return Outcome<QualityTimeView>.NotFound();
        }

        // One statement, so the same removal sent twice at once removes it once and the other finds nothing (404), never a 500.
        if (await db.Set<TimeTogether>().Where(t => t.Id == entry.Id && t.LoggedByUserId == pair.Me).ExecuteDeleteAsync(ct) == 0)
        {
            return Outcome<QualityTimeView>.NotFound();
        }

        return Outcome<QualityTimeView>.Ok(await ViewAsync(pair, QualityTimeLog.WeekStartFor(LocalDate.FromDateOnly(entry.Day)), ct));
    }

    private async Task<QualityTimeView> ViewAsync(PairSpace pair, LocalDate weekStart, CancellationToken ct)
    {
        // A day either side: timer sessions count by their start in the pair's current zone.
        var today = pair.Today;
        var from = Min(weekStart, today).PlusDays(-1).ToDateOnly();
        var to = Max(weekStart.PlusDays(QualityTimeLog.DaysPerWeek), today).PlusDays(1).ToDateOnly();

        // One round trip for the running timer and the week's entries (the pair dashboard shows both).
        var spaceId = pair.SpaceId;
        var read = await db.Spaces.AsNoTracking()
            .Where(s => s.Id == spaceId)
            .Select(s => new
            {
                TimerStartedAt = db.Set<RunningTimer>().Where(t => t.SpaceId == s.Id).Select(t => (DateTimeOffset?)t.StartedAt).FirstOrDefault(),
                TimerStartedBy = db.Set<RunningTimer>().Where(t => t.SpaceId == s.Id).Select(t => (Guid?)t.StartedByUserId).FirstOrDefault(),
                Rows = db.Set<TimeTogether>().Where(t => t.SpaceId == s.Id && t.Day >= from && t.Day <= to).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        var rows = read?.Rows ?? [];
        var running = read?.TimerStartedAt is { } startedAt ? new RunningTimer { SpaceId = spaceId, StartedAt = startedAt, StartedByUserId = read.TimerStartedBy ?? Guid.Empty } : null;
        var timer = new QualityTimer(running is null ? null : Instant.FromDateTimeOffset(running.StartedAt));
        var entries = rows.Select(ToEntry).ToList();
        var week = QualityTimeLog.SummarizeWeek(entries, pair.Zone, weekStart, pair.Goal);
        var todayMinutes = QualityTimeLog.SummarizeWeek(entries, pair.Zone, today, pair.Goal).Days[0].Minutes;

        var weekRows = rows.Where(r => entries[rows.IndexOf(r)].LocalDayIn(pair.Zone) is var d && d >= week.Start && d <= week.End)
            .OrderByDescending(r => r.Day).ThenByDescending(r => r.CreatedAt)
            .Select(r => new TimeEntryView(
                r.Id,
                DailyText.Iso(ToEntry(r).LocalDayIn(pair.Zone)),
                r.Seconds / 60,
                r.Source == QualityTimeSource.Timer ? TimeEntrySource.Timer : TimeEntrySource.Manual,
                r.LoggedByUserId == pair.Me))
            .ToList();

        return new QualityTimeView(
            DailyText.Iso(today),
            todayMinutes,
            pair.Goal.Minutes,
            new TimerView(timer.IsRunning, running?.StartedAt, running?.StartedByUserId == pair.Me, (int)timer.Elapsed(pair.Now).TotalMinutes),
            new WeekView(
                DailyText.Iso(week.Start),
                DailyText.Iso(week.End),
                week.Days.Select(d => new DayView(DailyText.Iso(d.Date), d.Minutes, d.ReachedGoal)).ToList(),
                week.TotalMinutes,
                week.DaysTogether,
                week.DaysReachingGoal,
                QualityTimeWords.WeekSentence(week.TotalMinutes, week.DaysReachingGoal, week.Goal.Minutes, words)),
            weekRows);
    }

    private static QualityTimeEntry ToEntry(TimeTogether row) =>
        row.Source == QualityTimeSource.Timer && row.StartedAt is { } started
            ? QualityTimeEntry.FromTimer(Instant.FromDateTimeOffset(started), Duration.FromSeconds(row.Seconds))
            : QualityTimeLog.Manual(LocalDate.FromDateOnly(row.Day), Math.Max(1, row.Seconds / 60), LocalDate.FromDateOnly(row.Day)).Value!;

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;
}

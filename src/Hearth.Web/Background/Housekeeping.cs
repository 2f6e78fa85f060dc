using System.Security.Cryptography;
using System.Text;
using Hearth.Web.Data;
using Hearth.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Background;

/// <summary>
/// One run of a background job for one slot (a window of time, e.g. 12:00-12:15 UTC). The pair
/// (Job, SlotStart) is the primary key: the instance whose insert succeeds owns the slot, so each
/// slot runs once across all instances sharing the database (docs/adr/0005). Holds no personal data.
/// </summary>
public sealed class BackgroundRun
{
    public string Job { get; set; } = "";

    public DateTimeOffset SlotStart { get; set; }

    /// <summary>Which instance ran it (Hearth:InstanceName, default machine name and process id).</summary>
    public string Instance { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>How many rows the run removed, for operators.</summary>
    public int ItemsRemoved { get; set; }
}

public sealed class BackgroundRunConfiguration : IEntityTypeConfiguration<BackgroundRun>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<BackgroundRun> builder)
    {
        builder.ToTable("BackgroundRuns");
        builder.HasKey(r => new { r.Job, r.SlotStart });
        builder.Property(r => r.Job).HasMaxLength(40);
        builder.Property(r => r.Instance).HasMaxLength(120);
    }
}

public enum SlotOutcome
{
    /// <summary>This instance ran the slot.</summary>
    Ran,

    /// <summary>Another instance already ran the slot (or is the one running it and has finished).</summary>
    AlreadyDone,

    /// <summary>Another instance holds the lease right now; try again shortly.</summary>
    Busy,
}

/// <summary>
/// Housekeeping: removes what has outlived its use, once per slot across all instances.
/// <list type="bullet">
/// <item>sessions idle longer than the idle timeout (they are refused anyway; this takes them off the table),</item>
/// <item>invitations 30 days past their expiry (accepted, withdrawn or unused: a link that old only ever says "not valid"),</item>
/// <item>its own records of runs older than 30 days,</item>
/// <item>submission keys (<see cref="Features.Shared.Submission"/>) older than a day,</item>
/// <item>counts of tries and e-mails (<see cref="Security.AttemptCounter"/>) untouched for 30 days, except a lock of 100 failures (only a reset lifts it).</item>
/// </list>
/// The second-step sign-in state is a short-lived encrypted cookie and passkey challenges live in the
/// cookie too, so there is nothing of theirs in the database to clean up. The e-mail outbox is the
/// operator's to forward, so it is left alone.
/// </summary>
public sealed class Housekeeping(HearthDbContext db, TimeProvider clock, IOptions<HearthOptions> options, ILogger<Housekeeping> log)
{
    public const string Job = "housekeeping";

    /// <summary>How long the log of notifications sent to a member is kept (a year and a day).</summary>
    public static readonly TimeSpan NotificationLogRetention = TimeSpan.FromDays(366);

    /// <summary>
    /// The most sessions (and, separately, invitations) one run removes. Deleting 1,000 rows takes tens of
    /// milliseconds; at the default 15-minute slots that is still 96,000 a day.
    /// </summary>
    public const int RowsPerRun = 1000;

    /// <summary>How long finished invitations and run records are kept past their life.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    /// <summary>How long a submission key (docs/adr/0017) is remembered: a repeat after that creates again.</summary>
    public static readonly TimeSpan SubmissionRetention = TimeSpan.FromDays(1);

    /// <summary>PostgreSQL advisory lock key for this job: a stable 64-bit number from its name.</summary>
    private static readonly long LockKey = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("hearth:background:" + Job)), 0);

    public TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.Background.HousekeepingIntervalSeconds));

    /// <summary>The start of the slot an instant falls in (slots are aligned to the Unix epoch, so every instance agrees).</summary>
    public static DateTimeOffset SlotOf(DateTimeOffset now, TimeSpan interval)
    {
        var ticks = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(ticks - (ticks % interval.Ticks));
    }

    /// <summary>
    /// Runs the slot unless another instance has it. One transaction: take the lease (PostgreSQL:
    /// <c>pg_try_advisory_xact_lock</c>, never waiting), claim the slot (insert its run row; a
    /// conflict means it is done), do the work, record it. If this process dies midway, the
    /// transaction rolls back, the lease is released with the connection and the slot is free again.
    /// </summary>
    public async Task<SlotOutcome> RunSlotAsync(DateTimeOffset slotStart, string instance, CancellationToken ct = default)
    {
        var postgres = db.Database.IsNpgsql();
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (postgres)
        {
            var leased = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").SingleAsync(ct);
            if (!leased)
            {
                await tx.RollbackAsync(ct);
                log.LogDebug("Housekeeping slot {Slot:O}: another instance holds the lease", slotStart);
                return SlotOutcome.Busy;
            }
        }

        if (!await ClaimSlotAsync(db, Job, slotStart, instance, now, ct))
        {
            await tx.RollbackAsync(ct);
            log.LogDebug("Housekeeping slot {Slot:O}: already done by another instance", slotStart);
            return SlotOutcome.AlreadyDone;
        }

        // At most RowsPerRun of each per slot, so the transaction (SQLite's one writer) stays short even
        // when thousands of sessions expire at once; the rest goes in the next slots.
        var idle = TimeSpan.FromMinutes(Math.Max(1, options.Value.Security.IdleTimeoutMinutes));
        var idleBefore = now - idle;
        var sessions = await db.UserSessions.Where(s => s.LastSeenAt < idleBefore).OrderBy(s => s.Id).Take(RowsPerRun).ExecuteDeleteAsync(ct);
        var expiredBefore = now - Retention;
        var invitations = await db.Invitations.IgnoreQueryFilters().Where(i => i.ExpiresAt < expiredBefore).OrderBy(i => i.Id).Take(RowsPerRun).ExecuteDeleteAsync(ct);
        var runs = await db.Set<BackgroundRun>().Where(r => r.Job == Job && r.SlotStart < expiredBefore).ExecuteDeleteAsync(ct);
        var counts = await db.Set<Security.AttemptCounter>()
            .Where(c => c.LastAt < expiredBefore && c.Count < Core.Accounts.SignInThrottle.MaxConsecutiveFailures)
            .OrderBy(c => c.Key).Take(RowsPerRun).ExecuteDeleteAsync(ct);
        var submittedBefore = now - SubmissionRetention;
        var submissions = await db.Set<Features.Shared.Submission>().Where(s => s.CreatedAt < submittedBefore)
            .OrderBy(s => s.UserId).ThenBy(s => s.Key).Take(RowsPerRun).ExecuteDeleteAsync(ct);
        // The notification send log and the last "thinking of you" of each sender: kept a year (ADR 47).
        var sentBefore = now - NotificationLogRetention;
        var sends = await db.Set<Features.Notifications.NotificationSend>().Where(s => s.ClaimedAt < sentBefore)
            .OrderBy(s => s.Id).Take(RowsPerRun).ExecuteDeleteAsync(ct);
        var nudges = await db.Set<Features.Notifications.ThinkingOfYouSent>().IgnoreQueryFilters().Where(t => t.SentAt < sentBefore)
            .OrderBy(t => t.SpaceId).ThenBy(t => t.FromUserId).Take(RowsPerRun).ExecuteDeleteAsync(ct);
        var finished = clock.GetUtcNow();
        var removed = sessions + invitations + counts + submissions + sends + nudges;
        await db.Set<BackgroundRun>().Where(r => r.Job == Job && r.SlotStart == slotStart)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.FinishedAt, finished).SetProperty(r => r.ItemsRemoved, removed), ct);
        await tx.CommitAsync(ct);
        log.LogInformation(
            "Housekeeping ran slot {Slot:O} on {Instance}: removed {Sessions} idle session(s), {Invitations} old invitation(s), {Runs} old run record(s), {Counts} old count(s) of tries, {Submissions} old submission key(s), {Sends} old notification log entr(ies), {Nudges} old \"thinking of you\" record(s)",
            slotStart, instance, sessions, invitations, runs, counts, submissions, sends, nudges);
        return SlotOutcome.Ran;
    }

    /// <summary>
    /// Claims (job, slot) by inserting its run row; false when another instance has it. Inside the
    /// caller's transaction if there is one. Automatic backups (Features/Operations) claim their slots the same way.
    /// </summary>
    public static async Task<bool> ClaimSlotAsync(HearthDbContext db, string job, DateTimeOffset slotStart, string instance, DateTimeOffset now, CancellationToken ct)
    {
        var claimed = db.Database.IsNpgsql()
            ? await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO \"BackgroundRuns\" (\"Job\", \"SlotStart\", \"Instance\", \"StartedAt\", \"ItemsRemoved\") VALUES ({job}, {slotStart}, {instance}, {now}, 0) ON CONFLICT (\"Job\", \"SlotStart\") DO NOTHING",
                ct)
            : await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO \"BackgroundRuns\" (\"Job\", \"SlotStart\", \"Instance\", \"StartedAt\", \"ItemsRemoved\") VALUES ({job}, {slotStart.UtcTicks}, {instance}, {now.UtcTicks}, 0) ON CONFLICT (\"Job\", \"SlotStart\") DO NOTHING",
                ct);
        return claimed == 1;
    }
}

/// <summary>
/// Wakes up a few times per slot and runs housekeeping for the current slot if no instance has yet.
/// Every instance runs this; the database decides which one does the work (see <see cref="Housekeeping.RunSlotAsync"/>).
/// </summary>
public sealed class HousekeepingService(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<HearthOptions> options, DatabasePreparation database, ILogger<HousekeepingService> log)
    : BackgroundService
{
    public static string DefaultInstanceName => $"{Environment.MachineName}/{Environment.ProcessId}";

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
            // Not ready: the host is stopping (it reports why), so there is nothing to keep.
            return;
        }

        var instance = string.IsNullOrWhiteSpace(settings.InstanceName) ? DefaultInstanceName : settings.InstanceName.Trim();
        var interval = TimeSpan.FromSeconds(Math.Max(1, settings.Background.HousekeepingIntervalSeconds));
        var poll = TimeSpan.FromTicks(Math.Clamp(interval.Ticks / 4, TimeSpan.FromMilliseconds(200).Ticks, TimeSpan.FromSeconds(30).Ticks));
        DateTimeOffset? settled = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(poll, clock, stoppingToken);
                var slot = Housekeeping.SlotOf(clock.GetUtcNow(), interval);
                if (slot == settled)
                {
                    continue;
                }

                using var scope = scopes.CreateScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<Housekeeping>().RunSlotAsync(slot, instance, stoppingToken);
                if (outcome != SlotOutcome.Busy)
                {
                    settled = slot;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be restarting; the next poll tries again.
                log.LogWarning(ex, "Housekeeping could not run; trying again shortly");
            }
        }
    }
}

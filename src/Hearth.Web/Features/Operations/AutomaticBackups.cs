using Hearth.Web.Background;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Features.Operations.Backups;
using Hearth.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Features.Operations;

/// <summary>
/// Automatic backups (Hearth:Backups, off by default): every IntervalHours an archive like
/// `hearth backup` writes, into Hearth:Backups:Folder (default backups/automatic in the data folder),
/// keeping the newest Keep of them. Each slot is claimed in BackgroundRuns as housekeeping's are
/// (<see cref="Housekeeping.ClaimSlotAsync"/>), so of several instances one backs up. The claim is
/// committed before the copy, so the database's one writer is not held while it runs: an instance that
/// dies midway leaves that slot without a backup, and the next slot takes one.
/// </summary>
public sealed class AutomaticBackups(IServiceScopeFactory scopes, TimeProvider clock, IOptions<HearthOptions> options, HearthPaths paths, ILogger<AutomaticBackups> log)
{
    public const string Job = "backup";

    public TimeSpan Interval => TimeSpan.FromHours(Math.Max(1, options.Value.Backups.IntervalHours));

    public string Folder => string.IsNullOrWhiteSpace(options.Value.Backups.Folder)
        ? Path.Combine(paths.Backups, "automatic")
        : Path.GetFullPath(options.Value.Backups.Folder);

    public async Task<SlotOutcome> RunSlotAsync(DateTimeOffset slotStart, string instance, CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HearthDbContext>();
        if (!await Housekeeping.ClaimSlotAsync(db, Job, slotStart, instance, clock.GetUtcNow(), ct))
        {
            return SlotOutcome.AlreadyDone;
        }

        OwnerOnly.Folder(Folder);
        var target = Path.Combine(Folder, $"hearth-{slotStart:yyyyMMdd-HHmm}.tar.gz");
        try
        {
            await scope.ServiceProvider.GetRequiredService<BackupMaker>().WriteAsync(target, ct);
            HearthMetrics.BackupTaken(succeeded: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            HearthMetrics.BackupTaken(succeeded: false);
            log.LogError(ex, "The automatic backup for slot {Slot:O} could not be written", slotStart);
            return SlotOutcome.Ran;
        }

        var old = Directory.GetFiles(Folder, "hearth-*.tar.gz").Order(StringComparer.Ordinal).Reverse().Skip(Math.Max(1, options.Value.Backups.Keep)).ToList();
        foreach (var file in old)
        {
            File.Delete(file);
        }

        var finished = clock.GetUtcNow();
        await db.Set<BackgroundRun>().Where(r => r.Job == Job && r.SlotStart == slotStart)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.FinishedAt, finished).SetProperty(r => r.ItemsRemoved, old.Count), ct);
        log.LogInformation("Automatic backup written for slot {Slot:O}; {Removed} older one(s) removed", slotStart, old.Count);
        return SlotOutcome.Ran;
    }
}

/// <summary>Wakes a few times per slot and takes the slot's backup if no instance has yet.</summary>
public sealed class AutomaticBackupService(AutomaticBackups backups, TimeProvider clock, IOptions<HearthOptions> options, DatabasePreparation database, ILogger<AutomaticBackupService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Backups.Enabled || !settings.Background.Enabled)
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

        var instance = string.IsNullOrWhiteSpace(settings.InstanceName) ? HousekeepingService.DefaultInstanceName : settings.InstanceName.Trim();
        var poll = TimeSpan.FromTicks(Math.Clamp(backups.Interval.Ticks / 4, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromMinutes(5).Ticks));
        DateTimeOffset? settled = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var slot = Housekeeping.SlotOf(clock.GetUtcNow(), backups.Interval);
                if (slot != settled)
                {
                    await backups.RunSlotAsync(slot, instance, stoppingToken);
                    settled = slot;
                }

                await Task.Delay(poll, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "The automatic backup could not run; trying again shortly");
                await Task.Delay(poll, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}

using Hearth.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Data;

/// <summary>
/// Whether Hearth can save right now. A write that failed for lack of space is remembered for a
/// minute, so readiness says so even where a probe cannot tell (a rolled-back probe may never
/// reach a full disk); the probe and the free space of the data folder are checked every time.
/// </summary>
public sealed class StorageStatus(TimeProvider clock)
{
    public const int RetryAfterSeconds = 60;

    public const string CannotSaveDetail = "Hearth can't save right now: the space it keeps your data in is full. Nothing you sent was saved. Please try again in a little while; the people who run this Hearth can see it too.";

    public static readonly TimeSpan Remembered = TimeSpan.FromSeconds(RetryAfterSeconds);

    private long lastFullTicks;

    public void ReportFull() => Interlocked.Exchange(ref lastFullTicks, clock.GetUtcNow().UtcTicks);

    /// <summary>How long a probe's answer stands: /health is also the load script's baseline, and the probe takes SQLite's writer.</summary>
    public static readonly TimeSpan ProbeFor = TimeSpan.FromSeconds(5);

    private long probedTicks;

    /// <summary>True when the last probe is recent enough to stand; otherwise the caller probes and calls <see cref="Probed"/>.</summary>
    public bool ProbedRecently => clock.GetUtcNow().UtcTicks - Interlocked.Read(ref probedTicks) < ProbeFor.Ticks;

    public void Probed() => Interlocked.Exchange(ref probedTicks, clock.GetUtcNow().UtcTicks);

    public bool RecentlyFull
    {
        get
        {
            var last = Interlocked.Read(ref lastFullTicks);
            return last != 0 && clock.GetUtcNow().UtcTicks - last < Remembered.Ticks;
        }
    }
}

/// <summary>
/// Readiness: the database takes a write (a table created and rolled back, which needs a new page
/// on SQLite; at most every five seconds), the data folder has at least Hearth:Health:MinimumFreeDiskMegabytes free, and no write
/// failed for lack of space in the last minute. Unhealthy makes /health answer 503.
/// </summary>
public sealed class StorageHealthCheck(HearthDbContext db, StorageStatus status, HearthPaths paths, IOptions<HearthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var minimum = options.Value.Health.MinimumFreeDiskMegabytes;
        var free = FreeMegabytes(paths.Root);
        if (free is { } megabytes && megabytes < minimum)
        {
            return HealthCheckResult.Unhealthy($"The data folder has {megabytes} MB free, below Hearth:Health:MinimumFreeDiskMegabytes ({minimum} MB).");
        }

        if (!status.ProbedRecently)
        {
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("CREATE TABLE hearth_readiness_probe (x INTEGER)", cancellationToken);
                await tx.RollbackAsync(cancellationToken);
                status.Probed();
            }
            catch (Exception ex) when (DbErrors.IsStorageFull(ex))
            {
                status.ReportFull();
                return HealthCheckResult.Unhealthy("The database cannot save: its storage is full or failing.");
            }
        }

        return status.RecentlyFull
            ? HealthCheckResult.Unhealthy("A write failed for lack of space in the last minute.")
            : HealthCheckResult.Healthy();
    }

    private static long? FreeMegabytes(string folder)
    {
        try
        {
            return new DriveInfo(Path.GetFullPath(folder)).AvailableFreeSpace / (1024 * 1024);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}

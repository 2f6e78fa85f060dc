using Hearth.Web.Data;
using Hearth.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Features.Operations;

/// <summary>
/// Readiness: the key ring is there. With the key ring in a folder, that folder must hold a Data
/// Protection key (key-*.xml) once anyone has a data key; a folder lost or unmounted under a running
/// Hearth makes it Unhealthy before people meet broken pages. With the key ring in the database the
/// database check covers it.
/// </summary>
public sealed class KeyRingHealthCheck(HearthDbContext db, HearthPaths paths, IOptions<HearthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (options.Value.KeyRing.InDatabase)
        {
            return HealthCheckResult.Healthy();
        }

        bool present;
        try
        {
            present = Directory.Exists(paths.Keys) && Directory.EnumerateFiles(paths.Keys, "key-*.xml").Any();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            present = false;
        }

        if (present || !await db.MemberKeys.AnyAsync(cancellationToken))
        {
            return HealthCheckResult.Healthy();
        }

        return HealthCheckResult.Unhealthy("The key ring folder holds no key (Hearth:KeyRing:Directory, default keys/ in the data folder).");
    }
}

using Hearth.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hearth.Web.Hosting;

/// <summary>Health for operators: the database answers.</summary>
public sealed class DatabaseHealthCheck(HearthDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}

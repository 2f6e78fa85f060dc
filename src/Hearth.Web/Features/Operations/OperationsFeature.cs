using Hearth.Web.Features.Operations.Backups;
using Hearth.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace Hearth.Web.Features.Operations;

/// <summary>
/// The operator's tools (ADR 44): the `hearth` verbs (Cli/), backup archives (Backups/), automatic
/// backups, liveness and readiness, and OpenTelemetry metrics behind an opt-in Prometheus listener on
/// its own port (loopback by default), never on Hearth's public address.
/// </summary>
public static class OperationsFeature
{
    public static IServiceCollection AddOperations(this IServiceCollection services, HearthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddScoped<BackupMaker>();
        services.AddScoped<HearthVerifier>();
        services.AddSingleton<AutomaticBackups>();
        services.AddHostedService<AutomaticBackupService>();
        services.AddHealthChecks().AddCheck<KeyRingHealthCheck>("keyring");

        if (options.Metrics.Enabled)
        {
            var listen = MetricsAddress(options.Metrics.Listen);
            services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(HearthMetrics.MeterName, "Microsoft.EntityFrameworkCore")
                .AddPrometheusHttpListener(o =>
                {
                    o.Host = listen.Host;
                    o.Port = listen.Port;
                }));
        }

        return services;
    }

    /// <summary>Counts requests by feature, with metrics on only; right after routing, so the endpoint is known.</summary>
    public static WebApplication UseOperations(this WebApplication app, HearthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Metrics.Enabled)
        {
            app.UseMiddleware<RequestMetrics>();
        }

        return app;
    }

    /// <summary>
    /// /health/live: the process answers (no check; during a long migration too, so a supervisor does
    /// not restart it). /health/ready: the same checks as /health (database writable, disk space, key ring).
    /// </summary>
    public static void MapOperations(this HearthRoutes routes)
    {
        routes.App.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).DisableRateLimiting().AllowAnonymous();
        routes.App.MapHealthChecks("/health/ready").DisableRateLimiting().AllowAnonymous();
    }

    private static Uri MetricsAddress(string listen)
    {
        if (!Uri.TryCreate(listen, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.IsDefaultPort)
        {
            throw new InvalidOperationException(
                $"Hearth:Metrics:Listen must be an http address with its own port, such as http://127.0.0.1:9464/, not '{listen}'.");
        }

        return uri;
    }
}

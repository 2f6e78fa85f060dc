namespace Hearth.Web.Hosting;

/// <summary>The operator's settings: automatic backups and the metrics endpoint (Features/Operations, ADR 44).</summary>
public sealed partial class HearthOptions
{
    /// <summary>Automatic backups (Hearth:Backups), off by default.</summary>
    public BackupOptions Backups { get; set; } = new();

    /// <summary>The Prometheus metrics endpoint (Hearth:Metrics), off by default.</summary>
    public MetricsOptions Metrics { get; set; } = new();
}

public sealed class BackupOptions
{
    /// <summary>Take a backup archive (database and key ring, as `hearth backup` does) every <see cref="IntervalHours"/>. Off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>Hours between automatic backups (default 24). Slots follow the wall clock, as housekeeping's do.</summary>
    public int IntervalHours { get; set; } = 24;

    /// <summary>How many automatic archives to keep (default 7); older ones are deleted after a new one is written.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>Where automatic archives go. Default: backups/automatic in the data folder (put it on another disk if you can).</summary>
    public string? Folder { get; set; }
}

public sealed class MetricsOptions
{
    /// <summary>Serve OpenTelemetry metrics in the Prometheus format. Off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The address the metrics listener answers on, on its own port, never Hearth's public one (default
    /// http://127.0.0.1:9464/; the scraper then reads http://127.0.0.1:9464/metrics). Use another address
    /// only on a network you trust.
    /// </summary>
    public string Listen { get; set; } = "http://127.0.0.1:9464/";
}

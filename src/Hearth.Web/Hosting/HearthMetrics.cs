using System.Diagnostics.Metrics;

namespace Hearth.Web.Hosting;

/// <summary>
/// Hearth's own metrics (meter "Hearth"), exported only when an operator turns the metrics endpoint
/// on (Features/Operations, ADR 44). Every tag is a fixed word (a feature's folder name, a channel,
/// an HTTP status class): never an address, an id, a name or anything a person wrote.
/// </summary>
public static class HearthMetrics
{
    public const string MeterName = "Hearth";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "hearth.requests", unit: "{request}", description: "Requests answered, by feature (the folder under Features/, or 'platform') and status class.");

    private static readonly Counter<long> FailedWrites = Meter.CreateCounter<long>(
        "hearth.writes.failed", unit: "{write}", description: "Database writes that failed (not a race a unique index settled), by reason.");

    private static readonly Counter<long> Notifications = Meter.CreateCounter<long>(
        "hearth.notifications.sent", unit: "{notification}", description: "Notifications handed on (an e-mail delivered or written to the outbox), by channel.");

    private static readonly Counter<long> Backups = Meter.CreateCounter<long>(
        "hearth.backups", unit: "{backup}", description: "Automatic backups, by outcome.");

    public static void RequestAnswered(string feature, int status) =>
        Requests.Add(1, new KeyValuePair<string, object?>("feature", feature), new KeyValuePair<string, object?>("status", StatusClass(status)));

    public static void WriteFailed(bool storageFull) =>
        FailedWrites.Add(1, new KeyValuePair<string, object?>("reason", storageFull ? "storage_full" : "refused"));

    /// <summary>The hook for anything that notifies a person: call once per notification handed on.</summary>
    public static void NotificationSent(string channel) =>
        Notifications.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public static void BackupTaken(bool succeeded) =>
        Backups.Add(1, new KeyValuePair<string, object?>("outcome", succeeded ? "written" : "failed"));

    private static string StatusClass(int status) => status switch
    {
        < 200 => "1xx",
        < 300 => "2xx",
        < 400 => "3xx",
        < 500 => "4xx",
        _ => "5xx",
    };
}

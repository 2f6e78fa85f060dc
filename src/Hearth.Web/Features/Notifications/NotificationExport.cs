using System.Globalization;
using System.Text.Json;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Data.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Features.Notifications;

/// <summary>
/// The account's part of the export about being reached (docs/adr/0049): the member's own push
/// devices (address and keys unsealed for them alone), choices, quiet hours, pause and send log.
/// Reads rows of <paramref name="me"/> only; the partner's devices are never in it.
/// </summary>
public sealed class NotificationExport(HearthDbContext db, FieldCipher cipher, IOptions<Hosting.HearthOptions> options)
{
    public async Task<ExportNotifications> BuildAsync(Guid me, CancellationToken ct = default)
    {
        var devices = new List<ExportPushDevice>();
        foreach (var device in await db.Set<PushDevice>().AsNoTracking().Where(d => d.UserId == me).ToListAsync(ct))
        {
            var sealedJson = await cipher.DecryptAsync(device.Sealed, PushDevices.Context(device), ct);
            if (sealedJson is null || JsonSerializer.Deserialize<ValidSubscription>(sealedJson, SealedJson.Options) is not { } subscription)
            {
                continue;
            }

            devices.Add(new ExportPushDevice(device.Label, subscription.Endpoint, subscription.P256dh, subscription.Auth, ExportJson.Instant(device.CreatedAt), ExportJson.Instant(device.LastDeliveredAt)));
        }

        var choices = (await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.UserId == me).ToListAsync(ct))
            .Select(p => new ExportNotificationChoice(p.Kind, p.Channel, p.Enabled, ExportJson.Instant(p.UpdatedAt)))
            .OrderBy(c => c.Notification, StringComparer.Ordinal).ThenBy(c => c.Channel, StringComparer.Ordinal)
            .ToList();
        var rules = await db.Set<NotificationSetting>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == me, ct);
        var sent = (await db.Set<NotificationSend>().AsNoTracking().Where(s => s.UserId == me).ToListAsync(ct))
            .OrderBy(s => s.DueAt).ThenBy(s => s.Kind, StringComparer.Ordinal)
            .Select(s => new ExportNotificationSent(s.Kind, s.Channel, ExportJson.Instant(s.DueAt), ExportJson.Instant(s.SentAt), s.Delivered))
            .ToList();
        return new ExportNotifications(
            devices.OrderBy(d => d.CreatedAt).ThenBy(d => d.Endpoint, StringComparer.Ordinal).ToList(),
            choices,
            rules?.QuietFromMinute is { } from ? Hearth.Core.Rituals.RitualInput.ShowMinuteOfDay(from) : null,
            rules?.QuietUntilMinute is { } until ? Hearth.Core.Rituals.RitualInput.ShowMinuteOfDay(until) : null,
            rules?.PausedUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Math.Max(0, options.Value.Background.NotificationsPerDay),
            sent);
    }
}

/// <summary>
/// How Hearth may reach you (per account, never per space): your push devices with the push service's
/// address and the device's keys, your choices per kind and channel, quiet hours, pause, the most a day
/// this Hearth sends, and what was sent to you. Only ever your own; import does not bring it back (a
/// device subscribes anew to another Hearth, and you choose again there).
/// </summary>
public sealed record ExportNotifications(
    IReadOnlyList<ExportPushDevice> Devices,
    IReadOnlyList<ExportNotificationChoice> Choices,
    string? QuietFrom,
    string? QuietUntil,
    string? PausedUntil,
    int PerDay,
    IReadOnlyList<ExportNotificationSent> Sent);

/// <summary>One device that receives push: its push service's address and keys, as the browser gave them.</summary>
public sealed record ExportPushDevice(string Device, string Endpoint, string P256dh, string Auth, DateTimeOffset CreatedAt, DateTimeOffset? LastDeliveredAt);

/// <summary>One choice you made: may this kind reach you on this channel (kinds you never chose keep their default, not listed).</summary>
public sealed record ExportNotificationChoice(string Notification, string Channel, bool Enabled, DateTimeOffset UpdatedAt);

/// <summary>One notification Hearth sent you: kind, channels, when it was due and sent, to how many devices.</summary>
public sealed record ExportNotificationSent(string Notification, string Channel, DateTimeOffset DueAt, DateTimeOffset? SentAt, int Delivered);

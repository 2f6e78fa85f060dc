using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Features.AccountSecurity;
using Hearth.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Features.Notifications;

/// <summary>A member's own devices for Web Push: add one (from its browser), list them, remove one.</summary>
public sealed class PushDevices(
    HearthDbContext db,
    CurrentMember current,
    FieldCipher cipher,
    VapidKeys vapid,
    TimeProvider clock,
    IOptions<PushOptions> options,
    IStringLocalizer<NotificationsText> text,
    IStringLocalizer<AccountSecurityText> deviceText)
{
    /// <summary>At most this many devices per member: an old phone's subscription is replaced, not piled up.</summary>
    public const int MaxDevices = 20;

    public const string Table = "PushDevices";

    public const string Column = "Sealed";

    public async Task<PushKeyView> KeyAsync(CancellationToken ct = default) =>
        new((await vapid.GetAsync(ct)).PublicKey);

    public async Task<IReadOnlyList<PushDeviceView>> ListAsync(CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        var devices = await db.Set<PushDevice>().AsNoTracking().Where(d => d.UserId == me).ToListAsync(ct);
        return devices.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).Select(View).ToList();
    }

    public async Task<Outcome<PushDeviceView>> AddAsync(PushSubscriptionInput? input, string? userAgent, CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        var errors = new FieldErrors();
        if (PushSubscriptionCheck.Check(input, options.Value.AllowedHosts, text, errors) is not { } valid)
        {
            return errors.ToOutcome<PushDeviceView>();
        }

        // Under the account's lock (ADR 55): the same device sent twice at once is one row, and the
        // limit holds for devices added at the same moment.
        var hash = Hash(valid.Endpoint);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RowLock.AccountAsync(db, me, ct);
        var device = await db.Set<PushDevice>().FirstOrDefaultAsync(d => d.UserId == me && d.EndpointHash == hash, ct);
        if (device is null)
        {
            if (await db.Set<PushDevice>().CountAsync(d => d.UserId == me, ct) >= MaxDevices)
            {
                return Outcome<PushDeviceView>.Invalid("endpoint", text["TooManyDevices", MaxDevices]);
            }

            device = new PushDevice { Id = Guid.CreateVersion7(), UserId = me, EndpointHash = hash, CreatedAt = clock.GetUtcNow() };
            db.Add(device);
        }

        // The same device again (new keys after the browser renewed them): the same row, the new keys.
        device.Label = ClientLabels.Describe(userAgent);
        device.Sealed = await cipher.EncryptAsync(JsonSerializer.Serialize(valid, SealedJson.Options), Context(device), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<PushDeviceView>.Ok(View(device));
    }

    public async Task<Outcome<Done>> RemoveAsync(Guid deviceId, CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        var removed = await db.Set<PushDevice>().Where(d => d.Id == deviceId && d.UserId == me).ExecuteDeleteAsync(ct);
        return removed == 0 ? Outcome<Done>.NotFound() : Outcome<Done>.Ok(default);
    }

    internal static CipherContext Context(PushDevice device) => new(Table, Column, device.Id, device.UserId);

    internal static string Hash(string endpoint) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(endpoint)));

    private PushDeviceView View(PushDevice d) => new(d.Id, DeviceWords.Show(d.Label, deviceText), d.CreatedAt, d.LastDeliveredAt);
}

internal static class SealedJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

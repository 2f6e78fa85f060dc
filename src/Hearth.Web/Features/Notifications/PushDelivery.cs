using System.Globalization;
using System.Net;
using System.Text.Json;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Features.Email;
using Hearth.Web.Hosting;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Features.Notifications;

/// <summary>
/// The one way to reach a member's devices by Web Push: the dispatcher of reminders (issue 18, item 6)
/// calls this with the member and the page a tap should open. The message says only "Something new in
/// Hearth" in the member's language, never what is new, from whom, or in which space.
/// </summary>
public interface IPushSender
{
    Task<PushDeliveryResult> SendAsync(Guid userId, string? page, CancellationToken ct = default);
}

/// <summary>How many devices the push services took the message for, how many were gone (and removed), how many failed for now.</summary>
public sealed record PushDeliveryResult(int Delivered, int Removed, int Failed);

/// <summary>The HTTP client that talks to push services: no redirects, and replaced in tests by one that trusts the local fake service.</summary>
public sealed class PushHttp(HttpMessageHandler handler)
{
    public HttpClient Client { get; } = new(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };

    public static PushHttp Default() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        UseCookies = false,
    });
}

/// <summary>
/// Sends with Lib.Net.Http.WebPush (RFC 8030, aes128gcm payloads of RFC 8291, VAPID of RFC 8292)
/// to every device of the member, records each delivery, and removes a device its push service
/// says is gone (404 or 410). Never logs an address or a key (PushLogCanaryTests).
/// </summary>
public sealed class PushDelivery(
    HearthDbContext db,
    FieldCipher cipher,
    VapidKeys vapid,
    PushHttp http,
    IRecipientLanguage language,
    IStringLocalizer<NotificationsText> text,
    TimeProvider clock,
    IOptions<PushOptions> options,
    IOptions<HearthOptions> hearth,
    ILogger<PushDelivery> log) : IPushSender
{
    public const string Title = "Hearth";

    public async Task<PushDeliveryResult> SendAsync(Guid userId, string? page, CancellationToken ct = default)
    {
        // Read without tracking: what happens to each device is written at once in its own statement,
        // so a device the member removes while a message is on its way stays removed and nothing fails.
        var devices = await db.Set<PushDevice>().AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.CreatedAt).ToListAsync(ct);
        if (devices.Count == 0)
        {
            return new PushDeliveryResult(0, 0, 0);
        }

        var payload = JsonSerializer.Serialize(new PushPayload(Title, await BodyAsync(userId, ct), LocalPage(page)), SealedJson.Options);
        var keys = await vapid.GetAsync(ct);
        var client = new PushServiceClient(http.Client)
        {
            DefaultAuthentication = new VapidAuthentication(keys.PublicKey, keys.PrivateKey) { Subject = Subject() },
            DefaultAuthenticationScheme = VapidAuthenticationScheme.Vapid,
            DefaultTimeToLive = options.Value.TimeToLiveSeconds,
        };

        int delivered = 0, removed = 0, failed = 0;
        foreach (var device in devices)
        {
            var sealedJson = await cipher.DecryptAsync(device.Sealed, PushDevices.Context(device), ct);
            if (sealedJson is null || JsonSerializer.Deserialize<ValidSubscription>(sealedJson, SealedJson.Options) is not { } subscription)
            {
                failed++;
                continue;
            }

            var target = new PushSubscription { Endpoint = subscription.Endpoint };
            target.SetKey(PushEncryptionKeyName.P256DH, subscription.P256dh);
            target.SetKey(PushEncryptionKeyName.Auth, subscription.Auth);
            try
            {
                await client.RequestPushMessageDeliveryAsync(target, new PushMessage(payload) { Topic = "hearth", Urgency = PushMessageUrgency.Normal }, ct);
                var at = clock.GetUtcNow();
                await db.Set<PushDevice>().Where(d => d.Id == device.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.LastDeliveredAt, at), ct);
                delivered++;
            }
            catch (PushServiceClientException gone) when (gone.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                // The browser unsubscribed or the push service forgot it: this device is no more.
                await db.Set<PushDevice>().Where(d => d.Id == device.Id).ExecuteDeleteAsync(ct);
                removed++;
            }
            catch (Exception problem) when (problem is PushServiceClientException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                failed++;
                log.LogWarning("A push service did not take a message ({Status}); the device is kept and tried again next time",
                    (problem as PushServiceClientException)?.StatusCode.ToString() ?? problem.GetType().Name);
            }
        }

        return new PushDeliveryResult(delivered, removed, failed);
    }

    /// <summary>A path of Hearth itself ("/spaces/..."), or the start page for anything else.</summary>
    public static string LocalPage(string? page) =>
        page is { Length: > 0 and <= 500 } && page[0] == '/' && !page.StartsWith("//", StringComparison.Ordinal) && !page.StartsWith("/\\", StringComparison.Ordinal)
            && Uri.TryCreate(page, UriKind.Relative, out _)
            ? page
            : "/";

    private async Task<string> BodyAsync(Guid userId, CancellationToken ct)
    {
        var culture = await language.ForMemberAsync(userId, ct);
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            return text["PushBody"];
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private string Subject()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.Subject))
        {
            return options.Value.Subject.Trim();
        }

        var url = hearth.Value.PublicUrl;
        return url is not null && url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? url.TrimEnd('/') : "mailto:hearth@localhost";
    }
}

/// <summary>What the service worker receives (wwwroot/sw.js): neutral words and the page to open.</summary>
public sealed record PushPayload(string Title, string Body, string Url);

/// <summary>
/// At most one test notification per member every <see cref="Hosting.BackgroundOptions.PushTestSeconds"/>
/// (ADR 47): the button is for seeing that it arrives, not for making push services busy. Kept in this
/// instance's memory: a limit on load, not a rule that must hold across instances.
/// </summary>
public sealed class PushTestLimit(TimeProvider clock, IOptions<HearthOptions> options, IStringLocalizer<NotificationsText> text)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, DateTimeOffset> last = new();

    /// <summary>Null when this member may send a test now (and it is counted); otherwise the 429.</summary>
    public Pair.Outcome<T>? Refusal<T>(Guid userId)
    {
        var now = clock.GetUtcNow();
        var gap = TimeSpan.FromSeconds(Math.Max(1, options.Value.Background.PushTestSeconds));
        foreach (var (user, at) in last)
        {
            if (now - at >= gap)
            {
                last.TryRemove(new KeyValuePair<Guid, DateTimeOffset>(user, at));
            }
        }

        if (last.TryAdd(userId, now))
        {
            return null;
        }

        var wait = (last.TryGetValue(userId, out var earlier) ? earlier : now) + gap - now;
        return Pair.Outcome<T>.Refused(429, text["TestTooSoonTitle"], text["TestTooSoon"], wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1));
    }
}

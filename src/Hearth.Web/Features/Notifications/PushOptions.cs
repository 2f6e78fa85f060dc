namespace Hearth.Web.Features.Notifications;

/// <summary>Web Push, configuration section "Push" (docs/operations.md).</summary>
public sealed class PushOptions
{
    /// <summary>
    /// The hosts of the push services a subscription may name: the browsers' own (Chrome, Edge,
    /// Firefox, Safari). Hearth posts only there, never to any other address a request gives it.
    /// </summary>
    public List<string> AllowedHosts { get; set; } =
    [
        "fcm.googleapis.com",
        "updates.push.services.mozilla.com",
        "*.push.services.mozilla.com",
        "web.push.apple.com",
        "*.push.apple.com",
        "*.notify.windows.com",
    ];

    /// <summary>
    /// The VAPID "sub" claim: how a push service can reach whoever runs this Hearth (a mailto: or
    /// https: address). Default: Hearth:PublicUrl, or mailto:hearth@localhost when there is none.
    /// </summary>
    public string? Subject { get; set; }

    /// <summary>How long a push service keeps a message for a device that is offline. Default: one day.</summary>
    public int TimeToLiveSeconds { get; set; } = 86_400;
}

using System.Text.Json.Serialization;

namespace Hearth.Web.Features.Notifications;

/// <summary>A browser's push subscription, as PushSubscription.toJSON() gives it.</summary>
public sealed record PushSubscriptionInput(string? Endpoint, PushSubscriptionKeysInput? Keys, long? ExpirationTime = null);

/// <summary>The subscription's keys: the device's P-256 public key and its 16-byte secret, base64url.</summary>
public sealed record PushSubscriptionKeysInput(
    [property: JsonPropertyName("p256dh")] string? P256dh,
    [property: JsonPropertyName("auth")] string? Auth);

/// <summary>One device that gets notifications: how it calls itself, when added, when the last one reached it.</summary>
public sealed record PushDeviceView(Guid Id, string Device, DateTimeOffset AddedAt, DateTimeOffset? LastDeliveryAt);

/// <summary>What a device needs to subscribe: this Hearth's VAPID public key (applicationServerKey).</summary>
public sealed record PushKeyView(string PublicKey);

/// <summary>What a test notification did: how many devices the push services took it for, how many were gone and removed.</summary>
public sealed record PushTestView(int Delivered, int Removed);

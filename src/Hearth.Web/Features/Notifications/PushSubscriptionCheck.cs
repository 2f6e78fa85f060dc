using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Notifications;

/// <summary>
/// What a subscription must be before anything is stored: an https address of a known push
/// service (never another host: Hearth would post to whatever address it was given), at most 1024
/// characters; a P-256 public key (65 bytes, a point on the curve) and a 16-byte secret, base64url.
/// </summary>
public static class PushSubscriptionCheck
{
    public const int MaxEndpointLength = 1024;

    public static ValidSubscription? Check(PushSubscriptionInput? input, IReadOnlyCollection<string> allowedHosts, IStringLocalizer<NotificationsText> text, FieldErrors errors)
    {
        var endpoint = input?.Endpoint?.Trim();
        if (string.IsNullOrEmpty(endpoint))
        {
            errors.Add("endpoint", text["EndpointMissing"]);
        }
        else if (endpoint.Length > MaxEndpointLength)
        {
            errors.Add("endpoint", text["EndpointTooLong", MaxEndpointLength]);
        }
        else if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(uri.UserInfo))
        {
            errors.Add("endpoint", text["EndpointNotHttps"]);
        }
        else if (!IsAllowed(uri.Host, allowedHosts))
        {
            errors.Add("endpoint", text["EndpointUnknownService"]);
        }

        var p256dh = Decode(input?.Keys?.P256dh, 65);
        if (p256dh is null || p256dh[0] != 0x04 || !IsOnCurve(p256dh))
        {
            errors.Add("keys.p256dh", text["KeyNotValid"]);
        }

        var auth = Decode(input?.Keys?.Auth, 16);
        if (auth is null)
        {
            errors.Add("keys.auth", text["AuthNotValid"]);
        }

        return errors.Any ? null : new ValidSubscription(endpoint!, Base64Url.EncodeToString(p256dh!), Base64Url.EncodeToString(auth!));
    }

    /// <summary>A host on the list, or under a name on it that starts with "*." ("*.notify.windows.com").</summary>
    public static bool IsAllowed(string host, IReadOnlyCollection<string> allowedHosts) =>
        allowedHosts.Any(allowed => allowed.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase) && host.Length > allowed.Length - 1
            : string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase));

    private static byte[]? Decode(string? value, int length)
    {
        // Base64url of `length` bytes, with or without padding; anything longer is refused before decoding.
        if (string.IsNullOrEmpty(value) || value.Length > ((length + 2) / 3 * 4))
        {
            return null;
        }

        var trimmed = value.TrimEnd('=');
        if (!trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        try
        {
            var bytes = Base64Url.DecodeFromChars(trimmed);
            return bytes.Length == length ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool IsOnCurve(byte[] point)
    {
        try
        {
            using var key = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = point[1..33], Y = point[33..65] },
            });
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}

/// <summary>A subscription that passed <see cref="PushSubscriptionCheck"/>, keys in canonical base64url.</summary>
public sealed record ValidSubscription(string Endpoint, string P256dh, string Auth)
{
    public override string ToString() => "ValidSubscription { (sealed) }";
}

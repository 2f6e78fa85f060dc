using Microsoft.AspNetCore.DataProtection;

namespace Hearth.Web.Security;

/// <summary>
/// OWASP's "device cookies": after a successful sign-in the browser keeps a long-lived, signed and
/// encrypted cookie naming a random device id and (as a keyed hash) the account. Failed tries from a
/// device holding it for that account count on that device's own counter, so someone guessing
/// elsewhere delays only untrusted clients and never locks the owner out of their own device
/// (NIST SP 800-63B-4 §3.2.2; docs/adr/0011-one-throttle-and-device-cookies.md).
/// </summary>
public sealed class DeviceCookies(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    public const string Name = "__Host-hearth-device";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    private readonly IDataProtector protector = dataProtection.CreateProtector("Hearth.DeviceCookie.v1");

    /// <summary>The device id this request's cookie holds for the account named by <paramref name="accountKey"/>, if any.</summary>
    public string? DeviceFor(HttpRequest request, string accountKey)
    {
        if (!request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        string[] parts;
        try
        {
            parts = protector.Unprotect(value).Split('|');
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        return parts.Length == 2 && string.Equals(parts[1], accountKey, StringComparison.Ordinal) && Guid.TryParseExact(parts[0], "N", out _)
            ? parts[0]
            : null;
    }

    /// <summary>Marks this browser as a known device of the account (keeping its id if it already was one).</summary>
    public void Issue(HttpContext http, string accountKey)
    {
        var device = DeviceFor(http.Request, accountKey) ?? Guid.NewGuid().ToString("N");
        http.Response.Cookies.Append(Name, protector.Protect($"{device}|{accountKey}"), new CookieOptions
        {
            Secure = true,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
            Expires = clock.GetUtcNow() + Lifetime,
        });
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Hosting;

/// <summary>
/// The address to put in links that leave the page (e-mails, invitation and calendar links). It
/// comes only from configuration (Hearth:PublicUrl) or, with none, from the loopback address Hearth
/// listens on; never from a request's Host or X-Forwarded-* headers (docs/adr/0008-links-from-configuration.md).
/// </summary>
public sealed class Links(IOptions<HearthOptions> options, IServer server)
{
    private string? listening;

    public string BaseUrl =>
        PublicUrl.Normalise(options.Value.PublicUrl)
        ?? (listening ??= PublicUrl.LoopbackBase(server.Features.Get<IServerAddressesFeature>()?.Addresses))
        ?? throw new HearthConfigurationException(PublicUrl.Missing(server.Features.Get<IServerAddressesFeature>()?.Addresses));
}

/// <summary>A setting that stops Hearth from starting (AddressCheck logs it; Program.cs exits with 1).</summary>
public sealed class HearthConfigurationException(string message) : Exception(message);

/// <summary>Reading and checking Hearth:PublicUrl and the addresses Hearth listens on.</summary>
public static class PublicUrl
{
    public static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>The configured address without a trailing slash, or null when unset.</summary>
    public static string? Normalise(string? configured) =>
        string.IsNullOrWhiteSpace(configured) ? null : configured.Trim().TrimEnd('/');

    /// <summary>Null when the setting is usable (or unset), otherwise the sentence to show.</summary>
    public static string? Problem(string? configured)
    {
        if (Normalise(configured) is not { } value)
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return $"Hearth:PublicUrl must be the plain address people use to reach Hearth, such as https://hearth.example.org, not '{value}'.";
        }

        return uri.Scheme == "http" && !uri.IsLoopback
            ? $"Hearth:PublicUrl must start with https:// (Hearth's cookies only work over HTTPS outside this machine), not '{value}'."
            : null;
    }

    /// <summary>The host names a request may carry: the public address's and loopback's (AllowedHosts).</summary>
    public static string[] AllowedHosts(string? configured) =>
        Normalise(configured) is { } value && Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? [.. LoopbackHosts.Append(uri.IdnHost.Contains(':', StringComparison.Ordinal) ? $"[{uri.IdnHost}]" : uri.IdnHost).Distinct(StringComparer.OrdinalIgnoreCase)]
            : LoopbackHosts;

    /// <summary>
    /// When every address Hearth listens on is loopback, the one to link to ("localhost" for the
    /// host, https preferred); null when any is not (or none is known), as then only configuration can say.
    /// </summary>
    public static string? LoopbackBase(ICollection<string>? addresses)
    {
        if (addresses is null || addresses.Count == 0)
        {
            return null;
        }

        var bound = new List<BindingAddress>();
        foreach (var address in addresses)
        {
            BindingAddress parsed;
            try
            {
                parsed = BindingAddress.Parse(address);
            }
            catch (FormatException)
            {
                return null;
            }

            if (parsed.IsUnixPipe || parsed.IsNamedPipe || !IsLoopback(parsed.Host))
            {
                return null;
            }

            bound.Add(parsed);
        }

        var chosen = bound.FirstOrDefault(b => b.Scheme == "https") ?? bound[0];
        return $"{chosen.Scheme}://localhost:{chosen.Port}";
    }

    public static string Missing(ICollection<string>? addresses) =>
        "Hearth:PublicUrl is not set, and Hearth is listening on " +
        (addresses is { Count: > 0 } ? string.Join(", ", addresses) : "an address it cannot see") +
        ", which other machines can reach. Set Hearth:PublicUrl to the address people use to reach Hearth " +
        "(for example Hearth__PublicUrl=https://hearth.example.org), so the links it sends can be trusted.";

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}

using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;

namespace Hearth.Web.Hosting;

/// <summary>
/// Which addresses Hearth believes (docs/adr/0101): links only from Hearth:PublicUrl (or the
/// loopback address it listens on), Host headers only for that address and loopback
/// (AllowedHosts), and X-Forwarded-For/-Proto only from Hearth:KnownProxies/KnownNetworks.
/// </summary>
public static class TrustedAddresses
{
    public static void AddHearthTrustedAddresses(this WebApplicationBuilder builder, HearthOptions options)
    {
        if (PublicUrl.Problem(options.PublicUrl) is { } problem)
        {
            throw new HearthConfigurationException(problem);
        }

        var proxies = Parse(options.KnownProxies, "Hearth:KnownProxies", "an address such as 10.0.0.5",
            (string v, out IPAddress a) => IPAddress.TryParse(v, out a!));
        var networks = Parse(options.KnownNetworks, "Hearth:KnownNetworks", "a network such as 10.0.0.0/24",
            (string v, out System.Net.IPNetwork n) => System.Net.IPNetwork.TryParse(v, out n));
        if (proxies.Count == 0 && networks.Count == 0)
        {
            networks.Add(new System.Net.IPNetwork(IPAddress.Loopback, 8));
            proxies.Add(IPAddress.IPv6Loopback);
        }

        var services = builder.Services;
        services.AddSingleton<Links>();
        services.AddHostedService<PublicUrlCheck>();

        // An operator's own AllowedHosts wins; without one, only the public address and loopback.
        if (string.IsNullOrWhiteSpace(builder.Configuration["AllowedHosts"]))
        {
            services.Configure<HostFilteringOptions>(o => o.AllowedHosts = PublicUrl.AllowedHosts(options.PublicUrl));
        }

        // Always set, so ASPNETCORE_FORWARDEDHEADERS_ENABLED (which trusts everyone) cannot widen it.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = options.BehindProxy ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            o.ForwardLimit = 1;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }

            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }
        });
    }

    private delegate bool TryParse<T>(string value, out T result);

    private static List<T> Parse<T>(List<string> values, string setting, string example, TryParse<T> parse)
    {
        var parsed = new List<T>();
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            if (!parse(value.Trim(), out var item))
            {
                throw new HearthConfigurationException($"{setting} holds '{value}', which is not {example}.");
            }

            parsed.Add(item);
        }

        return parsed;
    }
}

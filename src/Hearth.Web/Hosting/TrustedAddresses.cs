using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Hosting;

/// <summary>
/// Which addresses Hearth believes (docs/adr/0008-links-from-configuration.md): links only from Hearth:PublicUrl (or the
/// loopback address it listens on), Host headers only for that address and loopback
/// (AllowedHosts), and X-Forwarded-For/-Proto only from Hearth:KnownProxies/KnownNetworks.
/// </summary>
public static class TrustedAddresses
{
    /// <summary>The level Logging:LogLevel gives a category: its longest configured prefix, else Default, else Information.</summary>
    private static LogLevel ConfiguredLevel(ConfigurationManager configuration, string category)
    {
        for (var name = category; name.Length > 0; name = name.LastIndexOf('.') is var dot and > 0 ? name[..dot] : "")
        {
            if (Enum.TryParse<LogLevel>(configuration[$"Logging:LogLevel:{name}"], ignoreCase: true, out var level))
            {
                return level;
            }
        }

        return Enum.TryParse<LogLevel>(configuration["Logging:LogLevel:Default"], ignoreCase: true, out var fallback) ? fallback : LogLevel.Information;
    }

    public static void AddHearthTrustedAddresses(this WebApplicationBuilder builder, HearthOptions options)
    {
        var services = builder.Services;
        services.AddSingleton<Links>();
        services.AddHostedService<AddressCheck>();

        // A refused start is one logged sentence, not also the host's stack trace.
        var refusal = new AddressCheck.Refusal();
        services.AddSingleton(refusal);
        // A rule for that one category, at the level the settings give it: a catch-all rule here
        // outranked "Default" and turned Debug on for everything (LogLevelTests).
        const string hostCategory = "Microsoft.Extensions.Hosting.Internal.Host";
        var hostLevel = ConfiguredLevel(builder.Configuration, hostCategory);
        builder.Logging.AddFilter(hostCategory, level => level >= hostLevel && !refusal.Refused);

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
            var (proxies, networks, _) = Proxies(options);
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

    /// <summary>The known proxies and networks (loopback when neither is set), and the first unusable entry's sentence.</summary>
    public static (List<IPAddress> Proxies, List<System.Net.IPNetwork> Networks, string? Problem) Proxies(HearthOptions options)
    {
        string? problem = null;
        var proxies = new List<IPAddress>();
        foreach (var value in options.KnownProxies.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            if (IPAddress.TryParse(value.Trim(), out var proxy))
            {
                proxies.Add(proxy);
            }
            else
            {
                problem ??= $"Hearth:KnownProxies holds '{value}', which is not an address such as 10.0.0.5.";
            }
        }

        var networks = new List<System.Net.IPNetwork>();
        foreach (var value in options.KnownNetworks.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            if (value.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(value.Trim(), out var network))
            {
                networks.Add(network);
            }
            else
            {
                problem ??= $"Hearth:KnownNetworks holds '{value}', which is not a network such as 10.0.0.0/24.";
            }
        }

        if (proxies.Count == 0 && networks.Count == 0)
        {
            networks.Add(new System.Net.IPNetwork(IPAddress.Loopback, 8));
            proxies.Add(IPAddress.IPv6Loopback);
        }

        return (proxies, networks, problem);
    }
}

/// <summary>
/// Stops the start, with one sentence naming the setting, when an address setting is unusable or
/// when, with no Hearth:PublicUrl, the server listens anywhere but loopback: outside this machine,
/// only configuration may say where links point. It logs that sentence; Program.cs then exits with 1.
/// </summary>
public sealed partial class AddressCheck(IOptions<HearthOptions> options, IServer server, AddressCheck.Refusal refusal, ILogger<AddressCheck> log) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) =>
        (PublicUrl.Problem(options.Value.PublicUrl) ?? TrustedAddresses.Proxies(options.Value).Problem) is { } problem
            ? Refuse(problem)
            : Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        return PublicUrl.Normalise(options.Value.PublicUrl) is null && PublicUrl.LoopbackBase(addresses) is null
            ? Refuse(PublicUrl.Missing(addresses))
            : Task.CompletedTask;
    }

    private Task Refuse(string problem)
    {
        refusal.Refused = true;
        NotStarted(log, problem);
        throw new HearthConfigurationException(problem);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Hearth did not start. {Problem}")]
    private static partial void NotStarted(ILogger logger, string problem);

    /// <summary>Set once this app's start is refused for a setting.</summary>
    public sealed class Refusal
    {
        public bool Refused { get; set; }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

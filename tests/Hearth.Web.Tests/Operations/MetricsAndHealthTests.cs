using System.Net;
using System.Net.Sockets;
using Hearth.Web.Tests.DataRights;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Hearth.Web.Tests.Operations;

/// <summary>Hearth with the metrics listener on, on a free loopback port of its own.</summary>
public sealed class MetricsOnFactory : SqliteHearthFactory
{
    public int MetricsPort { get; } = FreePort();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Hearth:Metrics:Enabled", "true");
        builder.UseSetting("Hearth:Metrics:Listen", $"http://127.0.0.1:{MetricsPort}/");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// Metrics are off unless the operator turns them on, and then they answer only on their own port;
/// what they say holds no personal data: every name, e-mail, id and word a world of members wrote is
/// absent from a scrape taken after they used Hearth (canaries). Liveness and readiness.
/// </summary>
[Slow("scrapes metrics after a whole world of data")]
public sealed class MetricsAndHealthTests
{
    [Fact]
    public async Task Metrics_are_off_by_default_neither_on_their_port_nor_on_Hearths_own()
    {
        await using var factory = new SqliteHearthFactory();
        await Person.RegisterAsync(factory);
        await AssertNoMetricsAsync(factory);
        using var tcp = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => tcp.ConnectAsync(IPAddress.Loopback, 9464));
    }

    [Fact]
    public async Task When_on_metrics_answer_on_their_own_port_and_hold_no_personal_data()
    {
        await using var factory = new MetricsOnFactory();
        var marker = "MET" + Guid.NewGuid().ToString("N")[..6];
        var world = await DataWorld.CreateAsync(factory, marker);
        await world.Ana.GetJsonAsync("/api/v1/me");

        // Hearth's public address does not serve them.
        await AssertNoMetricsAsync(factory);

        using var scraper = new HttpClient();
        var scrape = await scraper.GetStringAsync($"http://127.0.0.1:{factory.MetricsPort}/metrics");
        Assert.Contains("hearth_requests", scrape, StringComparison.Ordinal);
        Assert.Contains("feature=\"Notes\"", scrape, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration", scrape, StringComparison.Ordinal);

        var me = await world.Ana.GetJsonAsync("/api/v1/me");
        var canaries = new List<string> { marker, world.Ana.Email, world.Ben.Email, "example.org" };
        foreach (var id in new[] { world.Paired, world.Solo, world.Left })
        {
            canaries.Add(id.ToString());
            canaries.Add(id.ToString("N"));
        }

        if (me.TryGetProperty("id", out var anaId))
        {
            canaries.Add(anaId.ToString());
        }

        foreach (var canary in canaries)
        {
            Assert.False(scrape.Contains(canary, StringComparison.OrdinalIgnoreCase), $"The metrics hold '{canary}'.");
        }

        // Their display names, as whole words (the runtime's own names hold "ana" in "managed").
        foreach (var name in new[] { "Ana", "Ben" })
        {
            Assert.False(System.Text.RegularExpressions.Regex.IsMatch(scrape, $@"\b{name}\b"), $"The metrics hold the name '{name}'.");
        }

        SecurityReport.Record("Metrics hold no personal data", "sqlite", canaries.Count, 0, nameof(When_on_metrics_answer_on_their_own_port_and_hold_no_personal_data), $"a scrape of {scrape.Length} characters after a whole world of data");
    }

    /// <summary>/metrics on Hearth's own address is just an unknown page (sign in, or not found).</summary>
    private static async Task AssertNoMetricsAsync(HearthFactory factory)
    {
        var response = await factory.NewClient().GetAsync("/metrics");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("# TYPE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Liveness_answers_while_readiness_says_the_key_ring_is_gone()
    {
        await using var factory = new SqliteHearthFactory();
        await Person.RegisterAsync(factory);
        var http = factory.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);

        // The keys folder lost under a running Hearth (an unmounted share): not ready, still alive.
        foreach (var key in Directory.GetFiles(Path.Combine(factory.DataDirectory, "keys"), "key-*.xml"))
        {
            File.Delete(key);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
    }
}

using System.Diagnostics;
using System.Net;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Hearth.Web.Tests.Links;

/// <summary>A public address for these tests, with the default AllowedHosts (none set).</summary>
public sealed class PublicAddressFactory : SqliteHearthFactory
{
    public PublicAddressFactory()
    {
        PublicUrl = "https://hearth.example.org";
    }
}

/// <summary>
/// a request naming a host that is not Hearth's own is refused before it
/// reaches anything (AllowedHosts from Hearth:PublicUrl plus loopback), and a start without a
/// usable address says which setting to fix.
/// </summary>
public sealed class AddressSettingTests(PublicAddressFactory factory) : IClassFixture<PublicAddressFactory>
{
    private static readonly string[] ForeignHosts =
    [
        "evil.example", "evil.example:443", "hearth.example.org.evil.example", "evil-hearth.example.org",
        "localhost.evil.example", "127.0.0.1.nip.io", "hearth.example", "203.0.113.9", "[2001:db8::1]",
        "xn--hearth-9ya.example.org", "hearth.example.org.",
    ];

    private static readonly string[] OwnHosts = ["hearth.example.org", "HEARTH.example.org:443", "localhost", "127.0.0.1:5080", "[::1]"];

    [Fact]
    public async Task A_request_for_a_foreign_host_gets_400_and_hearths_own_hosts_are_served()
    {
        var http = factory.NewClient();
        var failures = new List<string>();
        foreach (var host in ForeignHosts.Concat(OwnHosts))
        {
            foreach (var path in new[] { "/health", "/account/forgot" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
                request.Headers.TryAddWithoutValidation("Host", host);
                var response = await http.SendAsync(request);
                var expected = ForeignHosts.Contains(host) ? HttpStatusCode.BadRequest : HttpStatusCode.OK;
                if (response.StatusCode != expected)
                {
                    failures.Add($"Host: {host} on {path} answered {(int)response.StatusCode}, not {(int)expected}");
                }
            }
        }

        var tried = (ForeignHosts.Length + OwnHosts.Length) * 2;
        SecurityReport.Record("a foreign Host header is refused (AllowedHosts)", factory.ProviderName, tried, failures.Count,
            $"{nameof(AddressSettingTests)}.{nameof(A_request_for_a_foreign_host_gets_400_and_hearths_own_hosts_are_served)}",
            $"{ForeignHosts.Length} foreign and {OwnHosts.Length} own Host values on a page and /health");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    public static TheoryData<string, string, string> UnusableSettings => new()
    {
        { "Hearth:PublicUrl", "http://hearth.example.org", "https://" },
        { "Hearth:PublicUrl", "hearth.example.org", "Hearth:PublicUrl" },
        { "Hearth:PublicUrl", "https://someone:secret@hearth.example.org", "Hearth:PublicUrl" },
        { "Hearth:PublicUrl", "https://hearth.example.org/?next=https://evil.example", "Hearth:PublicUrl" },
        { "Hearth:PublicUrl", "https://hearth.example.org/#top", "Hearth:PublicUrl" },
        { "Hearth:PublicUrl", "javascript:alert(1)", "Hearth:PublicUrl" },
        { "Hearth:PublicUrl", "ftp://hearth.example.org", "Hearth:PublicUrl" },
        { "Hearth:KnownProxies:0", "10.0.0.300", "Hearth:KnownProxies" },
        { "Hearth:KnownProxies:0", "proxy.internal", "Hearth:KnownProxies" },
        { "Hearth:KnownNetworks:0", "10.0.0.0/33", "Hearth:KnownNetworks" },
        { "Hearth:KnownNetworks:0", "10.0.0.5", "Hearth:KnownNetworks" },
    };

    [Theory]
    [MemberData(nameof(UnusableSettings))]
    public async Task An_unusable_address_setting_stops_the_start_and_names_the_setting(string setting, string value, string named)
    {
        await using var app = new SettingFactory(setting, value);
        Assert.ThrowsAny<Exception>(() => app.Services);
        var said = Assert.Single(app.Lines, l => l.StartsWith("Hearth.Web.Hosting.AddressCheck: Hearth did not start.", StringComparison.Ordinal));
        Assert.Contains(named, said, StringComparison.Ordinal);
        Assert.Contains(value, said, StringComparison.Ordinal);
    }

    /// <summary>
    /// The real program, as an operator starts it: listening on every interface with no
    /// Hearth:PublicUrl, it exits with 1 and one sentence naming the setting, without a stack trace.
    /// </summary>
    [Slow("starts Hearth as its own process")]
    [Fact]
    public async Task Listening_beyond_loopback_without_a_public_url_exits_with_a_clear_message()
    {
        var data = Path.Combine(Path.GetTempPath(), "hearth-tests", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Hearth.Web.dll"), "--urls", "http://0.0.0.0:0", $"--Hearth:DataDirectory={data}", "--Hearth:Background:Enabled=false" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("Hearth__PublicUrl");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(120));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var errors = await stderr;
            var output = await stdout;
            var said = errors + output;
            Assert.Equal(1, process.ExitCode);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(said, "Hearth did not start. Hearth:PublicUrl is not set"));
            Assert.Contains("Hearth__PublicUrl=https://", said, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", said, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", said, StringComparison.Ordinal);
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    private sealed class SettingFactory(string setting, string value) : Security.LogCapturingFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(setting, value);
        }
    }
}

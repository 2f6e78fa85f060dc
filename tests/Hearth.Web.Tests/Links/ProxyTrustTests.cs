using System.Net;
using System.Net.Http.Json;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Hearth.Web.Tests.Links;

/// <summary>
/// behind a proxy, only a known proxy may say who the client
/// is. A client that is not one cannot escape the per-address sign-in budget by sending a new
/// X-Forwarded-For each time; a known proxy (loopback by default) still can name its clients.
/// Real Kestrel, so the connection has a real remote address (127.0.0.1).
/// </summary>
public sealed class ProxyTrustTests
{
    private const int Budget = 3;
    private const int ForgedAddresses = 30;

    [Fact]
    public async Task A_client_that_is_not_a_known_proxy_cannot_escape_the_per_address_budget_with_x_forwarded_for()
    {
        // The one known proxy is elsewhere: this test's own connection (127.0.0.1) is just a client.
        await using var app = new ProxyFactory(("Hearth:KnownProxies:0", "192.0.2.10"));
        var statuses = await ForgedAttemptsAsync(app);

        var escaped = statuses.Skip(Budget).Count(s => s != HttpStatusCode.TooManyRequests);
        SecurityReport.Record("X-Forwarded-For only from known proxies (per-address budget)", "sqlite", ForgedAddresses, escaped,
            $"{nameof(ProxyTrustTests)}.{nameof(A_client_that_is_not_a_known_proxy_cannot_escape_the_per_address_budget_with_x_forwarded_for)}",
            $"{ForgedAddresses} sign-in attempts, each with a new forged X-Forwarded-For, budget {Budget} a minute, BehindProxy on");
        Assert.True(escaped == 0, $"{escaped} of {ForgedAddresses - Budget} attempts past the budget got through: {string.Join(", ", statuses.Select(s => (int)s))}");
    }

    [Slow("real Kestrel behind a proxy, spending whole budgets of attempts")]
    [Fact]
    public async Task A_known_proxy_on_loopback_names_each_client_so_each_has_its_own_budget()
    {
        await using var app = new ProxyFactory();
        var statuses = await ForgedAttemptsAsync(app);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
    }

    private static async Task<List<HttpStatusCode>> ForgedAttemptsAsync(ProxyFactory app)
    {
        app.UseKestrel(0);
        app.StartServer();
        using var http = new HttpClient { BaseAddress = app.ClientOptions.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < ForgedAddresses; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/account/sign-in", UriKind.Relative))
            {
                // A new address each time, so the per-account throttle (which counts tries per e-mail,
                // account or not) stays out of it and only the per-address budget is measured.
                Content = JsonContent.Create(new { email = $"someone{i}@example.org", password = "not the passphrase at all" }),
            };
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", $"198.51.100.{i + 1}");
            statuses.Add((await http.SendAsync(request)).StatusCode);
        }

        return statuses;
    }

    private sealed class ProxyFactory : SqliteHearthFactory
    {
        private readonly (string Key, string Value)[] settings;

        public ProxyFactory(params (string Key, string Value)[] settings)
        {
            this.settings = settings;
            PublicUrl = "https://hearth.example.org";
        }

        public override int AccountAttemptsPerMinute => Budget;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Hearth:BehindProxy", "true");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

using System.Net;
using System.Net.Sockets;
using Hearth.Web.Data;
using Hearth.Web.Hosting;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Scale;

/// <summary>
/// The database is prepared while the server starts (ADR 7, cold start). Whoever arrives in that
/// window gets a clear 503 that says to try again in a second, never a 500 or a half-migrated
/// database; once the database is ready, everything answers.
/// </summary>
[Slow("starts hosts whose database is not ready yet")]
public sealed class StartupTests
{
    [Fact]
    public async Task Requests_that_arrive_while_the_database_is_prepared_get_a_503_with_retry_after_then_the_app_answers()
    {
        var port = FreePort();
        await using var factory = new HeldStartFactory();
        factory.UseKestrel(port);
        var starting = Task.Run(factory.StartServer);

        await factory.Hold.Entered.WaitAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var health = await WhenListeningAsync(http, "/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), health.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", health.Content.Headers.ContentType?.MediaType);
        Assert.Contains("getting its database ready", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var api = await http.GetAsync("/api/v1/spaces");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        // A person opening a page sees a short page that reloads itself, with our headers.
        var page = await http.GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("One moment", html, StringComparison.Ordinal);
        Assert.Contains("http-equiv=\"refresh\" content=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // Static files never need the database.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/css/site.css")).StatusCode);

        // Nothing reported "started" yet: the host waits for the database.
        Assert.False(starting.IsCompleted);

        factory.Hold.Release();
        await starting.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/account/sign-in")).StatusCode);
        Assert.True(factory.Services.GetRequiredService<DatabasePreparation>().IsReady);
    }

    [Fact]
    public async Task When_preparing_the_database_fails_the_start_fails_with_that_error()
    {
        await using var factory = new HeldStartFactory();
        factory.Hold.Release(new InvalidOperationException("the disk is full"));

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("the disk is full", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> WhenListeningAsync(HttpClient http, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                return await http.GetAsync(path);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Kestrel is not listening yet; the host is still starting.
                await Task.Delay(20);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Holds the real database preparation until the test releases it (or makes it fail).</summary>
    private sealed class HeldPreparation : IDatabasePreparer
    {
        private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public DatabasePreparer? Real { get; set; }

        public Task Entered => entered.Task;

        public void Release(Exception? failure = null)
        {
            if (failure is null)
            {
                released.TrySetResult();
            }
            else
            {
                released.TrySetException(failure);
            }
        }

        public async Task PrepareAsync(CancellationToken ct)
        {
            entered.TrySetResult();
            await released.Task.WaitAsync(ct);
            await Real!.PrepareAsync(ct);
        }
    }

    private sealed class HeldStartFactory : SqliteHearthFactory
    {
        public HeldPreparation Hold { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IDatabasePreparer>(sp =>
            {
                Hold.Real = new DatabasePreparer(sp);
                return Hold;
            }));
        }
    }
}

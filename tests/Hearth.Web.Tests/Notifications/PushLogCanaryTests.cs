using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using Hearth.Web.Tests.Infrastructure;
using Hearth.Web.Tests.Security;
using Microsoft.AspNetCore.Hosting;

namespace Hearth.Web.Tests.Notifications;

/// <summary>Every log line at trace level (LogCapturingFactory), with the local fake push service.</summary>
public sealed class PushLogFactory : LogCapturingFactory, IPushFactory
{
    public FakePushService Push { get; } = FakePushService.StartAsync().GetAwaiter().GetResult();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        PushHosting.UseFakePush(builder, Push);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Push.DisposeAsync();
    }
}

/// <summary>
/// A push device's address and keys are personal data and never logged (issue 18, privacy): every path
/// that touches them (subscribing, a refused subscription, a test send to a device that works, one
/// that is gone, one unknown and one busy, the export, removing) runs with logging at trace level for
/// every category, and no log line holds any device's address, its id at the push service, or its keys.
/// </summary>
public sealed class PushLogCanaryTests(PushLogFactory factory) : IClassFixture<PushLogFactory>
{
    [Fact]
    public async Task No_log_line_holds_a_push_address_or_key()
    {
        var ana = await Person.RegisterAsync(factory);
        var kept = factory.Push.NewDevice();
        var gone = factory.Push.NewDevice();
        gone.Answer = HttpStatusCode.Gone;
        var unknown = factory.Push.NewDevice();
        unknown.Answer = HttpStatusCode.NotFound;
        var busy = factory.Push.NewDevice();
        busy.Answer = HttpStatusCode.ServiceUnavailable;
        var devices = new[] { kept, gone, unknown, busy };
        foreach (var device in devices)
        {
            await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync("/api/v1/account/push/devices", device.Subscription));
        }

        // Refused: an address that is not https, with real keys.
        var refused = factory.Push.NewDevice();
        await Expect.StatusAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync("/api/v1/account/push/devices", new
        {
            endpoint = refused.Endpoint.Replace("https://", "http://", StringComparison.Ordinal),
            keys = new { p256dh = Base64Url.EncodeToString(refused.PublicKey), auth = Base64Url.EncodeToString(refused.Auth) },
        }));

        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsync(new Uri("/api/v1/account/push/test", UriKind.Relative), null));
        Assert.Single(kept.Messages);
        var export = await ana.Http.GetStringAsync(new Uri("/api/v1/account/export", UriKind.Relative));
        Assert.Contains(kept.Id, export, StringComparison.Ordinal); // the export does carry it, for her
        var list = await ana.GetJsonAsync("/api/v1/account/push/devices");
        foreach (var listed in list.EnumerateArray())
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, await ana.Http.DeleteAsync(new Uri($"/api/v1/account/push/devices/{listed.GetProperty("id").GetGuid()}", UriKind.Relative)));
        }

        var lines = factory.Lines.ToList();
        Assert.True(lines.Count > 100, "logging at trace level did capture the requests");
        Assert.Contains(lines, l => l.Contains("/api/v1/account/push/devices", StringComparison.Ordinal)); // the scan looks where requests are logged
        var secrets = devices.Append(refused)
            .SelectMany(d => new[] { d.Id, Base64Url.EncodeToString(d.Auth), Base64Url.EncodeToString(d.PublicKey) })
            .ToList();
        var hits = lines.Where(l => secrets.Any(s => l.Contains(s, StringComparison.Ordinal))).ToList();
        SecurityReport.Record(
            "push addresses and keys in the logs (trace level)", "sqlite", lines.Count, hits.Count,
            $"{nameof(PushLogCanaryTests)}.{nameof(No_log_line_holds_a_push_address_or_key)}",
            "five devices (delivered, gone, unknown, busy, refused), test send, export, removal; every log line searched");
        Assert.True(hits.Count == 0, string.Join("\n", hits.Take(5)));
    }
}

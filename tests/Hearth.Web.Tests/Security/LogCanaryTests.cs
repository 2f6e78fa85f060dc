using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hearth.Web.Tests.Security;

/// <summary>A factory that keeps every log line, at every level, for inspection.</summary>
public class LogCapturingFactory : SqliteHearthFactory
{
    public ConcurrentQueue<string> Lines { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // As chatty as an operator could make it.
        builder.UseSetting("Logging:LogLevel:Default", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace");
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(new CapturingProvider(Lines));
        });
    }

    private sealed class CapturingProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}

/// <summary>Secrets and sensitive text never reach the logs, even at trace level and on errors.</summary>
public sealed class LogCanaryTests(LogCapturingFactory factory) : IClassFixture<LogCapturingFactory>
{
    [Slow("uses every feature with marker text, then reads every log line")]
    [Fact]
    public async Task Passphrases_tokens_and_private_text_never_appear_in_the_logs()
    {
        const string Label = "CANARY-private-label-5521";
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.CreateSpaceAsync(label: Label);
        var token = await ana.InviteAsync(spaceId);
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.AcceptAsync(token));

        // The link itself, opened in a browser (the token is in the address).
        await ben.Http.GetAsync(new Uri($"/join/{token}", UriKind.Relative));

        // Failures too: a wrong passphrase, a tampered token, malformed JSON with a secret in it.
        await factory.NewClient().PostAsJsonAsync("/api/v1/account/sign-in", new { email = ana.Email, password = "CANARY-wrong-passphrase-guess" });
        await ben.AcceptAsync(token + "CANARY");
        await ana.Http.PostAsync(new Uri("/api/v1/spaces", UriKind.Relative), new StringContent("{\"label\":\"CANARY-in-broken-json", System.Text.Encoding.UTF8, "application/json"));

        // A push device (its address and keys are personal data), a malformed one, and its removal.
        var p256dh = System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.ECDiffieHellman.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256).PublicKey.ExportSubjectPublicKeyInfo().AsSpan()[^65..]);
        var pushed = await ana.Http.PostAsJsonAsync("/api/v1/account/push/devices", new { endpoint = "https://fcm.googleapis.com/fcm/send/CANARY-push-endpoint", keys = new { p256dh, auth = "Q0FOQVJZLWF1dGgtMTYhIQ" } });
        await Expect.StatusAsync(HttpStatusCode.Created, pushed);
        await ana.Http.PostAsJsonAsync("/api/v1/account/push/devices", new { endpoint = "http://CANARY-not-https.example/push", keys = new { p256dh = "CANARY-key", auth = "CANARY-auth" } });
        var deviceId = (await pushed.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        await ana.Http.DeleteAsync(new Uri($"/api/v1/account/push/devices/{deviceId}", UriKind.Relative));

        Assert.NotEmpty(factory.Lines);
        var log = string.Join('\n', factory.Lines);
        Assert.DoesNotContain(Person.DefaultPassword, log, StringComparison.Ordinal);
        Assert.DoesNotContain(token, log, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", log, StringComparison.Ordinal);
        Assert.DoesNotContain(p256dh, log, StringComparison.Ordinal);
        Assert.DoesNotContain("Q0FOQVJZLWF1dGgtMTYhIQ", log, StringComparison.Ordinal);
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Hearth.Web.Tests.Resilience;

/// <summary>
/// Crash safety: the real Hearth process, writing under load, is killed with SIGKILL again and
/// again (a bounded loop, loopback only). Every write the server acknowledged must still be there
/// after each restart, and the SQLite file must pass its integrity check.
/// </summary>
[Slow("kills the server process mid-write and restarts it, again and again")]
public sealed class CrashSafetyTests
{
    private const int Rounds = 5;
    private const string Passphrase = "the lighthouse keeps its light";

    [Fact]
    public Task No_acknowledged_write_is_lost_when_the_server_is_killed_on_SQLite() => RunAsync(postgres: null);

    /// <summary>Acknowledged writes checked after the restarts, and how many of them were lost (for the security report).</summary>
    private static (int Checked, int Lost) lastCheck;

    [Fact]
    public async Task No_acknowledged_write_is_lost_when_the_server_is_killed_on_PostgreSQL()
    {
        if (string.IsNullOrWhiteSpace(TestEnvironment.PostgresConnectionString))
        {
            TestEnvironment.Unavailable("PostgreSQL crash test needs HEARTH_TEST_POSTGRES; .ci/run sets it.", TestEnvironment.PostgresRequired);
            return;
        }

        var database = "hearth_crash_" + Guid.NewGuid().ToString("N")[..10];
        await using (var admin = new Npgsql.NpgsqlConnection(TestEnvironment.PostgresConnectionString))
        {
            await admin.OpenAsync();
            await using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{database}\"";
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            await RunAsync(new Npgsql.NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString) { Database = database }.ToString());
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var admin = new Npgsql.NpgsqlConnection(TestEnvironment.PostgresConnectionString);
            await admin.OpenAsync();
            await using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task RunAsync(string? postgres)
    {
        var data = Path.Combine(Path.GetTempPath(), "hearth-crash", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var acknowledged = new List<string>();
        string? cookie = null;
        var spaceId = Guid.Empty;
        var email = $"{Guid.NewGuid():N}@example.org";
        var random = new Random(20261121);
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                var port = FreePort();
                using var server = Start(data, port, postgres);
                using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                await WaitForHealthAsync(http, server);

                if (cookie is null)
                {
                    await Expect.StatusAsync(HttpStatusCode.Created, await http.PostAsJsonAsync("/api/v1/account/register", new { email, password = Passphrase, displayName = "Crash" }));
                    var signIn = await http.PostAsJsonAsync("/api/v1/account/sign-in", new { email, password = Passphrase });
                    await Expect.StatusAsync(HttpStatusCode.OK, signIn);
                    cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
                    using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/spaces") { Content = JsonContent.Create(new { kind = "friends" }) };
                    create.Headers.Add("Cookie", cookie);
                    var created = await http.SendAsync(create);
                    await Expect.StatusAsync(HttpStatusCode.Created, created);
                    spaceId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                }

                // Everything acknowledged before this crash is still there after the restart.
                await AssertAllPresentAsync(http, cookie, spaceId, acknowledged);

                // Writers keep writing; the process dies at a random moment in the middle.
                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(0, 3).Select(w => WriteUntilKilledAsync(http, cookie, spaceId, round, w, acknowledged, stop.Token)).ToList();
                await Task.Delay(TimeSpan.FromMilliseconds(400 + random.Next(600)));
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
                await stop.CancelAsync();
                await Task.WhenAll(writers);
            }

            var lastPort = FreePort();
            using (var final = Start(data, lastPort, postgres))
            using (var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{lastPort}") })
            {
                await WaitForHealthAsync(http, final);
                await AssertAllPresentAsync(http, cookie!, spaceId, acknowledged);
                final.Kill(entireProcessTree: true);
                await final.WaitForExitAsync();
            }

            SecurityReport.Record(
                "crash safety: the server killed (SIGKILL) mid-write, then restarted", postgres is null ? "sqlite" : "postgres",
                lastCheck.Checked, lastCheck.Lost, $"{nameof(CrashSafetyTests)}.No_acknowledged_write_is_lost_when_the_server_is_killed_on_{(postgres is null ? "SQLite" : "PostgreSQL")}",
                $"{Rounds} kills with three writers of encrypted memories; acknowledged writes looked up after the last restart");
            Assert.True(acknowledged.Count >= Rounds, $"only {acknowledged.Count} writes were acknowledged across {Rounds} crashes");
            if (postgres is null)
            {
                SqliteConnection.ClearAllPools();
                await using var db = new SqliteConnection($"Data Source={Path.Combine(data, "db", "hearth.db")};Pooling=false");
                await db.OpenAsync();
                await using var check = db.CreateCommand();
                check.CommandText = "PRAGMA integrity_check;";
                Assert.Equal("ok", (string?)await check.ExecuteScalarAsync());
            }
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // Left behind in the temp folder: harmless.
            }
        }
    }

    private static async Task WriteUntilKilledAsync(HttpClient http, string cookie, Guid spaceId, int round, int writer, List<string> acknowledged, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested && i < 10_000; i++)
        {
            // Each write is an encrypted memory: the data key and the row must survive together.
            var title = $"crash-{round}-{writer}-{i}";
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/spaces/{spaceId}/memories")
                {
                    Content = JsonContent.Create(new { title, text = "a small thing we did", kind = "shared-experience", date = "2026-05-01", shared = true }),
                };
                request.Headers.Add("Cookie", cookie);
                using var response = await http.SendAsync(request, stop);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    lock (acknowledged)
                    {
                        acknowledged.Add(title);
                    }
                }
                else
                {
                    Assert.Fail($"A write was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(stop)}");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                return;
            }
        }
    }

    private static async Task AssertAllPresentAsync(HttpClient http, string cookie, Guid spaceId, List<string> acknowledged)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/spaces/{spaceId}/memories");
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var titles = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("memories").EnumerateArray()
            .Select(m => m.GetProperty("title").GetString()).ToHashSet(StringComparer.Ordinal);
        List<string> snapshot;
        lock (acknowledged)
        {
            snapshot = [.. acknowledged];
        }

        var lost = snapshot.Where(t => !titles.Contains(t)).ToList();
        lastCheck = (snapshot.Count, lost.Count);
        Assert.True(lost.Count == 0, $"{lost.Count} of {snapshot.Count} acknowledged writes were lost: {string.Join(", ", lost.Take(5))}");
    }

    private static Process Start(string data, int port, string? postgres)
    {
        var web = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(web);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Hearth__DataDirectory"] = data;
        info.Environment["Hearth__RateLimits__AccountPerMinute"] = "100000";
        info.Environment["Hearth__RateLimits__RequestsPerMinute"] = "0";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        if (postgres is not null)
        {
            info.Environment["Hearth__Database__Provider"] = "postgres";
            info.Environment["Hearth__Database__ConnectionString"] = postgres;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start Hearth.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForHealthAsync(HttpClient http, Process server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(server.HasExited, "Hearth stopped while starting up.");
            try
            {
                if ((await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        Assert.Fail("Hearth did not answer /health within 60 seconds.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

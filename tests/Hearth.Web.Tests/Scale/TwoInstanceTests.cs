using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hearth.Web.Tests.Infrastructure;
using Npgsql;

namespace Hearth.Web.Tests.Scale;

/// <summary>
/// More than one machine (ADR 5): two real Hearth processes on two loopback ports, each with its
/// own data folder, sharing one PostgreSQL database and one key ring, behave as one Hearth. A cookie
/// from one works on the other, what one encrypts the other reads, signing out on one ends the
/// session on both, and background housekeeping runs exactly once per slot across the two.
/// </summary>
[Slow("runs two instances side by side on one database")]
public sealed partial class TwoInstanceTests
{
    private const string Passphrase = "two hearths share one fire";
    private const string Secret = "a test-only key ring secret, long enough to pass";
    private const int IntervalSeconds = 1;

    [Theory]
    [InlineData("database")]
    [InlineData("folder")]
    public async Task Two_instances_on_one_PostgreSQL_database_behave_as_one(string keyRingStore)
    {
        if (string.IsNullOrWhiteSpace(TestEnvironment.PostgresConnectionString))
        {
            TestEnvironment.Unavailable("The two-instance test needs PostgreSQL (HEARTH_TEST_POSTGRES); .ci/run sets it.", TestEnvironment.PostgresRequired);
            return;
        }

        var database = "hearth_scale_" + Guid.NewGuid().ToString("N")[..10];
        var root = Path.Combine(Path.GetTempPath(), "hearth-scale", Guid.NewGuid().ToString("N"));
        await ExecuteAsync(TestEnvironment.PostgresConnectionString, $"CREATE DATABASE \"{database}\"");
        var connection = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString) { Database = database }.ToString();
        var shared = new KeyRingSetup(keyRingStore, Path.Combine(root, "shared-keys"));
        Instance? a = null;
        Instance? b = null;
        try
        {
            // A starts first and migrates; B starts on the migrated database. Separate data folders:
            // nothing is shared through the file system except (for the folder store) the key ring.
            a = await Instance.StartAsync("a", Path.Combine(root, "a"), connection, shared);
            b = await Instance.StartAsync("b", Path.Combine(root, "b"), connection, shared);

            // Register and sign in on A.
            var email = $"{Guid.NewGuid():N}@example.org";
            await Expect.StatusAsync(HttpStatusCode.Created, await a.Http.PostAsJsonAsync("/api/v1/account/register", new { email, password = Passphrase, displayName = "Scale" }));
            var signIn = await a.Http.PostAsJsonAsync("/api/v1/account/sign-in", new { email, password = Passphrase });
            await Expect.StatusAsync(HttpStatusCode.OK, signIn);
            var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

            // The same cookie works on B: the session row is shared and B can read A's cookie (shared key ring).
            using (var me = await b.SendAsync(HttpMethod.Get, "/api/v1/me", cookie))
            {
                await Expect.StatusAsync(HttpStatusCode.OK, me);
                Assert.Equal(email, (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString());
            }

            // Encrypted on A (a space label and a memory under the member's data key), read on B; and back.
            using var created = await a.SendAsync(HttpMethod.Post, "/api/v1/spaces", cookie, new { kind = "friends", label = "written on a" });
            await Expect.StatusAsync(HttpStatusCode.Created, created);
            var spaceId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            await Expect.StatusAsync(HttpStatusCode.Created, await a.SendAsync(HttpMethod.Post, $"/api/v1/spaces/{spaceId}/memories", cookie, Memory("memory from a")));
            await Expect.StatusAsync(HttpStatusCode.Created, await b.SendAsync(HttpMethod.Post, $"/api/v1/spaces/{spaceId}/memories", cookie, Memory("memory from b")));
            foreach (var instance in new[] { a, b })
            {
                using var space = await instance.SendAsync(HttpMethod.Get, $"/api/v1/spaces/{spaceId}", cookie);
                await Expect.StatusAsync(HttpStatusCode.OK, space);
                Assert.Equal("written on a", (await space.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("label").GetString());
                using var memories = await instance.SendAsync(HttpMethod.Get, $"/api/v1/spaces/{spaceId}/memories", cookie);
                await Expect.StatusAsync(HttpStatusCode.OK, memories);
                var titles = (await memories.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("memories").EnumerateArray()
                    .Select(m => m.GetProperty("title").GetString()).ToHashSet(StringComparer.Ordinal);
                Assert.Equal(["memory from a", "memory from b"], titles.Order(StringComparer.Ordinal));
            }

            // Housekeeping on one of the two removes an idle session planted in the shared database.
            var userId = await ScalarAsync<Guid>(connection, "SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = @p", email);
            var stale = Guid.NewGuid();
            await ExecuteAsync(
                connection,
                "INSERT INTO \"UserSessions\" (\"Id\", \"UserId\", \"CreatedAt\", \"LastSeenAt\", \"ClientLabel\", \"NeedsConfirmation\") VALUES (@p, @q, now() - interval '3 days', now() - interval '3 days', 'Old device', false)",
                stale,
                userId);
            await WaitUntilAsync(async () => await ScalarAsync<long>(connection, "SELECT count(*) FROM \"UserSessions\" WHERE \"Id\" = @p", stale) == 0, "the idle session to be removed");

            // Let a few more slots pass, then compare what the database recorded with what each process says it did.
            await WaitUntilAsync(async () => await ScalarAsync<long>(connection, "SELECT count(*) FROM \"BackgroundRuns\" WHERE \"FinishedAt\" IS NOT NULL") >= 5, "five housekeeping runs");
            var recorded = await RunsAsync(connection);
            await Task.Delay(TimeSpan.FromSeconds(1.5)); // console logging is asynchronous
            var ranBy = new[] { a, b }.SelectMany(i => i.RanSlots().Select(slot => (slot, i.Name))).ToList();
            var duplicates = ranBy.GroupBy(r => r.slot).Where(g => g.Count() > 1).Select(g => $"{g.Key} by {string.Join(" and ", g.Select(r => r.Name))}").ToList();
            Assert.True(duplicates.Count == 0, "A housekeeping slot ran twice: " + string.Join("; ", duplicates));
            foreach (var (slot, instance) in recorded)
            {
                Assert.Contains((slot, instance), ranBy);
            }

            // Both instances took part: each looked at several slots, ran some or found them done by the other.
            foreach (var instance in new[] { a, b })
            {
                Assert.True(instance.RanSlots().Count + instance.CountLines("already done by another instance") >= 3, $"instance {instance.Name} hardly took part:\n{instance.Output}");
            }

            Assert.True(recorded.Select(r => r.Slot).Distinct().Count() == recorded.Count);

            // Signing out on B ends the session everywhere: A refuses the cookie at once.
            await Expect.StatusAsync(HttpStatusCode.NoContent, await b.SendAsync(HttpMethod.Post, "/api/v1/account/sign-out", cookie));
            using (var after = await a.SendAsync(HttpMethod.Get, "/api/v1/me", cookie))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
            }

            Assert.False(a.Process.HasExited, a.Output);
            Assert.False(b.Process.HasExited, b.Output);
            var failures = a.Output.Split('\n').Concat(b.Output.Split('\n'))
                .Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal))
                .Where(l => !l.Contains("FROM \"__EFMigrationsHistory\"", StringComparison.Ordinal)) // EF looks before the first migration creates it
                .ToList();
            Assert.True(failures.Count == 0, "Errors were logged:\n" + string.Join('\n', failures) + "\n--- a ---\n" + a.Output + "\n--- b ---\n" + b.Output);
        }
        finally
        {
            a?.Dispose();
            b?.Dispose();
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(TestEnvironment.PostgresConnectionString, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Left in the temp folder: harmless.
            }
        }
    }

    private static object Memory(string title) => new { title, text = "a small thing we did", kind = "shared-experience", date = "2026-05-01", shared = true };

    private static async Task<List<(string Slot, string Instance)>> RunsAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT \"SlotStart\", \"Instance\" FROM \"BackgroundRuns\" WHERE \"Job\" = 'housekeeping' AND \"FinishedAt\" IS NOT NULL ORDER BY \"SlotStart\"";
        var runs = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            runs.Add((Instance.SlotText(reader.GetFieldValue<DateTimeOffset>(0)), reader.GetString(1)));
        }

        return runs;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Waited 30 seconds for {what}.");
    }

    private static async Task ExecuteAsync(string connection, string sql, params object[] values)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = Command(db, sql, values);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string connection, string sql, params object[] values)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = Command(db, sql, values);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static NpgsqlCommand Command(NpgsqlConnection db, string sql, object[] values)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        string[] names = ["p", "q"];
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue(names[i], values[i]);
        }

        return command;
    }

    private sealed record KeyRingSetup(string Store, string SharedFolder);

    /// <summary>One Hearth process on a loopback port, its output kept for the assertions.</summary>
    private sealed partial class Instance : IDisposable
    {
        private readonly ConcurrentQueue<string> lines = new();

        private Instance(string name, Process process, int port)
        {
            Name = name;
            Process = process;
            Http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            // As Hearth's own scripts do: body-less API writes say they come from Hearth (ADR 13).
            Http.DefaultRequestHeaders.Add("X-Hearth-Request", "1");
        }

        public string Name { get; }

        public Process Process { get; }

        public HttpClient Http { get; }

        public string Output => string.Join('\n', lines);

        public static string SlotText(DateTimeOffset slot) => slot.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

        public static async Task<Instance> StartAsync(string name, string data, string connection, KeyRingSetup keyRing)
        {
            Directory.CreateDirectory(data);
            var port = FreePort();
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(typeof(Program).Assembly.Location);
            info.ArgumentList.Add("--urls");
            info.ArgumentList.Add($"http://127.0.0.1:{port}");
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            info.Environment["Hearth__DataDirectory"] = data;
            info.Environment["Hearth__Database__Provider"] = "postgres";
            info.Environment["Hearth__Database__ConnectionString"] = connection;
            info.Environment["Hearth__InstanceName"] = name;
            info.Environment["Hearth__Background__HousekeepingIntervalSeconds"] = IntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            info.Environment["Hearth__RateLimits__AccountPerMinute"] = "100000";
            info.Environment["Hearth__RateLimits__RequestsPerMinute"] = "0";
            info.Environment["Logging__LogLevel__Default"] = "Warning";
            info.Environment["Logging__LogLevel__Hearth.Web.Background"] = "Debug";
            info.Environment["Logging__Console__FormatterName"] = "simple";
            info.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
            if (keyRing.Store == "database")
            {
                info.Environment["Hearth__KeyRing__Store"] = "database";
                info.Environment["Hearth__KeyRing__ProtectionSecret"] = Secret;
            }
            else
            {
                info.Environment["Hearth__KeyRing__Directory"] = keyRing.SharedFolder;
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start Hearth.");
            var instance = new Instance(name, process, port);
            process.OutputDataReceived += (_, e) => instance.Add(e.Data);
            process.ErrorDataReceived += (_, e) => instance.Add(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await instance.WaitForHealthAsync();
            return instance;
        }

        public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string cookie, object? body = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            request.Headers.Add("Cookie", cookie);
            return await Http.SendAsync(request);
        }

        public List<string> RanSlots() =>
            lines.Select(l => RanLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["slot"].Value).ToList();

        public int CountLines(string text) => lines.Count(l => l.Contains(text, StringComparison.Ordinal));

        public void Dispose()
        {
            Http.Dispose();
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit();
            }

            Process.Dispose();
        }

        [GeneratedRegex(@"Housekeeping ran slot (?<slot>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)")]
        private static partial Regex RanLine();

        private void Add(string? line)
        {
            if (line is not null)
            {
                lines.Enqueue(line);
            }
        }

        private async Task WaitForHealthAsync()
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                Assert.False(Process.HasExited, $"Hearth {Name} stopped while starting up:\n{Output}");
                try
                {
                    if ((await Http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
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

            Assert.Fail($"Hearth {Name} did not answer /health within 60 seconds:\n{Output}");
        }

        /// <summary>A free loopback port in 5201-5299 (the range set aside for spawned test instances).</summary>
        private static int FreePort()
        {
            foreach (var port in Enumerable.Range(5201, 99).OrderBy(_ => Random.Shared.Next()))
            {
                try
                {
                    using var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    return port;
                }
                catch (SocketException)
                {
                    // Taken; try another.
                }
            }

            throw new InvalidOperationException("No free port in 5201-5299.");
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Scale;

/// <summary>
/// A database whose key ring folder was emptied (restored without its keys, or the folder lost):
/// Hearth says so clearly, writes nothing into the keys folder (no new key that would hide what
/// happened) and the process ends with a clean non-zero exit code (78, "configuration"), not a crash.
/// </summary>
[Slow("starts Hearth as its own process")]
public sealed class MissingKeyRingTests
{
    [Fact]
    public async Task Starting_over_an_emptied_keys_folder_fails_cleanly_and_writes_nothing_there()
    {
        var data = Path.Combine(Path.GetTempPath(), "hearth-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = new SqliteHearthFactory { DataDirectory = data, KeepDataDirectory = true })
            {
                var person = await Person.RegisterAsync(first);
                await person.CreateSpaceAsync(label: "before the keys were lost");
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var keys = Path.Combine(data, "keys");
            foreach (var entry in Directory.GetFileSystemEntries(keys))
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
            }

            var (exitCode, output) = await RunHearthAsync(data);

            var written = Directory.GetFileSystemEntries(keys, "*", SearchOption.AllDirectories);
            Assert.Contains("Hearth cannot unlock its data keys", output, StringComparison.Ordinal);
            Assert.True(written.Length == 0, "written into the emptied keys folder: " + string.Join(", ", written.Select(Path.GetFileName)));
            Assert.True(exitCode == 78, $"exit code {exitCode}, expected 78: {output[^Math.Min(output.Length, 2000)..]}");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The built Hearth.Web.dll in a child process, as an operator starts it; it is expected to stop by itself.</summary>
    private static async Task<(int ExitCode, string Output)> RunHearthAsync(string data)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(Program).Assembly.Location);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{FreePort()}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Hearth__DataDirectory"] = data;
        info.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start Hearth.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("Hearth kept running over an emptied keys folder.");
        }

        return (process.ExitCode, await stdout + "\n" + await stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

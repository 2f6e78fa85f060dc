using System.Net;
using System.Net.Http.Json;
using Hearth.Web.Data;
using Hearth.Web.Hosting;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hearth.Web.Tests.Privacy;

/// <summary>
/// Everything in the data folder is the owner's alone: the database, its WAL and shared memory, the
/// backups, the outbox (whose e-mails hold reset links) and the key ring with the member key files are
/// mode 600, their folders 700, whatever the umask. Files left readable by an older version are
/// tightened when Hearth starts.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFolderPermissionTests
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    [Slow("uses everything, then restarts on the same data folder")]
    [Fact]
    public async Task Every_file_and_folder_hearth_creates_in_the_data_folder_is_owner_only()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only.");
        var data = Path.Combine(Path.GetTempPath(), "hearth-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = new SqliteHearthFactory { DataDirectory = data, KeepDataDirectory = true })
            {
                await UseEverythingAsync(first);
                var open = Loose(data);
                SecurityReport.Record(
                    "the data folder is owner-only", "sqlite", Entries(data), open.Count,
                    $"{nameof(DataFolderPermissionTests)}.{nameof(Every_file_and_folder_hearth_creates_in_the_data_folder_is_owner_only)}",
                    "mode of every file and folder Hearth created: database, WAL, shm, backups, outbox e-mails, key ring, member key files");
                Assert.True(open.Count == 0, "readable by others: " + string.Join(", ", open));
            }

            // An older version left everything 644/755: the next start tightens it.
            foreach (var dir in Directory.GetDirectories(data, "*", SearchOption.AllDirectories).Append(data))
            {
                File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
            }

            foreach (var file in Directory.GetFiles(data, "*", SearchOption.AllDirectories))
            {
                File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100);
            }

            await using (var second = new SqliteHearthFactory { DataDirectory = data, KeepDataDirectory = true })
            {
                var person = await Person.RegisterAsync(second);
                await person.CreateSpaceAsync(label: "after the restart");
                var open = Loose(data);
                Assert.True(open.Count == 0, "still readable by others after a start: " + string.Join(", ", open));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>A database with a WAL, a pre-migration backup, e-mails in the outbox, the key ring and member key files.</summary>
    private static async Task UseEverythingAsync(SqliteHearthFactory factory)
    {
        var ana = await Person.RegisterAsync(factory);
        var space = await ana.CreateSpaceAsync(label: "ours");
        await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/invitations", new { email = "friend@example.org" }));
        await Expect.StatusAsync(HttpStatusCode.Accepted, await factory.NewClient().PostAsJsonAsync("/api/v1/account/forgot-password", new { email = ana.Email }));
        using var scope = factory.Services.CreateScope();
        DatabaseSetup.BackupSqlite(scope.ServiceProvider.GetRequiredService<HearthDbContext>(), scope.ServiceProvider.GetRequiredService<HearthPaths>(), "PermissionCheck", scope.ServiceProvider.GetRequiredService<TimeProvider>(), NullLogger.Instance);

        var paths = factory.Services.GetRequiredService<HearthPaths>();
        Assert.True(File.Exists(paths.SqliteFile + "-wal"));
        Assert.NotEmpty(Directory.GetFiles(paths.Backups));
        Assert.NotEmpty(Directory.GetFiles(paths.Outbox, "*.eml"));
        Assert.NotEmpty(Directory.GetFiles(paths.Keys, "*.xml"));
        Assert.NotEmpty(Directory.GetFiles(paths.Keys, "member-*.key"));
    }

    private static int Entries(string data) => Directory.GetFileSystemEntries(data, "*", SearchOption.AllDirectories).Length + 1;

    private static List<string> Loose(string data) =>
        Directory.GetFileSystemEntries(data, "*", SearchOption.AllDirectories).Append(data)
            .Where(entry => (File.GetUnixFileMode(entry) & GroupOrOther) != 0)
            .Select(entry => $"{Path.GetRelativePath(data, entry)} ({Convert.ToString((int)File.GetUnixFileMode(entry), 8)})")
            .ToList();
}

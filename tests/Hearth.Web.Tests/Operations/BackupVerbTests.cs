using System.Text.Json.Nodes;
using Hearth.Web.Features.Operations.Backups;
using Hearth.Web.Tests.DataRights;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Operations;

/// <summary>
/// `hearth backup`, `restore` and `verify` on a real SQLite installation (docs/operations.md): the
/// archive taken while Hearth runs restores into a fresh folder where every member reads their data;
/// a damaged archive and keys that do not match are refused with nothing left behind; verify finds a
/// damaged database file and a missing member key.
/// </summary>
[Slow("backs up and restores whole installations")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BackupVerbTests
{
    [Fact]
    public async Task A_backup_taken_while_Hearth_runs_restores_into_a_fresh_folder_where_every_member_reads_their_data()
    {
        await using var original = new SqliteHearthFactory();
        var world = await DataWorld.CreateAsync(original, "OPS" + Guid.NewGuid().ToString("N")[..6]);
        var (_, anaBefore, _) = await DataWorld.ExportAsync(world.Ana);
        var (_, benBefore, _) = await DataWorld.ExportAsync(world.Ben);

        var archive = Path.Combine(Verbs.NewFolder(), "hearth.tar.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
        var backup = await Verbs.OnFolderAsync(original.DataDirectory, "backup", "--to", archive);
        Assert.True(backup.Code == 0, backup.Said);
        Assert.Equal(Data.Encryption.OwnerOnly.FileMode600, File.GetUnixFileMode(archive));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(archive)!));

        var restored = Verbs.NewFolder();
        var restore = await Verbs.OnFolderAsync(restored, "restore", archive);
        Assert.True(restore.Code == 0, restore.Said);
        var verify = await Verbs.OnFolderAsync(restored, "verify");
        Assert.True(verify.Code == 0, verify.Said);
        Assert.True(verify.Out.Contains("all 3 member data key(s) unwrap", StringComparison.Ordinal), verify.Said); // Ana, Ben and Cleo, their counsellor

        await using var second = Verbs.Over(restored, original);
        foreach (var (person, before) in new[] { (world.Ana, anaBefore), (world.Ben, benBefore) })
        {
            var again = new Person(second, second.NewClient(), person.Email, person.Password, person.Name);
            await again.SignInAsync();
            var (_, after, _) = await DataWorld.ExportAsync(again);
            Assert.Equal(WithoutStamp(before), WithoutStamp(after));
            if (person == world.Ana)
            {
                foreach (var text in world.FreeText.Except(world.NeverForAna))
                {
                    Assert.Contains(text, after, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public async Task A_restore_without_the_matching_keys_fails_closed_and_leaves_the_folder_empty()
    {
        await using var original = new SqliteHearthFactory();
        await Person.RegisterAsync(original);
        await using var other = new SqliteHearthFactory();
        await Person.RegisterAsync(other);
        var work = Verbs.NewFolder();
        Directory.CreateDirectory(work);
        var ours = Path.Combine(work, "ours.tar.gz");
        var theirs = Path.Combine(work, "theirs.tar.gz");
        Verbs.Succeeded(await Verbs.OnFolderAsync(original.DataDirectory, "backup", "--to", ours));
        Verbs.Succeeded(await Verbs.OnFolderAsync(other.DataDirectory, "backup", "--to", theirs));
        var oursOpened = Path.Combine(work, "a");
        var theirsOpened = Path.Combine(work, "b");
        Directory.CreateDirectory(oursOpened);
        Directory.CreateDirectory(theirsOpened);
        var manifest = BackupArchive.Extract(ours, oursOpened);
        var theirManifest = BackupArchive.Extract(theirs, theirsOpened);
        var database = (BackupArchive.DatabasePath, Path.Combine(oursOpened, "db", "hearth.db"));

        // Well-formed archives, checksums and all: one with no keys, one with another installation's keys.
        var noKeys = Path.Combine(work, "no-keys.tar.gz");
        BackupArchive.Write(noKeys, "sqlite", "folder", manifest.LastMigration, manifest.CreatedAt, [database]);
        var wrongKeys = Path.Combine(work, "wrong-keys.tar.gz");
        BackupArchive.Write(wrongKeys, "sqlite", "folder", manifest.LastMigration, manifest.CreatedAt,
            [database, .. theirManifest.Files.Where(f => f.Path.StartsWith("keys/key-", StringComparison.Ordinal)).Select(f => (f.Path, Path.Combine(theirsOpened, f.Path))),
             .. manifest.Files.Where(f => f.Path.StartsWith("keys/member-", StringComparison.Ordinal)).Select(f => (f.Path, Path.Combine(oursOpened, f.Path)))]);

        foreach (var (archive, expected) in new[] { (noKeys, "key ring is missing"), (wrongKeys, "does not unwrap") })
        {
            var restored = Verbs.NewFolder();
            var restore = await Verbs.OnFolderAsync(restored, "restore", archive);
            Assert.True(restore.Code == 1, restore.Said);
            Assert.Contains(expected, restore.Err, StringComparison.Ordinal);
            Assert.Contains("refused", restore.Err, StringComparison.Ordinal);
            Assert.Empty(Verbs.FilesUnder(restored));
        }
    }

    [Fact]
    public async Task A_damaged_or_cut_short_archive_is_refused_and_nothing_is_restored()
    {
        await using var original = new SqliteHearthFactory();
        await Person.RegisterAsync(original);
        var work = Verbs.NewFolder();
        Directory.CreateDirectory(work);
        var archive = Path.Combine(work, "hearth.tar.gz");
        Verbs.Succeeded(await Verbs.OnFolderAsync(original.DataDirectory, "backup", "--to", archive));
        var bytes = await File.ReadAllBytesAsync(archive);

        var flipped = Path.Combine(work, "flipped.tar.gz");
        var changed = bytes.ToArray();
        for (var i = changed.Length / 2; i < changed.Length / 2 + 16; i++)
        {
            changed[i] ^= 0x5A;
        }

        await File.WriteAllBytesAsync(flipped, changed);
        var cut = Path.Combine(work, "cut.tar.gz");
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 2)]);
        var notOne = Path.Combine(work, "not-a-backup.tar.gz");
        await File.WriteAllTextAsync(notOne, "just some text");

        foreach (var damaged in new[] { flipped, cut, notOne })
        {
            var restored = Verbs.NewFolder();
            var restore = await Verbs.OnFolderAsync(restored, "restore", damaged);
            Assert.True(restore.Code == 1, restore.Said);
            Assert.Contains("refused", restore.Err, StringComparison.Ordinal);
            Assert.Contains("Nothing was restored", restore.Err, StringComparison.Ordinal);
            Assert.Empty(Verbs.FilesUnder(restored));
            Assert.DoesNotContain(Directory.GetDirectories(Path.GetDirectoryName(restored)!), d => Path.GetFileName(d).StartsWith(".hearth-restore-", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Verify_finds_a_damaged_database_file_and_a_missing_member_key()
    {
        await using var original = new SqliteHearthFactory();
        var world = await DataWorld.CreateAsync(original, "VFY" + Guid.NewGuid().ToString("N")[..6]);
        var archive = Path.Combine(Verbs.NewFolder(), "hearth.tar.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
        Verbs.Succeeded(await Verbs.OnFolderAsync(original.DataDirectory, "backup", "--to", archive));

        var missingKey = Verbs.NewFolder();
        Verbs.Succeeded(await Verbs.OnFolderAsync(missingKey, "restore", archive));
        var benId = Directory.GetFiles(Path.Combine(missingKey, "keys"), "member-*.key").First();
        File.Delete(benId);
        var verify = await Verbs.OnFolderAsync(missingKey, "verify");
        Assert.True(verify.Code == 1, verify.Said);
        Assert.Contains(Path.GetFileName(benId), verify.Err, StringComparison.Ordinal);
        Assert.Contains("is missing", verify.Err, StringComparison.Ordinal);

        var damaged = Verbs.NewFolder();
        Verbs.Succeeded(await Verbs.OnFolderAsync(damaged, "restore", archive));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = Path.Combine(damaged, "db", "hearth.db");
        await using (var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite))
        {
            // Pages past the first (the schema) turned to noise, as a failing disk would.
            var noise = new byte[4096 * 4];
            new Random(7).NextBytes(noise);
            stream.Position = Math.Min(4096 * 3, stream.Length - noise.Length);
            await stream.WriteAsync(noise);
        }

        verify = await Verbs.OnFolderAsync(damaged, "verify");
        Assert.True(verify.Code == 1, verify.Said);
        Assert.Contains("damaged", verify.Err, StringComparison.Ordinal);
        Assert.NotNull(world);
    }

    private static string WithoutStamp(string export)
    {
        var node = JsonNode.Parse(export)!.AsObject();
        node.Remove("exportedAt");
        node.Remove("integrity");
        return node.ToJsonString();
    }
}

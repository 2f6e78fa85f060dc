using System.Text.Json.Nodes;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Hearth.Web.Tests.DataRights;

/// <summary>
/// The operator's backup (docs/operations.md): an online SQLite backup taken while Hearth runs, plus a
/// copy of the keys folder, restored on a new machine, reads back everything. Without the keys it
/// fails closed (KeyRingTests).
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task An_online_backup_restored_with_its_key_ring_reads_back_everything()
    {
        await using var original = new SqliteHearthFactory();
        var world = await DataWorld.CreateAsync(original, "BAK" + Guid.NewGuid().ToString("N")[..6]);
        var (_, before, _) = await DataWorld.ExportAsync(world.Ana);

        // The backup, as in docs/operations.md: the database through SQLite's online backup, then the keys folder.
        var restored = Path.Combine(Path.GetTempPath(), "hearth-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(restored, "db"));
        await using (var source = new SqliteConnection($"Data Source={original.SqliteFile}"))
        await using (var target = new SqliteConnection($"Data Source={Path.Combine(restored, "db", "hearth.db")};Pooling=false"))
        {
            await source.OpenAsync();
            await target.OpenAsync();
            source.BackupDatabase(target);
        }

        CopyDirectory(Path.Combine(original.DataDirectory, "keys"), Path.Combine(restored, "keys"));

        await using var second = new SqliteHearthFactory { DataDirectory = restored };
        second.Clock.Advance(original.Clock.GetUtcNow() - HearthFactory.Start);
        var ana = new Person(second, second.NewClient(), world.Ana.Email, world.Ana.Password, "Ana");
        await ana.SignInAsync();
        var (_, after, _) = await DataWorld.ExportAsync(ana);

        Assert.Equal(WithoutStamp(before), WithoutStamp(after));
        foreach (var text in world.FreeText.Except(world.NeverForAna))
        {
            Assert.Contains(text, after, StringComparison.Ordinal);
        }
    }

    private static string WithoutStamp(string export)
    {
        var node = JsonNode.Parse(export)!.AsObject();
        node.Remove("exportedAt");
        node.Remove("integrity");
        return node.ToJsonString();
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}

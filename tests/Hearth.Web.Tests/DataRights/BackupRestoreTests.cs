using System.Text.Json.Nodes;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Hearth.Web.Tests.DataRights;

/// <summary>
/// The operator's backup (docs/operations.md): an online SQLite backup taken while Hearth runs, plus a
/// copy of the keys folder, restored on a new machine, reads back everything. Without the keys it
/// fails closed (KeyRingTests).
/// </summary>
[Slow("backs up and restores a whole installation")]
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

    [Fact]
    public async Task A_pg_dump_restored_with_its_key_ring_reads_back_everything()
    {
        await using var original = new DumpablePostgresFactory();
        original.RequireAvailable();
        var bin = PgTools.Bin();
        if (bin is null)
        {
            TestEnvironment.Unavailable("pg_dump is not installed (apt-get install postgresql-client).", TestEnvironment.PostgresRequired);
            return;
        }

        var world = await DataWorld.CreateAsync(original, "PGB" + Guid.NewGuid().ToString("N")[..6]);
        var (_, before, _) = await DataWorld.ExportAsync(world.Ana);

        // The backup, as in docs/operations.md: pg_dump -Fc, then the keys folder; restored into a new database.
        var restoredName = "hearth_r_" + Guid.NewGuid().ToString("N")[..12];
        var dump = Path.Combine(Path.GetTempPath(), restoredName + ".dump");
        await PgTools.DumpAsync(bin, original.Connection, dump);
        try
        {
            var restoredConnection = await PgTools.RestoreIntoNewAsync(bin, original.Connection, restoredName, dump);
            var restored = Path.Combine(Path.GetTempPath(), "hearth-tests", Guid.NewGuid().ToString("N"));
            CopyDirectory(Path.Combine(original.DataDirectory, "keys"), Path.Combine(restored, "keys"));

            await using var second = new ExistingPostgresFactory(restoredConnection) { DataDirectory = restored };
            second.Clock.Advance(original.Clock.GetUtcNow() - HearthFactory.Start);
            var ana = new Person(second, second.NewClient(), world.Ana.Email, world.Ana.Password, "Ana");
            await ana.SignInAsync();
            var (_, after, _) = await DataWorld.ExportAsync(ana);
            Assert.Equal(WithoutStamp(before), WithoutStamp(after));
        }
        finally
        {
            File.Delete(dump);
            await PgTools.DropAsync(restoredName);
        }
    }

    /// <summary>A PostgreSQL test database whose connection string the test may read (for pg_dump).</summary>
    private sealed class DumpablePostgresFactory : PostgresHearthFactory
    {
        public string Connection => ConnectionString!;
    }

    /// <summary>Hearth over an existing PostgreSQL database (the restored one); the test drops it.</summary>
    private sealed class ExistingPostgresFactory(string connectionString) : HearthFactory
    {
        public override string ProviderName => "postgres";

        protected override string? ConnectionString => connectionString;
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

using System.Text.Json.Nodes;
using Hearth.Web.Tests.DataRights;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Operations;

/// <summary>
/// The documented PostgreSQL path of `hearth backup`, `restore` and `verify` (docs/operations.md,
/// "Back up and restore", PostgreSQL): the verb archives the key ring and says how to dump the
/// database; pg_dump beside it; pg_restore into a new, empty database; `hearth restore` of the archive
/// into a fresh data folder pointed at it; `hearth verify`; and every member reads exactly what they
/// exported before. Refused on the way: restoring the keys over an empty database (nothing to open),
/// and a SQLite archive into a PostgreSQL installation.
/// </summary>
[Slow("backs up and restores a PostgreSQL installation with pg_dump and pg_restore")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BackupVerbPostgresTests
{
    private sealed class DumpablePostgresFactory : PostgresHearthFactory
    {
        public string Connection => ConnectionString!;
    }

    private sealed class ExistingPostgresFactory(string connectionString) : HearthFactory
    {
        public override string ProviderName => "postgres";

        protected override string? ConnectionString => connectionString;
    }

    private static Dictionary<string, string?> On(string connection) =>
        new() { ["Hearth:Database:Provider"] = "postgres", ["Hearth:Database:ConnectionString"] = connection };

    [Fact]
    public async Task Keys_archived_by_the_verb_and_a_pg_dump_restore_where_every_member_reads_their_data()
    {
        await using var original = new DumpablePostgresFactory();
        original.RequireAvailable();
        if (PgTools.Bin() is not { } bin)
        {
            TestEnvironment.Unavailable("pg_dump is not installed (apt-get install postgresql-client).", TestEnvironment.PostgresRequired);
            return;
        }

        var world = await DataWorld.CreateAsync(original, "PGV" + Guid.NewGuid().ToString("N")[..6]);
        var (_, anaBefore, _) = await DataWorld.ExportAsync(world.Ana);
        var (_, benBefore, _) = await DataWorld.ExportAsync(world.Ben);

        // hearth backup: the key ring, owner-only, and what to do about the database.
        var work = Verbs.NewFolder();
        Directory.CreateDirectory(work);
        var archive = Path.Combine(work, "hearth-keys.tar.gz");
        var backup = Verbs.Succeeded(await Verbs.RunAsync(On(original.Connection), "backup", "--to", archive, "--data", original.DataDirectory));
        Assert.Contains("pg_dump -Fc", backup.Out, StringComparison.Ordinal);
        Assert.Equal(Data.Encryption.OwnerOnly.FileMode600, File.GetUnixFileMode(archive));

        // Refused: a SQLite installation cannot take it; nothing is left in the folder.
        var wrongKind = Verbs.NewFolder();
        var refusedKind = await Verbs.OnFolderAsync(wrongKind, "restore", archive);
        Assert.Equal(1, refusedKind.Code);
        Assert.Contains("postgres installation", refusedKind.Err, StringComparison.Ordinal);
        Assert.Empty(Verbs.FilesUnder(wrongKind));

        var dump = Path.Combine(work, "hearth.dump");
        await PgTools.DumpAsync(bin, original.Connection, dump);
        var name = "hearth_v_" + Guid.NewGuid().ToString("N")[..12];
        var empty = "hearth_e_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            // Refused: the keys over a database without the members (an empty one): nothing is kept.
            var emptyConnection = await PgTools.RestoreIntoNewAsync(bin, original.Connection, empty, dump: null);
            var notThere = Verbs.NewFolder();
            var refusedEmpty = await Verbs.RunAsync(On(emptyConnection), "restore", archive, "--data", notThere);
            Assert.Equal(1, refusedEmpty.Code);
            Assert.Empty(Verbs.FilesUnder(notThere));

            var restoredConnection = await PgTools.RestoreIntoNewAsync(bin, original.Connection, name, dump);
            var restored = Verbs.NewFolder();
            var restore = Verbs.Succeeded(await Verbs.RunAsync(On(restoredConnection), "restore", archive, "--data", restored));
            Assert.Contains("pg_restore", restore.Out, StringComparison.Ordinal);
            var verify = Verbs.Succeeded(await Verbs.RunAsync(On(restoredConnection), "verify", "--data", restored));
            Assert.True(verify.Out.Contains("all 3 member data key(s) unwrap", StringComparison.Ordinal), verify.Said); // Ana, Ben and Cleo, their counsellor

            await using var second = new ExistingPostgresFactory(restoredConnection) { DataDirectory = restored };
            second.Clock.Advance(original.Clock.GetUtcNow() - HearthFactory.Start);
            foreach (var (person, before) in new[] { (world.Ana, anaBefore), (world.Ben, benBefore) })
            {
                var again = new Person(second, second.NewClient(), person.Email, person.Password, person.Name);
                await again.SignInAsync();
                var (_, after, _) = await DataWorld.ExportAsync(again);
                Assert.Equal(WithoutStamp(before), WithoutStamp(after));
            }
        }
        finally
        {
            await PgTools.DropAsync(name);
            await PgTools.DropAsync(empty);
        }
    }

    private static string WithoutStamp(string export)
    {
        var node = JsonNode.Parse(export)!.AsObject();
        node.Remove("exportedAt");
        node.Remove("integrity");
        return node.ToJsonString();
    }
}

using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Features.Operations.Backups;

/// <summary>
/// Takes a backup archive (<see cref="BackupArchive"/>) while Hearth may be running: SQLite through its
/// online backup API (a consistent snapshot, WAL included), then the key ring folder. The snapshot is
/// taken first and the keys listed after it: a member's key file is written before their row, so every
/// member in the snapshot has their key in the archive. PostgreSQL: the key ring only (the database
/// is pg_dump's job; `hearth backup` says how).
/// </summary>
public sealed class BackupMaker(HearthDbContext db, HearthPaths paths, IOptions<HearthOptions> options, TimeProvider clock)
{
    public async Task<BackupManifest> WriteAsync(string target, CancellationToken ct = default)
    {
        target = Path.GetFullPath(target);
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The folder {folder} does not exist; create it (owner-only) first.");
        }

        var staging = Path.Combine(folder, ".hearth-backup-" + Guid.NewGuid().ToString("N"));
        OwnerOnly.Folder(staging);
        try
        {
            var files = new List<(string ArchivePath, string Source)>();
            var sqlite = db.Database.IsSqlite();
            if (sqlite)
            {
                var snapshot = Path.Combine(staging, "hearth.db");
                OwnerOnly.EnsureFile(snapshot);
                await using (var source = new SqliteConnection(db.Database.GetConnectionString()))
                await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = snapshot, Pooling = false }.ToString()))
                {
                    await source.OpenAsync(ct);
                    await destination.OpenAsync(ct);
                    source.BackupDatabase(destination);
                }

                files.Add((BackupArchive.DatabasePath, snapshot));
            }

            var keyRing = options.Value.KeyRing;
            if (!keyRing.InDatabase && Directory.Exists(paths.Keys))
            {
                files.AddRange(Directory.GetFiles(paths.Keys)
                    .Select(f => Path.GetFileName(f))
                    .Where(n => !n.StartsWith('.') && !n.EndsWith(".tmp", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)
                    .Select(n => (BackupArchive.KeysFolder + n, Path.Combine(paths.Keys, n))));
            }

            var lastMigration = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault();
            return BackupArchive.Write(
                target,
                sqlite ? "sqlite" : "postgres",
                keyRing.InDatabase ? "database" : "folder",
                lastMigration,
                clock.GetUtcNow(),
                files);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}

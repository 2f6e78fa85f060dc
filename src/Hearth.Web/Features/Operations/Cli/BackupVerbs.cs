using Hearth.Web.Data.Encryption;
using Hearth.Web.Features.Operations.Backups;
using Hearth.Web.Hosting;

namespace Hearth.Web.Features.Operations.Cli;

/// <summary>`hearth backup`, `hearth restore`, `hearth verify`.</summary>
internal static class BackupVerbs
{
    public static async Task<int> BackupAsync(OperatorSettings settings, string to, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(to))
        {
            await error.WriteLineAsync("hearth backup: --to needs a file name for the archive.");
            return HearthCommand.Usage;
        }

        var options = settings.Options();
        var paths = OperatorSettings.Paths(options);
        if (!options.Database.IsPostgresOption() && !File.Exists(paths.SqliteFile))
        {
            await error.WriteLineAsync($"hearth backup: there is no Hearth database at {paths.SqliteFile}. Use --data for the data folder the server uses.");
            return HearthCommand.Usage;
        }

        await using var host = OperatorHost.Build(settings);
        using var scope = host.Services.CreateScope();

        // A backup of something broken is no backup: check first, and write nothing if it fails.
        var report = await scope.ServiceProvider.GetRequiredService<HearthVerifier>().CheckAsync(pendingMigrationsAreProblems: false, ct);
        if (!report.Healthy)
        {
            await Say(error, report.Problems);
            await error.WriteLineAsync("hearth backup: nothing was written; fix the problems above first (hearth verify).");
            return HearthCommand.Refused;
        }

        var manifest = await scope.ServiceProvider.GetRequiredService<BackupMaker>().WriteAsync(to, ct);
        await output.WriteLineAsync($"Backup written to {Path.GetFullPath(to)} (owner-only): {manifest.Files.Count} file(s), last migration {manifest.LastMigration}.");
        await Say(output, report.Notes);
        if (manifest.Provider == "postgres")
        {
            await output.WriteLineAsync("PostgreSQL: this archive holds the key ring" + (manifest.KeyRingStore == "database" ? " (none: it is in the database, sealed with Hearth:KeyRing:ProtectionSecret, which you must keep apart)" : "") + ", not the database. Dump the database beside it, e.g.:");
            await output.WriteLineAsync("  pg_dump -Fc -h HOST -U hearth -f hearth-$(date +%F).dump hearth");
            await output.WriteLineAsync("Restore: pg_restore into an empty database (docs/operations.md), then 'hearth restore' this archive with Hearth:Database:ConnectionString pointing at it.");
        }
        else
        {
            await output.WriteLineAsync("It holds the database and the key ring together: whoever has it can read everything. Keep it where only you can.");
        }

        return HearthCommand.Done;
    }

    public static async Task<int> RestoreAsync(OperatorSettings settings, string archive, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var options = settings.Options();
        var paths = OperatorSettings.Paths(options);
        if (!File.Exists(archive))
        {
            await error.WriteLineAsync($"hearth restore: there is no archive at {Path.GetFullPath(archive)}.");
            return HearthCommand.Usage;
        }

        foreach (var folder in new[] { paths.Root, paths.Keys }.Distinct(StringComparer.Ordinal))
        {
            if (Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any())
            {
                await error.WriteLineAsync($"hearth restore: {folder} is not empty. Restore only into an empty data folder (stop Hearth, move the old folder aside, then restore).");
                return HearthCommand.Refused;
            }
        }

        var parent = Path.GetDirectoryName(paths.Root)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, ".hearth-restore-" + Guid.NewGuid().ToString("N"));
        OwnerOnly.Folder(staging);
        var placed = new List<string>();
        try
        {
            BackupManifest manifest;
            try
            {
                manifest = BackupArchive.Extract(archive, staging);
            }
            catch (CorruptBackupException ex)
            {
                await error.WriteLineAsync("hearth restore: refused. " + ex.Message + " Nothing was restored.");
                return HearthCommand.Refused;
            }

            var postgres = options.Database.IsPostgresOption();
            if (manifest.Provider != (postgres ? "postgres" : "sqlite"))
            {
                await error.WriteLineAsync($"hearth restore: refused. The archive is of a {manifest.Provider} installation and this one is set up for {(postgres ? "postgres" : "sqlite")} (Hearth:Database:Provider). Nothing was restored.");
                return HearthCommand.Refused;
            }

            if (manifest.KeyRingStore != (options.KeyRing.InDatabase ? "database" : "folder"))
            {
                await error.WriteLineAsync($"hearth restore: refused. The archive's key ring was kept in the {manifest.KeyRingStore}, and this installation keeps it in the {(options.KeyRing.InDatabase ? "database" : "folder")} (Hearth:KeyRing:Store). Nothing was restored.");
                return HearthCommand.Refused;
            }

            OwnerOnly.Folder(paths.Root);
            OwnerOnly.Folder(paths.Database);
            OwnerOnly.Folder(paths.Keys);
            foreach (var member in manifest.Files)
            {
                var from = Path.Combine(staging, member.Path.Replace('/', Path.DirectorySeparatorChar));
                var into = member.Path == BackupArchive.DatabasePath ? paths.SqliteFile : Path.Combine(paths.Keys, member.Path[BackupArchive.KeysFolder.Length..]);
                File.Move(from, into);
                placed.Add(into);
            }

            // The keys must open the database's member keys, or nothing is restored.
            VerifyReport report;
            await using (var host = OperatorHost.Build(settings))
            {
                using var scope = host.Services.CreateScope();
                report = await scope.ServiceProvider.GetRequiredService<HearthVerifier>().CheckAsync(pendingMigrationsAreProblems: false, ct);
            }

            if (!report.Healthy)
            {
                await Say(error, report.Problems);
                await error.WriteLineAsync("hearth restore: refused. The restored data would not open (above); nothing was kept in " + paths.Root + ".");
                RemoveRestored(paths);
                placed.Clear();
                return HearthCommand.Refused;
            }

            await output.WriteLineAsync($"Restored the backup of {manifest.CreatedAt:u} into {paths.Root}.");
            await Say(output, report.Notes);
            await output.WriteLineAsync(postgres
                ? "Restored the key ring. The database itself comes from pg_restore (docs/operations.md); start Hearth when both are in place."
                : "Start Hearth with this data folder; it applies any newer migrations itself.");
            return HearthCommand.Done;
        }
        catch
        {
            if (placed.Count > 0)
            {
                RemoveRestored(paths);
            }

            throw;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    public static async Task<int> VerifyAsync(OperatorSettings settings, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var options = settings.Options();
        var paths = OperatorSettings.Paths(options);
        if (!options.Database.IsPostgresOption() && !File.Exists(paths.SqliteFile))
        {
            await error.WriteLineAsync($"hearth verify: there is no Hearth database at {paths.SqliteFile}. Use --data for the data folder the server uses.");
            return HearthCommand.Usage;
        }

        await using var host = OperatorHost.Build(settings);
        using var scope = host.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<HearthVerifier>().CheckAsync(pendingMigrationsAreProblems: true, ct);
        await Say(output, report.Notes);
        if (!report.Healthy)
        {
            await Say(error, report.Problems);
            await error.WriteLineAsync($"hearth verify: {report.Problems.Count} problem(s) found.");
            return HearthCommand.Refused;
        }

        await output.WriteLineAsync("hearth verify: all good.");
        return HearthCommand.Done;
    }

    /// <summary>The data folder was empty before the restore: everything in it now came from it, and goes.</summary>
    private static void RemoveRestored(HearthPaths paths)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var folder in new[] { paths.Keys, paths.Root }.Distinct(StringComparer.Ordinal))
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
            {
                File.Delete(file);
            }
        }
    }

    private static async Task Say(TextWriter writer, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            await writer.WriteLineAsync(line);
        }
    }

    private static bool IsPostgresOption(this DatabaseOptions database) => Data.DatabaseSetup.IsPostgres(database);
}

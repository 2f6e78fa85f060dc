using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Features.Operations.Backups;

/// <summary>What `hearth verify` found: problems (exit 1) and notes (said, not failing).</summary>
public sealed class VerifyReport
{
    public List<string> Problems { get; } = [];

    public List<string> Notes { get; } = [];

    public bool Healthy => Problems.Count == 0;
}

/// <summary>
/// Checks an installation, running or restored: the database is intact (SQLite's integrity_check;
/// PostgreSQL answers), its migrations are the ones this Hearth knows and all applied, the key ring
/// has keys, and every member's data key is there and unwraps with it. Reads only: it never migrates
/// and never writes a key.
/// </summary>
public sealed class HearthVerifier(HearthDbContext db, HearthPaths paths, IOptions<HearthOptions> options, IDataProtectionProvider dataProtection)
{
    public async Task<VerifyReport> CheckAsync(bool pendingMigrationsAreProblems, CancellationToken ct = default)
    {
        var report = new VerifyReport();
        if (!await IntactAsync(report, ct))
        {
            return report;
        }

        await MigrationsAsync(report, pendingMigrationsAreProblems, ct);
        if (!report.Healthy)
        {
            return report;
        }

        await KeysAsync(report, ct);
        return report;
    }

    private async Task<bool> IntactAsync(VerifyReport report, CancellationToken ct)
    {
        try
        {
            if (db.Database.IsSqlite())
            {
                var lines = await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync(ct);
                if (lines is not ["ok"])
                {
                    report.Problems.Add("The database file is damaged (SQLite integrity_check): " + string.Join("; ", lines.Take(5)));
                    return false;
                }

                report.Notes.Add("Database: intact (SQLite integrity_check ok).");
            }
            else if (!await db.Database.CanConnectAsync(ct))
            {
                report.Problems.Add("The PostgreSQL database does not answer; check Hearth:Database:ConnectionString.");
                return false;
            }
            else
            {
                report.Notes.Add("Database: PostgreSQL answers (its own checks: pg_amcheck, see docs/operations.md).");
            }

            return true;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            report.Problems.Add("The database cannot be read; it is damaged or not a Hearth database: " + ex.Message);
            return false;
        }
    }

    private async Task MigrationsAsync(VerifyReport report, bool pendingAreProblems, CancellationToken ct)
    {
        try
        {
            var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
            var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            var unknown = applied.Where(m => !known.Contains(m)).ToList();
            if (unknown.Count > 0)
            {
                report.Problems.Add($"The database was written by a newer Hearth (migration {unknown[^1]} is unknown here); use that version or newer.");
                return;
            }

            var pending = known.Except(applied, StringComparer.Ordinal).Count();
            if (applied.Count == 0)
            {
                report.Problems.Add("The database has no Hearth tables (no migration applied): it is empty or not Hearth's.");
            }
            else if (pending == 0)
            {
                report.Notes.Add($"Migrations: current ({applied[^1]}).");
            }
            else if (pendingAreProblems)
            {
                report.Problems.Add($"Migrations: {pending} not yet applied; Hearth applies them at its next start (backing the database up first).");
            }
            else
            {
                report.Notes.Add($"Migrations: {pending} not yet applied; Hearth applies them at its next start (backing the database up first).");
            }
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            report.Problems.Add("The migrations history cannot be read: " + ex.Message);
        }
    }

    private async Task KeysAsync(VerifyReport report, CancellationToken ct)
    {
        var keyRing = options.Value.KeyRing;
        var members = await db.MemberKeys.AsNoTracking().OrderBy(k => k.CreatedAt).Select(k => new { k.UserId, k.WrappedKey }).ToListAsync(ct);
        var ringKeys = keyRing.InDatabase
            ? await db.Set<Data.KeyRing.KeyRingEntry>().CountAsync(ct)
            : Directory.Exists(paths.Keys) ? Directory.GetFiles(paths.Keys, "key-*.xml").Length : 0;
        if (ringKeys == 0)
        {
            if (members.Count > 0)
            {
                report.Problems.Add(keyRing.InDatabase
                    ? "The key ring is missing: the database holds no Data Protection key."
                    : $"The key ring is missing: {paths.Keys} holds no Data Protection key (key-*.xml). Restore the keys folder backed up with this database.");
                return;
            }

            report.Notes.Add("Key ring: none yet (no member either; Hearth makes one when the first person signs up).");
            return;
        }

        var protector = dataProtection.CreateProtector(MemberKeyring.Purpose);
        var missing = 0;
        var wrong = 0;
        foreach (var member in members)
        {
            var wrapped = member.WrappedKey.Length > 0 ? member.WrappedKey : MemberKeyFiles.Read(paths, member.UserId);
            if (wrapped is null)
            {
                missing++;
                report.Problems.Add($"Member {member.UserId:N}: the data key file {MemberKeyFiles.PathFor(paths, member.UserId)} is missing.");
                continue;
            }

            try
            {
                protector.Unprotect(wrapped);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                wrong++;
                report.Problems.Add($"Member {member.UserId:N}: the data key does not unwrap with this key ring (not the key ring it was written with).");
            }
        }

        if (missing + wrong == 0)
        {
            report.Notes.Add($"Keys: the key ring has {ringKeys} key(s); all {members.Count} member data key(s) unwrap.");
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Hosting;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hearth.Web.Tests.DataRights;

/// <summary>
/// Someone holding a copy of the data folder after an account was deleted (docs/privacy.md, "Deleting
/// an account"): they read the raw files, not the app. After the deletion, and after an online backup
/// and a pre-migration backup taken afterwards, none of the deleted member's key material survives
/// anywhere that what is left in the key ring could unwrap: not in SQLite's database file, its WAL or
/// the backups, not in PostgreSQL's data files or pg_wal, not in the key ring folder. No canary text
/// appears in plaintext anywhere either.
/// </summary>
[Slow("scans database files, backups and the key ring byte by byte")]
public abstract class DeletionForensicsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    [Fact]
    public async Task After_deleting_an_account_no_copy_of_its_data_key_survives_in_the_raw_files()
    {
        factory.RequireAvailable();
        var marker = "FORENSIC" + Guid.NewGuid().ToString("N")[..10];
        var world = await DataWorld.CreateAsync(factory, marker);
        var benId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == world.Ben.Email).Select(u => u.Id).SingleAsync());
        var paths = factory.Services.GetRequiredService<HearthPaths>();

        // Everything that is Ben's key, in every form it might take: the wrapped form in the database
        // row (before this fix), the key file in the key ring folder (after it), and the raw 32 bytes.
        var needles = new List<(string What, byte[] Bytes)>();
        var row = await factory.WithDbAsync(db => db.MemberKeys.AsNoTracking().SingleAsync(k => k.UserId == benId));
        if (row.WrappedKey.Length > 0)
        {
            needles.Add(("wrapped key in the database row", row.WrappedKey));
        }

        var keyFile = MemberKeyFiles.PathFor(paths, benId);
        if (File.Exists(keyFile))
        {
            needles.Add(("key file", await File.ReadAllBytesAsync(keyFile)));
        }

        using (var scope = factory.Services.CreateScope())
        {
            var raw = await scope.ServiceProvider.GetRequiredService<MemberKeyring>().FindAsync(benId);
            Assert.NotNull(raw);
            needles.Add(("raw data key", raw));
        }

        // On SQLite deleted rows are overwritten too: Ben's encrypted labels must not survive either.
        var isSqlite = factory is SqliteHearthFactory;
        if (isSqlite)
        {
            var labels = await factory.WithDbAsync(db => db.Memberships.All().Where(m => m.UserId == benId && m.LabelCiphertext != null).Select(m => m.LabelCiphertext!).ToListAsync());
            Assert.NotEmpty(labels);
            needles.AddRange(labels.Select(l => ("encrypted label", l)));
        }

        Assert.True(needles.Count >= 2, "Ben's key should have been found before the deletion");

        await Expect.StatusAsync(HttpStatusCode.NoContent, await world.Ben.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, new Uri("/api/v1/account", UriKind.Relative)) { Content = JsonContent.Create(new { passphrase = world.Ben.Password }) }));

        // Ana keeps working after Ben's deletion (her key is untouched), so there is more traffic after it.
        await Expect.StatusAsync(HttpStatusCode.Created, await world.Ana.Http.PostAsJsonAsync($"/api/v1/spaces/{world.Solo}/memories", new { date = "2025-05-18", kind = "first", title = "after", shared = false }));

        var files = new List<string>();
        if (factory is SqliteHearthFactory sqlite)
        {
            // An online backup as an operator would take it, and the backup Hearth takes before a migration.
            var online = Path.Combine(paths.Backups, "forensic-online-backup.db");
            Directory.CreateDirectory(paths.Backups);
            await using (var source = new SqliteConnection($"Data Source={sqlite.SqliteFile}"))
            await using (var target = new SqliteConnection($"Data Source={online};Pooling=false"))
            {
                await source.OpenAsync();
                await target.OpenAsync();
                source.BackupDatabase(target);
            }

            using (var scope = factory.Services.CreateScope())
            {
                DatabaseSetup.BackupSqlite(scope.ServiceProvider.GetRequiredService<HearthDbContext>(), paths, "ForensicMigration", scope.ServiceProvider.GetRequiredService<TimeProvider>(), NullLogger.Instance);
            }

            files.AddRange(new[] { sqlite.SqliteFile, sqlite.SqliteFile + "-wal", sqlite.SqliteFile + "-shm" }.Where(File.Exists));
            files.AddRange(Directory.GetFiles(paths.Backups));
            Assert.Contains(files, f => f.Contains("before-ForensicMigration", StringComparison.Ordinal));
        }
        else
        {
            files.AddRange(await PostgresFilesAsync());
        }

        // What is left of the key ring folder is in the copy too.
        files.AddRange(Directory.GetFiles(paths.Keys, "*", SearchOption.AllDirectories));
        files.AddRange(Directory.Exists(paths.Outbox) ? Directory.GetFiles(paths.Outbox) : []);

        var keyHits = new List<string>();
        var canaryHits = new List<string>();
        var tried = 0;
        var marked = Encoding.UTF8.GetBytes(marker);
        foreach (var file in files)
        {
            var bytes = ReadShared(file);
            foreach (var (what, needle) in needles)
            {
                tried++;
                if (bytes.AsSpan().IndexOf(needle) >= 0)
                {
                    keyHits.Add($"{what} in {Path.GetRelativePath(Path.GetDirectoryName(paths.Root)!, file)}");
                }
            }

            if (bytes.AsSpan().IndexOf(marked) >= 0)
            {
                canaryHits.Add(file);
            }
        }

        var provider = factory.ProviderName + (factory is KeyRingInDatabaseSqliteFactory ? " (key ring in the database)" : "");
        var summary = $"{needles.Count} pieces of Ben's key material ({string.Join(", ", needles.Select(n => n.What).Distinct())}) searched in {files.Count} files: " +
                      $"{keyHits.Count} hits{(keyHits.Count > 0 ? ": " + string.Join("; ", keyHits.Take(8)) : "")}; {canaryHits.Count} files with canary text";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        SecurityReport.Record(
            "a deleted account's data key survives nowhere in the raw files", provider, tried, keyHits.Count,
            $"{GetType().Name}.{nameof(After_deleting_an_account_no_copy_of_its_data_key_survives_in_the_raw_files)}",
            $"wrapped key, key file, raw key{(isSqlite ? ", encrypted labels" : "")} searched in {files.Count} files (database, WAL, backups taken after the deletion, key ring folder)");
        SecurityReport.Record(
            "no canary text in plaintext after an account deletion", provider, files.Count, canaryHits.Count,
            $"{GetType().Name}.{nameof(After_deleting_an_account_no_copy_of_its_data_key_survives_in_the_raw_files)}",
            "canary markers in every sensitive field, searched in every raw file");

        Assert.False(File.Exists(keyFile), "Ben's key file should be gone");
        using (var scope = factory.Services.CreateScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<MemberKeyring>().FindAsync(benId));
        }

        Assert.Empty(canaryHits);
        Assert.True(keyHits.Count == 0, summary);
    }

    /// <summary>As the server's superuser: flush everything to disk, then this database's files and the whole pg_wal.</summary>
    private async Task<List<string>> PostgresFilesAsync()
    {
        var connectionString = factory.Services.GetRequiredService<IOptions<HearthOptions>>().Value.Database.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var checkpoint = new NpgsqlCommand("CHECKPOINT", connection))
        {
            await checkpoint.ExecuteNonQueryAsync();
        }

        await using var query = new NpgsqlCommand("SELECT current_setting('data_directory'), (SELECT oid FROM pg_database WHERE datname = current_database())::text", connection);
        await using var reader = await query.ExecuteReaderAsync();
        await reader.ReadAsync();
        var dataDirectory = reader.GetString(0);
        var oid = reader.GetString(1);
        var files = Directory.GetFiles(Path.Combine(dataDirectory, "base", oid)).ToList();
        files.AddRange(Directory.GetFiles(Path.Combine(dataDirectory, "pg_wal")));
        Assert.NotEmpty(files);
        return files;
    }

    private static byte[] ReadShared(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (FileNotFoundException)
        {
            // A WAL segment recycled while we looked: it holds nothing any more.
            return [];
        }
    }
}

public sealed class DeletionForensicsOnSqlite(SqliteHearthFactory factory) : DeletionForensicsTests<SqliteHearthFactory>(factory);

public sealed class DeletionForensicsOnPostgres(PostgresHearthFactory factory) : DeletionForensicsTests<PostgresHearthFactory>(factory);

public sealed class DeletionForensicsWithKeyRingInDatabase(KeyRingInDatabaseSqliteFactory factory) : DeletionForensicsTests<KeyRingInDatabaseSqliteFactory>(factory);

/// <summary>SQLite with the key ring sealed in the database (opt-in): the data keys stay in the database, wrapped.</summary>
public sealed class KeyRingInDatabaseSqliteFactory : SqliteHearthFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Hearth:KeyRing:Store", "database");
        builder.UseSetting("Hearth:KeyRing:ProtectionSecret", "a forensic test secret that is never in the database");
    }
}

using Hearth.Web.Data.Encryption;
using Hearth.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Data;

public static class DatabaseSetup
{
    public static bool IsPostgres(this DatabaseOptions options) =>
        string.Equals(options.Provider, "postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(options.Provider, "postgresql", StringComparison.OrdinalIgnoreCase);

    /// <summary>Registers <see cref="HearthDbContext"/> for the configured provider.</summary>
    public static IServiceCollection AddHearthDatabase(this IServiceCollection services, HearthOptions options, HearthPaths paths)
    {
        var db = options.Database;
        services.AddSingleton<DatabaseErrorLogging>();
        if (db.IsPostgres())
        {
            if (string.IsNullOrWhiteSpace(db.ConnectionString))
            {
                throw new InvalidOperationException(
                    "Hearth:Database:Provider is 'postgres' but Hearth:Database:ConnectionString is empty. " +
                    "Set it, e.g. Hearth__Database__ConnectionString='Host=127.0.0.1;Database=hearth;Username=hearth;Password=...'.");
            }

            services.AddScoped<HearthDbContext>(Rent<PostgresHearthDbContext>);
            services.AddPooledDbContextFactory<PostgresHearthDbContext>((sp, o) => o.UseNpgsql(db.ConnectionString).AddInterceptors(ErrorLogging(sp)).AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()).ConfigureWarnings(Warnings), PoolSize);
        }
        else if (string.Equals(db.Provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(db.ConnectionString))
            {
                OwnerOnly.EnsureFile(paths.SqliteFile);
            }

            var connectionString = string.IsNullOrWhiteSpace(db.ConnectionString)
                ? SqliteConnectionString(paths.SqliteFile)
                : db.ConnectionString;
            services.AddScoped<HearthDbContext>(Rent<SqliteHearthDbContext>);
            services.AddSingleton(_ => new Security.SqliteSessionReads(connectionString));
            services.AddPooledDbContextFactory<SqliteHearthDbContext>((sp, o) => o.UseSqlite(connectionString).AddInterceptors(new SqliteBusyTimeout(), ErrorLogging(sp)).AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()).ConfigureWarnings(Warnings), PoolSize);
        }
        else
        {
            throw new InvalidOperationException($"Hearth:Database:Provider must be 'sqlite' or 'postgres', not '{db.Provider}'.");
        }

        return services;
    }

    /// <summary>
    /// Contexts are pooled and their options built once (ADR 48). AddDbContext built the options
    /// (warnings table, interceptor lookup) and EF's internal services again for every context, two
    /// per signed-in request (a health check has its own scope): the largest single cost of a
    /// signed-in /health on a small machine (docs/performance.md). Small, because a small machine
    /// serves few requests at once; past it, contexts are made and dropped as before.
    /// </summary>
    private const int PoolSize = 32;

    /// <summary>A pooled context for this request's scope, given back to the pool when the request ends.</summary>
    private static HearthDbContext Rent<TContext>(IServiceProvider services)
        where TContext : HearthDbContext
    {
        var context = services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        context.UseScope(services.GetRequiredService<Security.SpaceScope>());
        return context;
    }

    /// <summary>The connection string of Hearth's own SQLite file (its connection pool is keyed by it).</summary>
    internal static string SqliteConnectionString(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30 }.ToString();

    private static DatabaseErrorLogging ErrorLogging(IServiceProvider services) => services.GetRequiredService<DatabaseErrorLogging>();

    private static void Warnings(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder warnings)
    {
        SkipModelDiffOnMigrate(warnings);

        // Failed commands are logged by DatabaseErrorLogging, at Error unless a unique index lost a handled race.
        warnings.Log(DatabaseErrorLogging.LoweredEvents.Select(e => (e, LogLevel.Debug)).ToArray());
    }

    /// <summary>
    /// Migrate() would otherwise build the model twice more (design-time and snapshot) and compare
    /// them on every start, about 150 ms of a cold start, to warn of a model changed without a
    /// migration. The test The_migrations_match_the_model_and_are_all_applied catches that on both
    /// databases before anything ships.
    /// </summary>
    private static void SkipModelDiffOnMigrate(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning);

    /// <summary>
    /// Applies migrations (backing up an existing SQLite file first), switches SQLite to WAL, and
    /// checks that the key ring can unlock the stored data keys: without it Hearth refuses to start.
    /// </summary>
    public static async Task PrepareHearthDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<HearthOptions>>().Value;
        var paths = scope.ServiceProvider.GetRequiredService<HearthPaths>();
        var db = scope.ServiceProvider.GetRequiredService<HearthDbContext>();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Hearth.Database");
        var isSqlite = db.Database.IsSqlite();

        if (options.Database.MigrateOnStartup)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).Any();
                if (isSqlite && applied)
                {
                    BackupSqlite(db, paths, pending[0], scope.ServiceProvider.GetRequiredService<TimeProvider>(), log);
                }

                if (isSqlite && !applied && await FreshSqlite.TryCreateAsync(db, ct))
                {
                    log.LogInformation("Created a new database in one step ({Count} migration(s) recorded as applied)", pending.Count);
                }
                else
                {
                    log.LogInformation("Applying {Count} database migration(s)", pending.Count);
                    await db.Database.MigrateAsync(ct);
                }
            }
        }

        if (isSqlite)
        {
            // WAL: readers do not block the writer, and a killed process loses no committed write.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        await CheckKeyRingAsync(db, scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>(), paths, ct);
        if (!options.KeyRing.InDatabase)
        {
            await MoveMemberKeysOutOfTheDatabaseAsync(db, paths, log, ct);
        }

        // Operators running several instances can check at a glance that all of them share one key ring.
        var sealedWithSecret = string.IsNullOrWhiteSpace(options.KeyRing.ProtectionSecret) ? "" : ", sealed with Hearth:KeyRing:ProtectionSecret";
        log.LogInformation(
            "Key ring {Where}{Sealed}",
            options.KeyRing.InDatabase ? "in the database" : $"in the folder {paths.Keys}",
            sealedWithSecret);
    }

    public static void BackupSqlite(HearthDbContext db, HearthPaths paths, string nextMigration, TimeProvider clock, ILogger log)
    {
        OwnerOnly.Folder(paths.Backups);
        var target = Path.Combine(paths.Backups, $"hearth-{clock.GetUtcNow():yyyyMMdd-HHmmss}-before-{nextMigration}.db");
        OwnerOnly.EnsureFile(target);
        var source = (SqliteConnection)db.Database.GetDbConnection();
        var wasOpen = source.State == System.Data.ConnectionState.Open;
        if (!wasOpen)
        {
            source.Open();
        }

        using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            destination.Open();
            source.BackupDatabase(destination);
        }

        if (!wasOpen)
        {
            source.Close();
        }

        log.LogInformation("Backed up the database to {Backup} before migrating", target);
    }

    private static async Task CheckKeyRingAsync(HearthDbContext db, IDataProtectionProvider dataProtection, HearthPaths paths, CancellationToken ct)
    {
        var sample = await db.MemberKeys.AsNoTracking().OrderBy(k => k.CreatedAt).FirstOrDefaultAsync(ct);
        if (sample is null)
        {
            return;
        }

        var wrapped = sample.WrappedKey.Length > 0 ? sample.WrappedKey : MemberKeyFiles.Read(paths, sample.UserId);
        if (wrapped is null)
        {
            throw new KeyRingMissingException(new FileNotFoundException("A member's key file is missing.", MemberKeyFiles.PathFor(paths, sample.UserId)));
        }

        try
        {
            dataProtection.CreateProtector(MemberKeyring.Purpose).Unprotect(wrapped);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new KeyRingMissingException(ex);
        }
    }

    /// <summary>
    /// Databases from before the member keys moved out of it (docs/adr/0010-member-keys-outside-the-database.md):
    /// on start, each wrapped key still in a row is written to its file beside the key ring, then the
    /// row's copy is emptied. SQLite zeroes the old bytes (secure_delete) and the WAL is emptied;
    /// PostgreSQL rewrites the table (VACUUM FULL) so the old row versions leave its data files.
    /// </summary>
    private static async Task MoveMemberKeysOutOfTheDatabaseAsync(HearthDbContext db, HearthPaths paths, ILogger log, CancellationToken ct)
    {
        var none = Array.Empty<byte>();
        var legacy = await db.MemberKeys.AsNoTracking().Where(k => k.WrappedKey != none).Select(k => new { k.UserId, k.WrappedKey }).ToListAsync(ct);
        if (legacy.Count == 0)
        {
            return;
        }

        foreach (var row in legacy)
        {
            MemberKeyFiles.WriteOnce(paths, row.UserId, row.WrappedKey);
            await db.MemberKeys.Where(k => k.UserId == row.UserId).ExecuteUpdateAsync(s => s.SetProperty(k => k.WrappedKey, none), ct);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
        }
        else
        {
            try
            {
                await db.Database.ExecuteSqlRawAsync("VACUUM FULL \"MemberKeys\";", ct);
            }
            catch (System.Data.Common.DbException ex)
            {
                log.LogWarning(ex, "Could not rewrite the MemberKeys table; old copies of the moved keys stay in its free space until PostgreSQL reuses it");
            }
        }

        log.LogInformation("Moved {Count} member data key(s) out of the database into the key ring folder", legacy.Count);
    }
}

using System.Data.Common;
using System.Globalization;
using Hearth.Core.Accounts;
using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hearth.Web.Security;

/// <summary>
/// One count of attempts: failed passphrase or code checks for one e-mail from untrusted clients
/// ("s:" + keyed hash), for one e-mail from one known device ("d:" + keyed hash + device), or
/// invitation e-mails one account sent on one day ("m:" + account + day). No e-mail address is
/// stored in clear, whether or not it has an account.
/// </summary>
public sealed class AttemptCounter
{
    public const int KeyLength = 120;

    public string Key { get; set; } = "";

    public int Count { get; set; }

    /// <summary>The last attempt counted (the throttle's waits run from it).</summary>
    public DateTimeOffset LastAt { get; set; }
}

public sealed class AttemptCounterConfiguration : IEntityTypeConfiguration<AttemptCounter>
{
    public void Configure(EntityTypeBuilder<AttemptCounter> builder)
    {
        builder.ToTable("AttemptCounters");
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(AttemptCounter.KeyLength);
        builder.HasIndex(c => c.LastAt);
    }
}

/// <summary>
/// Counting that holds under concurrency: every check-and-count is one statement
/// (INSERT ... ON CONFLICT DO UPDATE ... WHERE ... RETURNING, on SQLite and PostgreSQL alike), so
/// twenty requests at once cannot all read "four failures" and all go ahead.
/// </summary>
public sealed class AttemptCounters(HearthDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Reserves one try under <see cref="SignInThrottle"/> on <paramref name="key"/>: counted before the
    /// secret is checked, so a try either is counted or does not happen. Allowed, or why not.
    /// </summary>
    public async Task<ThrottleDecision> TryReserveAsync(string key, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();

        // The wait after n failures, as "the last try must be no later than now - wait(n)", one branch per n.
        var cases = new List<(int Count, DateTimeOffset Latest)>();
        for (var n = SignInThrottle.FreeFailures; SignInThrottle.WaitAfter(n) < SignInThrottle.LongestWait; n++)
        {
            cases.Add((n, now - SignInThrottle.WaitAfter(n)));
        }

        var when = string.Join(' ', cases.Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"WHEN {c.Count} THEN @w{i}")));
        var sql = $"""
            INSERT INTO "AttemptCounters" ("Key", "Count", "LastAt") VALUES (@key, 1, @now)
            ON CONFLICT ("Key") DO UPDATE SET "Count" = "AttemptCounters"."Count" + 1, "LastAt" = @now
            WHERE "AttemptCounters"."Count" < @max
              AND ("AttemptCounters"."Count" < @free OR "AttemptCounters"."LastAt" <= CASE "AttemptCounters"."Count" {when} ELSE @longest END)
            RETURNING "Count"
            """;
        var reserved = await ScalarAsync(sql, command =>
        {
            Add(command, "key", key);
            Add(command, "now", Instant(now));
            Add(command, "max", SignInThrottle.MaxConsecutiveFailures);
            Add(command, "free", SignInThrottle.FreeFailures);
            Add(command, "longest", Instant(now - SignInThrottle.LongestWait));
            for (var i = 0; i < cases.Count; i++)
            {
                Add(command, $"w{i}", Instant(cases[i].Latest));
            }
        }, ct);
        if (reserved is not null)
        {
            return ThrottleDecision.Allow;
        }

        var row = await db.Set<AttemptCounter>().AsNoTracking().FirstOrDefaultAsync(c => c.Key == key, ct);
        var decision = SignInThrottle.Evaluate(row?.Count ?? 0, row?.LastAt, now);

        // Refused a moment ago yet allowed now (someone's success cleared it in between): try again shortly.
        return decision.Allowed ? new ThrottleDecision(false, TimeSpan.FromSeconds(1), false) : decision;
    }

    /// <summary>Takes one from a budget of <paramref name="budget"/> on <paramref name="key"/>; false when it is used up.</summary>
    public async Task<bool> TryTakeAsync(string key, int budget, CancellationToken ct = default)
    {
        if (budget <= 0)
        {
            return false;
        }

        const string sql = """
            INSERT INTO "AttemptCounters" ("Key", "Count", "LastAt") VALUES (@key, 1, @now)
            ON CONFLICT ("Key") DO UPDATE SET "Count" = "AttemptCounters"."Count" + 1, "LastAt" = @now
            WHERE "AttemptCounters"."Count" < @budget
            RETURNING "Count"
            """;
        var taken = await ScalarAsync(sql, command =>
        {
            Add(command, "key", key);
            Add(command, "now", Instant(clock.GetUtcNow()));
            Add(command, "budget", budget);
        }, ct);
        return taken is not null;
    }

    public Task ClearAsync(string key, CancellationToken ct = default) =>
        db.Set<AttemptCounter>().Where(c => c.Key == key).ExecuteDeleteAsync(ct);

    public Task ClearStartingWithAsync(string prefix, CancellationToken ct = default) =>
        db.Set<AttemptCounter>().Where(c => c.Key.StartsWith(prefix)).ExecuteDeleteAsync(ct);

    private object Instant(DateTimeOffset value) => db.Database.IsSqlite() ? value.UtcTicks : value.ToUniversalTime();

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private async Task<object?> ScalarAsync(string sql, Action<DbCommand> parameters, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            parameters(command);
            var result = await command.ExecuteScalarAsync(ct);
            return result is null or DBNull ? null : result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

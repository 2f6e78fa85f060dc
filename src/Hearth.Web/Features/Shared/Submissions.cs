using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Features.Shared;

/// <summary>
/// One submission of a create form or API call (docs/adr/0017): the member, the key they sent (a
/// page's one-time token or the API's Idempotency-Key), what it created and its first answer,
/// encrypted under the member's key. Housekeeping removes rows after a day.
/// </summary>
public sealed class Submission
{
    public Guid UserId { get; set; }

    public string Key { get; set; } = "";

    /// <summary>Which create it was for ("note", "memory", ...): a key sent to another create is refused.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The first answer as JSON, encrypted; null while the first request is still at work.</summary>
    public byte[]? ResultCiphertext { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> b)
    {
        b.ToTable("Submissions");
        b.HasKey(s => new { s.UserId, s.Key });
        b.HasOne<HearthUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.Key).HasMaxLength(SubmissionGuard.MaxKeyLength);
        b.Property(s => s.Kind).HasMaxLength(40);
        b.HasIndex(s => s.CreatedAt);
    }
}

/// <summary>
/// One submission, one item: the create runs only for the request that claims the key (inserts the
/// row first; the primary key lets exactly one of any number of concurrent requests win). Every
/// repeat, at once or later, waits for that first answer and gives it again, creating nothing.
/// Pages and the API both come here.
/// </summary>
public sealed class SubmissionGuard(HearthDbContext db, FieldCipher cipher, CurrentMember current, TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    /// <summary>The API's request header.</summary>
    public const string Header = "Idempotency-Key";

    public const string HeaderDescription =
        "Optional. Any value of up to 100 printable characters that you choose for this one creation. Sending it again (same member, same key) creates nothing and answers what the first request answered. Keys are kept for a day.";

    /// <summary>The form field of a page's one-time submission token.</summary>
    public const string FormField = "SubmissionToken";

    public const int MaxKeyLength = 100;

    /// <summary>How long a repeat waits for the first request to finish before asking to try again.</summary>
    private static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(15);

    private const string Table = "Submissions";
    private const string Column = "Result";

    /// <summary>A fresh one-time token for a form: 128 random bits, base64url.</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Why a key cannot be used, or null when it can.</summary>
    public static string? Problem(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            return "The Idempotency-Key is empty. Please send a value, or leave the header out.";
        }

        if (key.Length > MaxKeyLength)
        {
            return $"The Idempotency-Key can be at most {MaxKeyLength} characters.";
        }

        return key.Any(c => c < ' ' || c > '~')
            ? "The Idempotency-Key can hold only printable characters: letters, digits, punctuation and spaces."
            : null;
    }

    /// <summary>
    /// Runs <paramref name="create"/> once per (member, key). Without a key it simply runs. A repeat
    /// answers the first success again; a first attempt that did not succeed frees the key.
    /// </summary>
    public async Task<Outcome<T>> OnceAsync<T>(string kind, string? key, Func<Task<Outcome<T>>> create, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (key is null || current.UserId is not { } me)
        {
            return await create();
        }

        if (Problem(key) is { } problem)
        {
            return Outcome<T>.Invalid("idempotencyKey", problem);
        }

        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var claim = new Submission { UserId = me, Key = key, Kind = kind, CreatedAt = clock.GetUtcNow() };
            db.Add(claim);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                db.Entry(claim).State = EntityState.Detached;
                var earlier = await FirstAnswerAsync<T>(me, kind, key, started, ct);
                if (earlier is not null)
                {
                    return earlier;
                }

                continue; // the first attempt did not succeed and freed the key: this one may go ahead
            }

            return await CreateAsync(claim, create, ct);
        }
    }

    private async Task<Outcome<T>> CreateAsync<T>(Submission claim, Func<Task<Outcome<T>>> create, CancellationToken ct)
    {
        Outcome<T> outcome;
        try
        {
            outcome = await create();
        }
        catch
        {
            await ReleaseAsync(claim);
            throw;
        }

        if (!outcome.IsOk)
        {
            await ReleaseAsync(claim);
            return outcome;
        }

        // The item exists now: keep its answer even if the sender has gone (a browser cancels the first
        // of two taps), or a repeat would wait for an answer that never comes.
        var answer = JsonSerializer.Serialize(outcome.Value, json.Value.SerializerOptions);
        claim.ResultCiphertext = await cipher.EncryptAsync(answer, Context(claim.UserId, claim.Key), CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
        return outcome;
    }

    /// <summary>The first answer for the key; null when the key is free again; waits while the first is at work.</summary>
    private async Task<Outcome<T>?> FirstAnswerAsync<T>(Guid me, string kind, string key, long started, CancellationToken ct)
    {
        while (true)
        {
            var row = await db.Set<Submission>().AsNoTracking()
                .Where(s => s.UserId == me && s.Key == key)
                .Select(s => new { s.Kind, s.ResultCiphertext })
                .SingleOrDefaultAsync(ct);
            if (row is null)
            {
                return null;
            }

            if (!string.Equals(row.Kind, kind, StringComparison.Ordinal))
            {
                return Outcome<T>.Invalid("idempotencyKey", "This Idempotency-Key was already used for something else. Please choose a new one for each thing you create.");
            }

            if (row.ResultCiphertext is { } sealedAnswer)
            {
                var answer = await cipher.DecryptAsync(sealedAnswer, Context(me, key), ct);
                return Outcome<T>.Ok(JsonSerializer.Deserialize<T>(answer!, json.Value.SerializerOptions)!);
            }

            if (Stopwatch.GetElapsedTime(started) > WaitForFirst)
            {
                return Outcome<T>.Refused(409, "Still on its way", "That is still being saved. Please try again in a moment.", TimeSpan.FromSeconds(1));
            }

            // Real time, not the app clock: the first request is finishing its work right now.
            await Task.Delay(TimeSpan.FromMilliseconds(25), ct);
        }
    }

    private async Task ReleaseAsync(Submission claim)
    {
        db.Entry(claim).State = EntityState.Detached;
        await db.Set<Submission>().Where(s => s.UserId == claim.UserId && s.Key == claim.Key).ExecuteDeleteAsync(CancellationToken.None);
    }

    private static CipherContext Context(Guid owner, string key) =>
        new(Table, Column, new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16)), owner);
}

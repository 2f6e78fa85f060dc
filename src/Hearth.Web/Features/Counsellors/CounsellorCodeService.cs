using System.Security.Cryptography;
using System.Text;
using Hearth.Web.Data;
using Hearth.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Counsellors;

/// <summary>
/// The operator's invitation codes for counsellors (ADR 50 §3). `hearth counsellors code` issues one:
/// 128 random bits, printed once, only its SHA-256 kept. Whoever redeems it, signed in, in no open
/// space and not a counsellor yet, becomes a counsellor. Each code works once (the claim is one
/// atomic update on `RedeemedAt IS NULL` and the expiry) and not after it expires on the
/// <see cref="TimeProvider"/>; an unknown, used and expired code all get the very same field error.
/// </summary>
public sealed class CounsellorCodeService(HearthDbContext db, CurrentMember current, TimeProvider clock, IStringLocalizer<CounsellorsText> text)
{
    /// <summary>Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives.</summary>
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new code: 16 random bytes as 26 base32 characters, in groups of four with dashes.</summary>
    public static string NewCode()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        var chars = new StringBuilder(26);
        var buffer = 0;
        var bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            chars.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        var grouped = new StringBuilder(32);
        for (var i = 0; i < chars.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                grouped.Append('-');
            }

            grouped.Append(chars[i]);
        }

        return grouped.ToString();
    }

    /// <summary>The code as typed, without spaces or dashes, upper-case; the letters people mistake for digits read as those digits.</summary>
    public static string Normalize(string? input)
    {
        var s = new StringBuilder(input?.Length ?? 0);
        foreach (var ch in input ?? "")
        {
            if (char.IsWhiteSpace(ch) || ch is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014')
            {
                continue;
            }

            s.Append(char.ToUpperInvariant(ch) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var c => c,
            });
        }

        return s.ToString();
    }

    /// <summary>What is stored: the SHA-256 of the normalised code, upper-case hex.</summary>
    public static string Hash(string? code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code))));

    /// <summary>Issues a code for <paramref name="days"/> days (the caller checked the range); only its hash is written.</summary>
    public async Task<(string Code, DateTimeOffset ExpiresAt)> IssueAsync(int days, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var code = NewCode();
        var row = new CounsellorCode { Id = Guid.CreateVersion7(), CodeHash = Hash(code), CreatedAt = now, ExpiresAt = now.AddDays(days) };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return (code, row.ExpiresAt);
    }

    /// <summary>Redeems a code for the signed-in account: it becomes a counsellor, or nothing is written.</summary>
    public async Task<Outcome<CounsellorRedeemedView>> RedeemAsync(RedeemCounsellorCodeInput input, CancellationToken ct = default)
    {
        var me = current.RequireUserId();

        // The checks and the claim under the account's lock (ADR 55): a space started or joined at
        // the same moment waits, or makes these checks refuse.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RowLock.AccountAsync(db, me, ct);
        if (await CounsellorRole.HasAsync(db, me, ct))
        {
            return Outcome<CounsellorRedeemedView>.Refused(409, text["RedeemAlreadyTitle"], text["RedeemAlreadyDetail"]);
        }

        if (await CounsellorRole.OpenSpacesAsync(db, me, ct) > 0)
        {
            return Outcome<CounsellorRedeemedView>.Refused(409, text["RedeemInSpaceTitle"], text["RedeemInSpaceDetail"]);
        }

        var normalized = Normalize(input.Code);
        var hash = Hash(normalized);
        var id = normalized.Length is 0 or > 64 ? null : await db.Set<CounsellorCode>().AsNoTracking()
            .Where(c => c.CodeHash == hash)
            .Select(c => (Guid?)c.Id)
            .FirstOrDefaultAsync(ct);
        if (id is null)
        {
            return NotValid();
        }

        var now = clock.GetUtcNow();

        // The claim: of two people redeeming one code at once, only one changes the row.
        var claimed = await db.Set<CounsellorCode>()
            .Where(c => c.Id == id && c.RedeemedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RedeemedAt, now).SetProperty(c => c.RedeemedByUserId, me), ct);
        if (claimed != 1)
        {
            await tx.RollbackAsync(ct);
            return NotValid();
        }

        bool given;
        try
        {
            given = await CounsellorRole.GiveAsync(db, me, ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // The same account redeeming two codes at once: the other request gave the role.
            given = false;
        }

        if (!given)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome<CounsellorRedeemedView>.Refused(409, text["RedeemAlreadyTitle"], text["RedeemAlreadyDetail"]);
        }

        await tx.CommitAsync(ct);
        return Outcome<CounsellorRedeemedView>.Ok(new CounsellorRedeemedView(CounsellorRole.Name, now));
    }

    private Outcome<CounsellorRedeemedView> NotValid() => Outcome<CounsellorRedeemedView>.Invalid("code", text["CodeNotValid"]);
}

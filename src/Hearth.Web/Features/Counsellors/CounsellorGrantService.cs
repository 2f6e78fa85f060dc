using Hearth.Web.Data;
using Hearth.Web.Features.Email;
using Hearth.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Features.Counsellors;

/// <summary>
/// The members' side of a counsellor's access (ADR 46): invite (the inviter's consent), the other
/// member's consent, end it, and read the access log. Everything starts at the first wall: the
/// caller's own active membership of an open space (<see cref="PairSpaces"/>).
/// </summary>
public sealed class CounsellorGrantService(HearthDbContext db, PairSpaces pairs, TimeProvider clock, IOptions<HearthOptions> options, IMailer mailer, Links links, LinkGenerator linkGenerator, IStringLocalizer<CounsellorsText> text)
{
    public async Task<Outcome<SpaceCounsellorView>> GetAsync(Guid spaceId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        return pair is null ? Outcome<SpaceCounsellorView>.NotFound() : Outcome<SpaceCounsellorView>.Ok(await ViewAsync(pair, ct));
    }

    public async Task<Outcome<SpaceCounsellorView>> InviteAsync(Guid spaceId, InviteCounsellorInput input, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<SpaceCounsellorView>.NotFound();
        }

        var errors = new FieldErrors();
        var email = input.Email?.Trim() ?? "";
        if (email.Length is 0 or > 256 || !email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add("email", text["EmailMissing"]);
        }

        var (scopes, days) = Choice(input.Scopes, input.Days, errors);
        if (errors.Any)
        {
            return errors.ToOutcome<SpaceCounsellorView>();
        }

        if (pair.OtherId is null)
        {
            return Outcome<SpaceCounsellorView>.Refused(409, text["NeedsTwoTitle"], text["NeedsTwoDetail"]);
        }

        if (await LiveGrantAsync(spaceId, ct) is not null)
        {
            return Outcome<SpaceCounsellorView>.Refused(409, text["AlreadyTitle"], text["AlreadyDetail"]);
        }

        var normalized = email.ToUpperInvariant();
        var counsellor = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == normalized && u.Id != pair.Me && u.Id != pair.OtherId)
            .Select(u => new { u.Id, u.Email })
            .FirstOrDefaultAsync(ct);
        if (counsellor is null || !await CounsellorRole.HasAsync(db, counsellor.Id, ct))
        {
            return Outcome<SpaceCounsellorView>.Invalid("email", text["NoCounsellor"]);
        }

        // Again under the space's lock (ADR 55): both members inviting at once, or a double tap, make one invitation.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await RowLock.SpaceAsync(db, spaceId, ct);
            if (await LiveGrantAsync(spaceId, ct) is not null)
            {
                return Outcome<SpaceCounsellorView>.Refused(409, text["AlreadyTitle"], text["AlreadyDetail"]);
            }

            var now = clock.GetUtcNow();
            var grant = new CounsellorGrant { Id = Guid.CreateVersion7(), SpaceId = spaceId, CounsellorUserId = counsellor.Id, CreatedAt = now };
            db.Add(grant);
            db.Add(new CounsellorConsent { Id = Guid.CreateVersion7(), GrantId = grant.Id, SpaceId = spaceId, UserId = pair.Me, Scopes = scopes, Days = days, ConsentedAt = now });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        // Discreet: no names, nothing about the pair. The counsellor sees them only once both agreed.
        var list = links.BaseUrl.TrimEnd('/') + linkGenerator.GetPathByPage("/Counsellors/Index");
        await mailer.SendAsync(new OutgoingEmail(counsellor.Email ?? email, text["EmailSubject"], text["EmailBody", list]), ct);
        return Outcome<SpaceCounsellorView>.Ok(await ViewAsync(pair, ct));
    }

    public async Task<Outcome<SpaceCounsellorView>> ConsentAsync(Guid spaceId, CounsellorConsentInput input, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<SpaceCounsellorView>.NotFound();
        }

        var errors = new FieldErrors();
        var (scopes, days) = Choice(input.Scopes, input.Days, errors);
        if (errors.Any)
        {
            return errors.ToOutcome<SpaceCounsellorView>();
        }

        // Under the space's lock (ADR 55): agreeing twice at once agrees once; the second hears it is done.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RowLock.SpaceAsync(db, spaceId, ct);
        var grant = await LiveGrantAsync(spaceId, ct);
        if (grant is null)
        {
            return Outcome<SpaceCounsellorView>.Refused(409, text["NothingToAgreeTitle"], text["NothingToAgreeDetail"]);
        }

        var consents = await db.Set<CounsellorConsent>().Where(c => c.GrantId == grant.Id).ToListAsync(ct);
        if (grant.ActivatedAt is not null || consents.Any(c => c.UserId == pair.Me))
        {
            return Outcome<SpaceCounsellorView>.Refused(409, text["AgreedTitle"], text["AgreedDetail"]);
        }

        var now = clock.GetUtcNow();
        db.Add(new CounsellorConsent { Id = Guid.CreateVersion7(), GrantId = grant.Id, SpaceId = spaceId, UserId = pair.Me, Scopes = scopes, Days = days, ConsentedAt = now });
        grant.ActivatedAt = now;
        grant.ExpiresAt = now.AddDays(Math.Min(days, consents.Select(c => c.Days).DefaultIfEmpty(days).Min()));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<SpaceCounsellorView>.Ok(await ViewAsync(pair, ct));
    }

    /// <summary>Ends the access (or withdraws the invitation) at once, for both; the counsellor's next request gets nothing.</summary>
    public async Task<Outcome<Done>> EndAsync(Guid spaceId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<Done>.NotFound();
        }

        var grant = await LiveGrantAsync(spaceId, ct);
        if (grant is null)
        {
            return Outcome<Done>.NotFound();
        }

        grant.EndedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome<Done>.Ok(default);
    }

    private (CounsellorScopes Scopes, int Days) Choice(IReadOnlyList<string>? names, int? days, FieldErrors errors)
    {
        if (!CounsellorScopeNames.TryParse(names, out var scopes) || scopes == CounsellorScopes.None)
        {
            errors.Add("scopes", text["ScopesMissing"]);
        }

        var chosen = days ?? options.Value.Practice.DefaultDays;
        if (chosen is < CounsellorRules.MinDays or > CounsellorRules.MaxDays)
        {
            errors.Add("days", text["DaysOutOfRange", CounsellorRules.MinDays, CounsellorRules.MaxDays]);
        }

        return (scopes, chosen);
    }

    /// <summary>The space's invitation waiting for consent, or its access that has not ended or expired.</summary>
    private Task<CounsellorGrant?> LiveGrantAsync(Guid spaceId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.Set<CounsellorGrant>()
            .Where(g => g.SpaceId == spaceId && g.EndedAt == null && (g.ActivatedAt == null || g.ExpiresAt > now))
            .OrderByDescending(g => g.CreatedAt)
            .FirstOrDefaultAsync(ct);
    }

    private async Task<SpaceCounsellorView> ViewAsync(PairSpace pair, CancellationToken ct)
    {
        var looks = (await db.Set<CounsellorLook>().AsNoTracking()
                .Where(l => l.SpaceId == pair.SpaceId)
                .OrderByDescending(l => l.At)
                .Take(CounsellorRules.LooksShown)
                .Select(l => new { l.At, l.Scopes })
                .ToListAsync(ct))
            .Select(l => new CounsellorLookView(l.At, CounsellorScopeNames.Names(l.Scopes)))
            .ToList();
        var grant = await LiveGrantAsync(pair.SpaceId, ct);
        if (grant is null)
        {
            return new SpaceCounsellorView(CounsellorAccessState.None, null, null, [], [], null, looks);
        }

        var consents = await db.Set<CounsellorConsent>().AsNoTracking().Where(c => c.GrantId == grant.Id).OrderBy(c => c.ConsentedAt).ToListAsync(ct);
        var counsellor = await db.Users.AsNoTracking().Where(u => u.Id == grant.CounsellorUserId).Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(ct);
        var names = pair.Members.ToDictionary(m => m.UserId, m => m.DisplayName);
        var state = grant.ActivatedAt is not null ? CounsellorAccessState.Active
            : consents.Any(c => c.UserId == pair.Me) ? CounsellorAccessState.WaitingForOther
            : CounsellorAccessState.WaitingForYou;
        var shared = state == CounsellorAccessState.Active ? consents.Aggregate((CounsellorScopes)~0, (s, c) => s & c.Scopes) : CounsellorScopes.None;
        return new SpaceCounsellorView(
            state,
            counsellor?.DisplayName,
            counsellor?.Email,
            consents.Select(c => new CounsellorConsentView(c.UserId == pair.Me, names.GetValueOrDefault(c.UserId, ""), CounsellorScopeNames.Names(c.Scopes), c.Days, c.ConsentedAt)).ToList(),
            CounsellorScopeNames.Names(shared),
            grant.ExpiresAt,
            looks);
    }
}

using Hearth.Core.Spaces;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Spaces;


/// <summary>Relationship spaces: create, list, look at one, name it for yourself, leave.</summary>
public sealed class SpaceService(HearthDbContext db, CurrentMember current, SpaceScope scope, FieldCipher cipher, TimeProvider clock, PairSpaces pairs, IStringLocalizer<SpacesText> text) : ISpaceDetails
{
    private const string LabelTable = MembershipLabel.Table;
    private const string LabelColumn = MembershipLabel.Column;

    public async Task<IReadOnlyList<SpaceSummary>> ListAsync(CancellationToken ct = default)
    {
        var me = current.RequireUserId();

        // Closed spaces are listed too (as "closed") until the person dismisses them; that is why
        // this query looks past the filter, restricted to the person's own memberships.
        var mine = await db.Memberships.IgnoreQueryFilters()
            .Where(m => m.UserId == me && m.LeftAt == null)
            .Select(m => new
            {
                m.Id,
                m.SpaceId,
                m.Space!.Kind,
                m.Space.ClosedAt,
                m.Space.CreatedAt,
                m.LabelCiphertext,
                Other = m.Space.Memberships
                    .Where(o => o.UserId != me && o.LeftAt == null)
                    .Select(o => o.User!.DisplayName)
                    .FirstOrDefault(),
            })
            .ToListAsync(ct);

        var list = new List<SpaceSummary>(mine.Count);
        foreach (var m in mine.OrderBy(m => m.ClosedAt is null ? 0 : 1).ThenByDescending(m => m.CreatedAt))
        {
            var closed = m.ClosedAt is not null;
            var label = await cipher.DecryptAsync(m.LabelCiphertext, new CipherContext(LabelTable, LabelColumn, m.Id, me), ct);
            list.Add(new SpaceSummary(
                m.SpaceId,
                m.Kind.View(),
                closed ? SpaceViewState.Closed : m.Other is null ? SpaceViewState.Solo : SpaceViewState.Paired,
                label,
                closed ? null : m.Other));
        }

        return list;
    }

    /// <summary>Whether the signed-in caller is a counsellor, who has no space of their own (ADR 46, ADR 50 §3).</summary>
    public Task<bool> CallerIsCounsellorAsync(CancellationToken ct = default) =>
        Counsellors.CounsellorRole.HasAsync(db, current.RequireUserId(), ct);

    public async Task<Outcome<SpaceDetail>> CreateAsync(CreateSpaceInput input, CancellationToken ct = default)
    {
        var me = current.RequireUserId();

        // A counsellor has no space of their own (ADR 46, ADR 50 §3); asked first, so a counsellor hears that rather than a field error.
        if (await Counsellors.CounsellorRole.HasAsync(db, me, ct))
        {
            return CounsellorHasNoSpace();
        }

        var errors = new FieldErrors();
        if (!RelationshipKinds.TryParse(input.Kind, out var kind))
        {
            errors.Add("kind", text["KindMissing"]);
        }

        var label = MembershipLabel.Clean(input.Label, errors);
        if (errors.Any)
        {
            return errors.ToOutcome<SpaceDetail>();
        }

        // Both checks again under the account's lock (ADR 55), so a code redeemed or a space started
        // at the same moment cannot slip past them.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RowLock.AccountAsync(db, me, ct);
        if (await Counsellors.CounsellorRole.HasAsync(db, me, ct))
        {
            return CounsellorHasNoSpace();
        }

        var open = await db.Memberships.IgnoreQueryFilters().CountAsync(m => m.UserId == me && m.LeftAt == null && m.Space!.ClosedAt == null, ct);
        if (open >= SpaceRules.MaxOpenSpacesPerPerson)
        {
            return Outcome<SpaceDetail>.Refused(409, "Too many spaces", text["TooManySpaces", SpaceRules.MaxOpenSpacesPerPerson]);
        }

        var now = clock.GetUtcNow();
        var space = new Space { Id = Guid.CreateVersion7(), Kind = kind, CreatedAt = now, CreatedByUserId = me };
        var membership = new Membership { Id = Guid.CreateVersion7(), SpaceId = space.Id, UserId = me, JoinedAt = now };
        if (label is not null)
        {
            membership.LabelCiphertext = await cipher.EncryptAsync(label, new CipherContext(LabelTable, LabelColumn, membership.Id, me), ct);
        }

        db.Spaces.Add(space);
        db.Memberships.Add(membership);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await scope.ReloadAsync(db, me, ct);
        return await GetAsync(space.Id, ct);
    }

    private Outcome<SpaceDetail> CounsellorHasNoSpace() => Outcome<SpaceDetail>.Refused(409, text["CounsellorNoSpaceTitle"], text["CounsellorNoSpaceDetail"]);

    /// <summary>The space if the current person is in it; a neutral closed view if it has closed; otherwise not found.</summary>
    public async Task<Outcome<SpaceDetail>> GetAsync(Guid spaceId, CancellationToken ct = default)
    {
        var me = current.RequireUserId();

        // An open space of the caller's: what PairSpaces read for this request already has it all
        // (the dashboard asks for it anyway).
        if (await pairs.OpenAsync(spaceId, ct) is { } pair)
        {
            return Outcome<SpaceDetail>.Ok(await DetailAsync(
                spaceId,
                pair.Kind,
                await cipher.DecryptAsync(pair.MyLabelCiphertext, new CipherContext(LabelTable, LabelColumn, pair.MyMembershipId, me), ct),
                pair.Members,
                ct));
        }

        // One round trip for the caller's own membership (open or closed, unless they left) and who is
        // in the space. Past the filter for the same reason as ListAsync; the members come only through
        // the caller's own active membership, and a closed space shows none of them (below).
        var mine = await db.Memberships.IgnoreQueryFilters()
            .Where(m => m.SpaceId == spaceId && m.UserId == me && m.LeftAt == null)
            .Select(m => new
            {
                m.Id,
                m.LabelCiphertext,
                m.Space!.Kind,
                m.Space.ClosedAt,
                Members = m.Space.Memberships
                    .Where(o => o.SpaceId == spaceId && o.LeftAt == null) // the id again, so SQLite reads by index rather than every membership
                    .OrderBy(o => o.JoinedAt)
                    .Select(o => new { o.UserId, o.User!.DisplayName })
                    .ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (mine is null)
        {
            return Outcome<SpaceDetail>.NotFound();
        }

        var label = await cipher.DecryptAsync(mine.LabelCiphertext, new CipherContext(LabelTable, LabelColumn, mine.Id, me), ct);
        var kind = mine.Kind;
        if (mine.ClosedAt is not null)
        {
            return Outcome<SpaceDetail>.Ok(new SpaceDetail(spaceId, kind.View(), SpaceViewState.Closed, label, kind.OtherPersonWord(), [], null));
        }

        // Open, but not in this request's scope (loaded when the request began, before the caller joined
        // or started the space): the same view from the row just read.
        return Outcome<SpaceDetail>.Ok(await DetailAsync(spaceId, kind, label, mine.Members.Select(m => (m.UserId, m.DisplayName)).ToList(), ct));
    }

    private async Task<SpaceDetail> DetailAsync(Guid spaceId, RelationshipKind kind, string? label, IReadOnlyList<(Guid UserId, string DisplayName)> members, CancellationToken ct)
    {
        var me = current.RequireUserId();
        var now = clock.GetUtcNow();
        var pending = members.Count < SpaceRules.MaxMembers
            ? await db.Invitations
                .Where(i => i.SpaceId == spaceId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
                .OrderByDescending(i => i.CreatedAt)
                .Select(i => new PendingInvitationView(i.CreatedAt, i.ExpiresAt))
                .FirstOrDefaultAsync(ct)
            : null;

        return new SpaceDetail(
            spaceId,
            kind.View(),
            members.Count >= SpaceRules.MaxMembers ? SpaceViewState.Paired : SpaceViewState.Solo,
            label,
            kind.OtherPersonWord(),
            members.Select(m => new MemberView(m.DisplayName, m.UserId == me)).ToList(),
            pending);
    }

    public async Task<Outcome<SpaceDetail>> SetLabelAsync(Guid spaceId, LabelInput input, CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        var errors = new FieldErrors();
        var label = MembershipLabel.Clean(input.Label, errors);
        if (errors.Any)
        {
            return errors.ToOutcome<SpaceDetail>();
        }

        var mine = await OwnMembershipAsync(spaceId, ct);
        if (mine is null || mine.Space!.ClosedAt is not null)
        {
            return Outcome<SpaceDetail>.NotFound();
        }

        mine.LabelCiphertext = label is null ? null : await cipher.EncryptAsync(label, new CipherContext(LabelTable, LabelColumn, mine.Id, me), ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(spaceId, ct);
    }

    /// <summary>
    /// Leaves the space. If it was open it closes for both: the other person sees only that it is
    /// closed. If it had already closed, this just removes it from the person's list.
    /// </summary>
    public async Task<Outcome<Done>> LeaveAsync(Guid spaceId, CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        var mine = await OwnMembershipAsync(spaceId, ct);
        if (mine is null)
        {
            return Outcome<Done>.NotFound();
        }

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        mine.LeftAt = now;
        await SpaceClosing.CloseAsync(db, mine.Space!, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await scope.ReloadAsync(db, me, ct);
        return Outcome<Done>.Ok(default);
    }

    /// <summary>The current person's own membership of a space, open or closed, unless they left it.</summary>
    private Task<Membership?> OwnMembershipAsync(Guid spaceId, CancellationToken ct)
    {
        var me = current.RequireUserId();
        return db.Memberships.IgnoreQueryFilters()
            .Include(m => m.Space)
            .FirstOrDefaultAsync(m => m.SpaceId == spaceId && m.UserId == me && m.LeftAt == null, ct);
    }
}

using Hearth.Core.Invitations;
using Hearth.Core.Spaces;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Features.Email;
using Hearth.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Invitations;

/// <summary>Invitations: one live link per space, single use, seven days, bound to space and inviter.</summary>
public sealed class InvitationService(
    HearthDbContext db,
    CurrentMember current,
    SpaceScope scope,
    InvitationTokens tokens,
    IMailer mailer,
    Emails emails,
    TimeProvider clock,
    AttemptCounters counters,
    Microsoft.Extensions.Options.IOptions<Hosting.HearthOptions> options,
    IStringLocalizer<InvitationsText> text)
{
    private string NotValidMessage => text["NotValid"];

    /// <summary>Core's reason a link cannot be used, in the member's language (InvitationsText, Problem&lt;Name&gt;).</summary>
    private string Explain(InvitationProblem problem) => problem switch
    {
        InvitationProblem.TooManySpaces => text["ProblemTooManySpaces", SpaceRules.MaxOpenSpacesPerPerson],
        _ when Enum.IsDefined(problem) => text[$"Problem{problem}"],
        _ => text["ProblemOther"],
    };

    /// <summary>Creates a new link for a space waiting for its second person; any earlier link stops working.</summary>
    public async Task<Outcome<InvitationCreated>> CreateAsync(Guid spaceId, CreateInvitationInput input, string baseUrl, CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        var errors = new FieldErrors();
        var email = input.Email?.Trim();
        if (!string.IsNullOrEmpty(email) && (!Limits.EmailFits(email) || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            errors.Add("email", text["EmailMalformed"]);
        }

        if (errors.Any)
        {
            return errors.ToOutcome<InvitationCreated>();
        }

        // Query filters: a space the person is not an active member of is simply not there.
        var space = await LoadSnapshotAsync(spaceId, ct);
        if (space is null || !SpaceRules.CanUse(space, me))
        {
            return Outcome<InvitationCreated>.NotFound();
        }

        if (!SpaceRules.CanInvite(space, me))
        {
            return Outcome<InvitationCreated>.Refused(409, "Space is full", text["SpaceFull"]);
        }

        var now = clock.GetUtcNow();

        // E-mails are budgeted per account and day: taken before anything changes,
        // in one atomic statement, so even many requests at once send no more than the budget.
        if (!string.IsNullOrEmpty(email)
            && !await counters.TryTakeAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"m:{me:N}:{now.UtcDateTime:yyyyMMdd}"), options.Value.Invitations.EmailsPerDay, ct))
        {
            var tomorrow = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
            return Outcome<InvitationCreated>.Refused(
                429,
                "That's today's invitation e-mails",
                text["EmailsUsedUp"],
                tomorrow - now);
        }

        // Under the space's lock (ADR 55): of links made at the same moment, the last one is the only live one.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RowLock.SpaceAsync(db, spaceId, ct);

        // Again under the lock: the space may have closed, or filled, since it was read above.
        var inSpace = await db.Spaces.IgnoreQueryFilters()
            .Where(s => s.Id == spaceId)
            .Select(s => new { Closed = s.ClosedAt != null, Mine = s.Memberships.Any(m => m.UserId == me && m.LeftAt == null), Members = s.Memberships.Count(m => m.LeftAt == null) })
            .FirstAsync(ct);
        if (inSpace.Closed || !inSpace.Mine)
        {
            return Outcome<InvitationCreated>.NotFound();
        }

        if (inSpace.Members >= SpaceRules.MaxMembers)
        {
            return Outcome<InvitationCreated>.Refused(409, "Space is full", text["SpaceFull"]);
        }

        await db.Invitations
            .Where(i => i.SpaceId == spaceId && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), ct);
        var invitation = new Invitation
        {
            Id = Guid.CreateVersion7(),
            SpaceId = spaceId,
            InviterUserId = me,
            CreatedAt = now,
            ExpiresAt = InvitationRules.ExpiryFor(now),
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        var url = $"{baseUrl.TrimEnd('/')}/join/{tokens.Create(new InvitationTokenClaims(invitation.Id, spaceId, me))}";
        var emailed = false;
        if (!string.IsNullOrEmpty(email))
        {
            // Discreet: the subject and text say nothing about the relationship or the inviter.
            await mailer.SendAsync(emails.Invitation(email, url), ct);
            emailed = true;
        }

        return Outcome<InvitationCreated>.Ok(new InvitationCreated(url, invitation.ExpiresAt, emailed));
    }

    /// <summary>Withdraws the live link of a space, if any.</summary>
    public async Task<Outcome<Done>> RevokeAsync(Guid spaceId, CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        var space = await LoadSnapshotAsync(spaceId, ct);
        if (space is null || !SpaceRules.CanUse(space, me))
        {
            return Outcome<Done>.NotFound();
        }

        var now = clock.GetUtcNow();
        await db.Invitations
            .Where(i => i.SpaceId == spaceId && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), ct);
        return Outcome<Done>.Ok(default);
    }

    public async Task<Outcome<InvitationPreview>> PreviewAsync(string? token, CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        var found = await FindAsync(token, ct);
        if (found is null)
        {
            return Outcome<InvitationPreview>.Refused(400, "Link not valid", NotValidMessage);
        }

        var (invitation, space, kind, inviterName) = found.Value;
        var problem = InvitationRules.Check(Snapshot(invitation), space, me, await OpenSpaceCountAsync(me, ct), clock.GetUtcNow());
        return Outcome<InvitationPreview>.Ok(problem == InvitationProblem.None
            ? new InvitationPreview(true, text["Invited", inviterName], inviterName, kind.WireName())
            : new InvitationPreview(false, Explain(problem), null, null));
    }

    /// <summary>
    /// Whether a link could still be used, for someone not signed in: a yes or a no and nothing more,
    /// so a stranger holding a dead link learns nothing about the space, the inviter or why.
    /// </summary>
    public async Task<bool> IsUsableAsync(string? token, CancellationToken ct = default)
    {
        var found = await FindAsync(token, ct);
        if (found is null)
        {
            return false;
        }

        var (invitation, space, _, _) = found.Value;
        return invitation.AcceptedAt is null && invitation.RevokedAt is null && invitation.ExpiresAt > clock.GetUtcNow()
            && !space.IsClosed && space.ActiveMemberIds.Count < SpaceRules.MaxMembers;
    }

    /// <summary>Whether the signed-in caller is a counsellor, who has no space of their own and so joins none.</summary>
    public Task<bool> CallerIsCounsellorAsync(CancellationToken ct = default) =>
        Counsellors.CounsellorRole.HasAsync(db, current.RequireUserId(), ct);

    /// <summary>Joins the space named by the link. Single use even under concurrent clicks.</summary>
    public async Task<Outcome<InvitationAccepted>> AcceptAsync(AcceptInvitationInput input, CancellationToken ct = default)
    {
        var me = current.RequireUserId();

        // Everything below reads and writes under the account's lock (ADR 55): a code redeemed or
        // another space joined or started at the same moment cannot slip past these checks.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RowLock.AccountAsync(db, me, ct);

        // A counsellor has no space of their own (ADR 46, ADR 50 §3): the link stays unused.
        if (await Counsellors.CounsellorRole.HasAsync(db, me, ct))
        {
            return Outcome<InvitationAccepted>.Refused(409, text["CounsellorNoJoinTitle"], text["CounsellorNoJoinDetail"]);
        }

        var found = await FindAsync(input.Token, ct);
        if (found is null)
        {
            return Outcome<InvitationAccepted>.Refused(400, "Link not valid", NotValidMessage);
        }

        var (invitation, space, _, _) = found.Value;
        var now = clock.GetUtcNow();
        var problem = InvitationRules.Check(Snapshot(invitation), space, me, await OpenSpaceCountAsync(me, ct), now);
        if (problem != InvitationProblem.None)
        {
            var status = problem is InvitationProblem.Expired or InvitationProblem.AlreadyUsed or InvitationProblem.Revoked or InvitationProblem.SpaceClosed ? 410 : 409;
            return Outcome<InvitationAccepted>.Refused(status, "Invitation can't be used", Explain(problem));
        }

        // The space's lock (ADR 55), before the invitation's row as everywhere: two people accepting
        // two links of one space at once take turns, and the second finds it full (or closed, if it
        // closed meanwhile).
        await RowLock.SpaceAsync(db, invitation.SpaceId, ct);

        // Claim the invitation atomically: of two concurrent accepts only one updates the row.
        var claimed = await db.Invitations.IgnoreQueryFilters()
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedByUserId, me), ct);
        var inSpace = await db.Spaces.IgnoreQueryFilters()
            .Where(s => s.Id == invitation.SpaceId)
            .Select(s => new { Closed = s.ClosedAt != null, Members = s.Memberships.Count(m => m.LeftAt == null) })
            .FirstAsync(ct);
        if (claimed != 1 || inSpace.Closed || inSpace.Members >= SpaceRules.MaxMembers)
        {
            await tx.RollbackAsync(ct);
            return Outcome<InvitationAccepted>.Refused(410, "Invitation can't be used", Explain(InvitationProblem.AlreadyUsed));
        }

        db.Memberships.Add(new Membership { Id = Guid.CreateVersion7(), SpaceId = invitation.SpaceId, UserId = me, JoinedAt = now });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await scope.ReloadAsync(db, me, ct);
        return Outcome<InvitationAccepted>.Ok(new InvitationAccepted(invitation.SpaceId));
    }

    /// <summary>
    /// Reads the token and the rows it names. The holder is not a member yet, so this looks past the
    /// query filters, but only at the one invitation the signed token names, and only if the space
    /// and inviter in the token match the row.
    /// </summary>
    private async Task<(Invitation Invitation, SpaceSnapshot Space, RelationshipKind Kind, string InviterName)?> FindAsync(string? token, CancellationToken ct)
    {
        if (!tokens.TryRead(token, out var claims))
        {
            return null;
        }

        var invitation = await db.Invitations.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(i => i.Id == claims.InvitationId, ct);
        if (invitation is null || invitation.SpaceId != claims.SpaceId || invitation.InviterUserId != claims.InviterId)
        {
            return null;
        }

        var space = await db.Spaces.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Id == invitation.SpaceId)
            .Select(s => new
            {
                s.Kind,
                s.ClosedAt,
                Members = s.Memberships.Where(m => m.LeftAt == null).Select(m => m.UserId).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (space is null)
        {
            return null;
        }

        var inviterName = await db.Users.Where(u => u.Id == invitation.InviterUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? text["Someone"];
        return (invitation, new SpaceSnapshot(space.ClosedAt is not null, space.Members), space.Kind, inviterName);
    }

    private async Task<SpaceSnapshot?> LoadSnapshotAsync(Guid spaceId, CancellationToken ct)
    {
        var space = await db.Spaces.AsNoTracking()
            .Where(s => s.Id == spaceId)
            .Select(s => new { s.ClosedAt, Members = s.Memberships.Where(m => m.LeftAt == null).Select(m => m.UserId).ToList() })
            .FirstOrDefaultAsync(ct);
        return space is null ? null : new SpaceSnapshot(space.ClosedAt is not null, space.Members);
    }

    private Task<int> OpenSpaceCountAsync(Guid userId, CancellationToken ct) =>
        db.Memberships.IgnoreQueryFilters().CountAsync(m => m.UserId == userId && m.LeftAt == null && m.Space!.ClosedAt == null, ct);

    private static InvitationSnapshot Snapshot(Invitation i) =>
        new(i.SpaceId, i.InviterUserId, i.CreatedAt, i.ExpiresAt, i.AcceptedAt, i.RevokedAt);
}

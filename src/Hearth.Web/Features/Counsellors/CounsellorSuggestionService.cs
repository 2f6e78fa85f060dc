using System.Globalization;
using Hearth.Core.Practices;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Hosting;
using Hearth.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Features.Counsellors;

/// <summary>
/// A practice the counsellor suggests (ADR 50 §1), the counsellor's only write into a pair's space:
/// a practice of the catalogue that fits the pair, and an optional note in the counsellor's own
/// words. The counsellor writes only while the access is active (the sheet's checks, to the same
/// missing-id answer); both members read it as "from your counsellor", also after the access ended,
/// and each puts it away for themselves.
/// </summary>
public sealed class CounsellorSuggestionService(
    HearthDbContext db,
    CounsellorViewService view,
    PairSpaces pairs,
    CurrentMember current,
    TimeProvider clock,
    FieldCipher cipher,
    IOptions<HearthOptions> options,
    IStringLocalizer<CounsellorsText> text)
{
    /// <summary>The counsellor suggests a practice to the pair of <paramref name="grantId"/>.</summary>
    public async Task<Outcome<CounsellorSuggestionView>> SuggestAsync(Guid grantId, SuggestPracticeInput input, CancellationToken ct = default)
    {
        var grant = (await view.ActiveAsync(grantId, ct))?.FirstOrDefault();
        if (grant is null || current.UserId is not { } me)
        {
            return Outcome<CounsellorSuggestionView>.NotFound();
        }

        var errors = new FieldErrors();
        var id = input.PracticeId?.Trim() ?? "";
        string? practiceId = null;
        if (id.Length == 0)
        {
            errors.Add("practiceId", text["SuggestPracticeMissing"]);
        }
        else if (!PracticeCatalog.Default.TryGet(id, out _) || (practiceId = PracticeSuggestions.Adapt(id, grant.Kind, grant.LivingApart)) is null)
        {
            errors.Add("practiceId", text["SuggestPracticeUnfit"]);
        }

        var note = DailyText.Clean(input.Note, CounsellorRules.MaxNoteLength, "note", errors, "", required: false);
        if (errors.Any)
        {
            return errors.ToOutcome<CounsellorSuggestionView>();
        }

        var now = clock.GetUtcNow();
        var row = new CounsellorSuggestion { Id = Guid.CreateVersion7(), GrantId = grant.Id, SpaceId = grant.SpaceId, CounsellorUserId = me, PracticeId = practiceId!, SuggestedAt = now };
        if (note is not null)
        {
            row.NoteCiphertext = await cipher.EncryptAsync(note, Context(row), ct);
        }

        // The limit holds for requests at once too: the no-op update takes the grant's row lock
        // (PostgreSQL) or the database's write lock (SQLite) before counting, so a second request
        // counts after the first one's row is in.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Set<CounsellorGrant>().IgnoreQueryFilters().Where(g => g.Id == grant.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.CreatedAt, g => g.CreatedAt), ct);
        var open = await db.Set<CounsellorSuggestion>().IgnoreQueryFilters()
            .CountAsync(x => x.GrantId == grant.Id && db.Set<CounsellorSuggestionDismissal>().IgnoreQueryFilters().Count(d => d.SuggestionId == x.Id) < 2, ct);
        if (open >= CounsellorRules.MaxOpenSuggestions)
        {
            return Outcome<CounsellorSuggestionView>.Refused(409, text["SuggestFullTitle"], text["SuggestFullDetail", CounsellorRules.MaxOpenSuggestions]);
        }

        db.Add(row);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<CounsellorSuggestionView>.Ok(View(row, note, null));
    }

    /// <summary>The counsellor's own suggestions to this pair, newest first (the sheet shows them while the access is active).</summary>
    internal static async Task<IReadOnlyList<CounsellorSuggestionView>> OfGrantAsync(HearthDbContext db, FieldCipher cipher, Guid grantId, CancellationToken ct)
    {
        var rows = await db.Set<CounsellorSuggestion>().IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.GrantId == grantId)
            .OrderByDescending(x => x.SuggestedAt).ThenByDescending(x => x.Id)
            .ToListAsync(ct);
        var result = new List<CounsellorSuggestionView>();
        foreach (var row in rows)
        {
            result.Add(View(row, await cipher.DecryptAsync(row.NoteCiphertext, Context(row), ct), null));
        }

        return result;
    }

    /// <summary>The practices a counsellor may suggest to a pair of this kind (adapted to living apart), in the request's language.</summary>
    internal static IReadOnlyList<CounsellorPracticeOption> Options(Hearth.Core.Spaces.RelationshipKind kind, bool livingApart)
    {
        var translated = PracticeCatalog.For(CultureInfo.CurrentUICulture.Name);
        return PracticeSuggestions.ForPair(PracticeCatalog.Default.Practices.Select(p => p.Id), kind, livingApart)
            .Select(id => new CounsellorPracticeOption(id, translated.TryGet(id, out var p) ? p.Title : id))
            .ToList();
    }

    /// <summary>For a member: what the space's counsellors suggested that they have not put away, newest first.</summary>
    public async Task<Outcome<IReadOnlyList<CounsellorSuggestionView>>> ForMemberAsync(Guid spaceId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        return pair is null
            ? Outcome<IReadOnlyList<CounsellorSuggestionView>>.NotFound()
            : Outcome<IReadOnlyList<CounsellorSuggestionView>>.Ok(await OpenForAsync(spaceId, pair.Me, ct));
    }

    /// <summary>The same, for pages outside practice mode's own folder (the practices page): nothing at all when practice mode is off.</summary>
    public async Task<IReadOnlyList<CounsellorSuggestionView>> ShownOnPageAsync(Guid spaceId, CancellationToken ct = default)
    {
        if (!options.Value.Practice.Enabled || current.UserId is not { } me)
        {
            return [];
        }

        return await OpenForAsync(spaceId, me, ct);
    }

    /// <summary>A member puts a suggestion away, for themselves only.</summary>
    public async Task<Outcome<Done>> DismissAsync(Guid spaceId, Guid suggestionId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null || !await db.Set<CounsellorSuggestion>().AnyAsync(x => x.Id == suggestionId && x.SpaceId == spaceId, ct))
        {
            return Outcome<Done>.NotFound();
        }

        if (!await db.Set<CounsellorSuggestionDismissal>().AnyAsync(d => d.SuggestionId == suggestionId && d.UserId == pair.Me, ct))
        {
            // The same member's other request may have put it away a moment ago: it is away, which is what they asked.
            await RaceSafeWrites.AddOnceAsync(db, new CounsellorSuggestionDismissal { Id = Guid.CreateVersion7(), SuggestionId = suggestionId, SpaceId = spaceId, UserId = pair.Me, DismissedAt = clock.GetUtcNow() }, ct);
        }

        return Outcome<Done>.Ok(default);
    }

    private async Task<IReadOnlyList<CounsellorSuggestionView>> OpenForAsync(Guid spaceId, Guid me, CancellationToken ct)
    {
        // Read through the space filter: the caller is a member of this space (checked by the caller of this method).
        var rows = await db.Set<CounsellorSuggestion>().AsNoTracking()
            .Where(x => x.SpaceId == spaceId && !db.Set<CounsellorSuggestionDismissal>().Any(d => d.SuggestionId == x.Id && d.UserId == me))
            .OrderByDescending(x => x.SuggestedAt).ThenByDescending(x => x.Id)
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var counsellorIds = rows.Select(r => r.CounsellorUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => counsellorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var result = new List<CounsellorSuggestionView>();
        foreach (var row in rows)
        {
            result.Add(View(row, await cipher.DecryptAsync(row.NoteCiphertext, Context(row), ct), names.GetValueOrDefault(row.CounsellorUserId)));
        }

        return result;
    }

    internal static CipherContext Context(CounsellorSuggestion row) => new(CounsellorSuggestion.Table, "Note", row.Id, row.CounsellorUserId);

    private static CounsellorSuggestionView View(CounsellorSuggestion row, string? note, string? counsellorName)
    {
        var translated = PracticeCatalog.For(CultureInfo.CurrentUICulture.Name);
        translated.TryGet(row.PracticeId, out var practice);
        return new CounsellorSuggestionView(row.Id, row.PracticeId, practice?.Title ?? row.PracticeId, practice?.HowTo ?? "", practice?.Minutes ?? 0, note, counsellorName, row.SuggestedAt);
    }
}

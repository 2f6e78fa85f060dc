using System.Text.Json;
using Hearth.Web.Data;
using Hearth.Web.Data.Export;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Features.Counsellors;

/// <summary>Your consent to a counsellor in this space: who, what you allowed (scopes), for how many days, and how the invitation went.</summary>
public sealed record CounsellorGrantItem(string? CounsellorEmail, DateTimeOffset InvitedAt, DateTimeOffset? StartedAt, DateTimeOffset? EndsAt, DateTimeOffset? EndedAt, IReadOnlyList<string> Scopes, int Days, DateTimeOffset ConsentedAt);

/// <summary>The other member's consent to the same counsellor (both of you always saw both).</summary>
public sealed record SharedCounsellorConsentItem(string? CounsellorEmail, IReadOnlyList<string> Scopes, int Days, DateTimeOffset ConsentedAt);

/// <summary>One look of a counsellor at the pair's sheet (both of you read these on the space's counsellor page).</summary>
public sealed record CounsellorLookItem(string? CounsellorEmail, DateTimeOffset At, IReadOnlyList<string> Scopes);

/// <summary>
/// Counsellor consents (ADR 46, ADR 49): space data. Yours are "mine", the other member's are shared
/// with you. Import reads and checks them but brings none back: a grant names a counsellor's account
/// on this Hearth, and consent is given anew.
/// </summary>
public sealed class CounsellorGrantData(HearthDbContext db) : IExportOnlyKind
{
    public string Name => "counsellorGrants";

    public KindDisplay Display { get; } = new("Your consents to a counsellor", "Their consents to a counsellor");

    public async Task<KindExport> ExportAsync(MemberSpace space, CancellationToken ct)
    {
        var grants = await db.Set<CounsellorGrant>().IgnoreQueryFilters().AsNoTracking().Where(g => g.SpaceId == space.SpaceId).ToListAsync(ct);
        var ids = grants.Select(g => g.Id).ToList();
        var consents = await db.Set<CounsellorConsent>().IgnoreQueryFilters().AsNoTracking().Where(c => c.SpaceId == space.SpaceId && ids.Contains(c.GrantId)).ToListAsync(ct);
        var emails = await CounsellorEmails.ReadAsync(db, grants.Select(g => g.CounsellorUserId), ct);
        var byId = grants.ToDictionary(g => g.Id);
        var mine = consents.Where(c => c.UserId == space.Me).Select(c =>
        {
            var g = byId[c.GrantId];
            return new CounsellorGrantItem(emails.GetValueOrDefault(g.CounsellorUserId), ExportJson.Instant(g.CreatedAt), ExportJson.Instant(g.ActivatedAt), ExportJson.Instant(g.ExpiresAt), ExportJson.Instant(g.EndedAt), CounsellorScopeNames.Names(c.Scopes), c.Days, ExportJson.Instant(c.ConsentedAt));
        });
        var shared = consents.Where(c => c.UserId != space.Me).Select(c =>
            new SharedCounsellorConsentItem(emails.GetValueOrDefault(byId[c.GrantId].CounsellorUserId), CounsellorScopeNames.Names(c.Scopes), c.Days, ExportJson.Instant(c.ConsentedAt)));
        return KindExport.Of(mine, shared);
    }

    public ImportWriter? PrepareImport(JsonElement mine, string path, FieldErrors errors) =>
        ExportJson.ReadList<CounsellorGrantItem>(mine, path, errors) is null ? null : (_, _) => Task.CompletedTask;

    /// <summary>Your consents go; the other member's stay theirs (the space closes, so no grant gives anything any more).</summary>
    public Task EraseAsync(Guid userId, CancellationToken ct) =>
        db.Set<CounsellorConsent>().IgnoreQueryFilters().Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
}

/// <summary>The access log of the space's counsellors: every look, which both members read. Not imported (it happened on this Hearth).</summary>
public sealed class CounsellorLookData(HearthDbContext db) : IExportOnlyKind
{
    public string Name => "counsellorLooks";

    public KindDisplay Display { get; } = new("When a counsellor looked");

    public async Task<KindExport> ExportAsync(MemberSpace space, CancellationToken ct)
    {
        var looks = await db.Set<CounsellorLook>().IgnoreQueryFilters().AsNoTracking().Where(l => l.SpaceId == space.SpaceId).ToListAsync(ct);
        var grantIds = looks.Select(l => l.GrantId).Distinct().ToList();
        var counsellors = await db.Set<CounsellorGrant>().IgnoreQueryFilters().AsNoTracking().Where(g => grantIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.CounsellorUserId, ct);
        var emails = await CounsellorEmails.ReadAsync(db, counsellors.Values, ct);
        var mine = looks.Select(l => new CounsellorLookItem(emails.GetValueOrDefault(counsellors.GetValueOrDefault(l.GrantId)), ExportJson.Instant(l.At), CounsellorScopeNames.Names(l.Scopes)));
        return KindExport.Of<CounsellorLookItem, CounsellorLookItem>(mine, null);
    }

    public ImportWriter? PrepareImport(JsonElement mine, string path, FieldErrors errors) =>
        ExportJson.ReadList<CounsellorLookItem>(mine, path, errors) is null ? null : (_, _) => Task.CompletedTask;

    /// <summary>Looks are the space's, not authored by a member: they go with the space when nobody else was ever in it.</summary>
    public Task EraseAsync(Guid userId, CancellationToken ct) => Task.CompletedTask;
}

internal static class CounsellorEmails
{
    public static async Task<Dictionary<Guid, string?>> ReadAsync(HearthDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
    }
}

/// <summary>A practice a counsellor suggested to you both, their note, and when you put it away (null: you have not).</summary>
public sealed record CounsellorSuggestionItem(string? CounsellorEmail, string PracticeId, string? Note, DateTimeOffset SuggestedAt, DateTimeOffset? DismissedAt);

/// <summary>
/// What a counsellor suggested to the pair (ADR 50 §1), with the counsellor's note and your own
/// "put away": the pair's data, under "mine" for each member like the access log. Not imported (it
/// names a counsellor of this Hearth).
/// </summary>
public sealed class CounsellorSuggestionData(HearthDbContext db, Hearth.Web.Data.Encryption.FieldCipher cipher) : IExportOnlyKind
{
    public string Name => "counsellorSuggestions";

    public KindDisplay Display { get; } = new("What a counsellor suggested");

    public async Task<KindExport> ExportAsync(MemberSpace space, CancellationToken ct)
    {
        var rows = await db.Set<CounsellorSuggestion>().IgnoreQueryFilters().AsNoTracking().Where(x => x.SpaceId == space.SpaceId).OrderBy(x => x.SuggestedAt).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var dismissed = await db.Set<CounsellorSuggestionDismissal>().IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.UserId == space.Me && ids.Contains(d.SuggestionId))
            .ToDictionaryAsync(d => d.SuggestionId, d => d.DismissedAt, ct);
        var emails = await CounsellorEmails.ReadAsync(db, rows.Select(r => r.CounsellorUserId), ct);
        var mine = new List<CounsellorSuggestionItem>();
        foreach (var row in rows)
        {
            var note = await cipher.DecryptAsync(row.NoteCiphertext, CounsellorSuggestionService.Context(row), ct);
            mine.Add(new CounsellorSuggestionItem(emails.GetValueOrDefault(row.CounsellorUserId), row.PracticeId, note, ExportJson.Instant(row.SuggestedAt), dismissed.TryGetValue(row.Id, out var at) ? ExportJson.Instant(at) : null));
        }

        return KindExport.Of<CounsellorSuggestionItem, CounsellorSuggestionItem>(mine, null);
    }

    public ImportWriter? PrepareImport(JsonElement mine, string path, FieldErrors errors) =>
        ExportJson.ReadList<CounsellorSuggestionItem>(mine, path, errors) is null ? null : (_, _) => Task.CompletedTask;

    /// <summary>Your "put away" goes with your account (cascade); the suggestions are the space's and go with it.</summary>
    public Task EraseAsync(Guid userId, CancellationToken ct) =>
        db.Set<CounsellorSuggestionDismissal>().IgnoreQueryFilters().Where(d => d.UserId == userId).ExecuteDeleteAsync(ct);
}

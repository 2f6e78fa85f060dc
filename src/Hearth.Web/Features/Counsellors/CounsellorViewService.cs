using System.Globalization;
using Hearth.Core.Assessments;
using Hearth.Core.CheckIns;
using Hearth.Core.Debriefs;
using Hearth.Core.Dimensions;
using Hearth.Core.Practices;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Features.Assessments;
using Hearth.Web.Features.CheckIns;
using Hearth.Web.Features.Debriefs;
using Hearth.Web.Features.Rituals;
using Hearth.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Counsellors;

/// <summary>
/// The counsellor's side (ADR 46): the pairs whose access is active now, and each pair's read-only
/// sheet with only the scopes both members allowed. Every request checks, from the database: the
/// caller holds the counsellor role; the grant is theirs, both members consented, it has not ended
/// or expired; the space is open and both who consented are still in it. Anything else is the
/// missing-id answer. A counsellor is no member, so this reads past the space filter, always for
/// one space id that passed those checks, and only rows both members already share.
/// </summary>
public sealed class CounsellorViewService(
    HearthDbContext db,
    CurrentMember current,
    TimeProvider clock,
    FieldCipher cipher,
    CounsellorShelf shelf,
    SpaceScope scope,
    PairSpaces pairs,
    Hearth.Web.Features.Insights.InsightService insights,
    IStringLocalizer<CounsellorsText> text,
    IStringLocalizer<AssessmentsText> assessmentText)
{
    /// <summary>How many weeks both checked in the sheet shows, newest first.</summary>
    public const int WeeksShown = 12;

    private static readonly CheckInMeasure[] Measures =
        [.. CheckInMeasures.Definitions.OrderBy(d => d.ChartOrder).Select(d => d.Measure)];

    internal sealed record ActiveGrant(Guid Id, Guid SpaceId, Hearth.Core.Spaces.RelationshipKind Kind, bool LivingApart, IReadOnlyList<(Guid UserId, string Name)> Members, CounsellorScopes Scopes, DateTimeOffset ExpiresAt);

    public async Task<Outcome<IReadOnlyList<CounsellorPairView>>> ListAsync(CancellationToken ct = default)
    {
        var grants = await ActiveAsync(null, ct);
        if (grants is null)
        {
            return Outcome<IReadOnlyList<CounsellorPairView>>.NotFound();
        }

        var ids = grants.Select(g => g.Id).ToList();
        var visits = await db.Set<CounsellorLook>().IgnoreQueryFilters().AsNoTracking()
            .Where(l => ids.Contains(l.GrantId))
            .GroupBy(l => l.GrantId)
            .Select(g => new { g.Key, Last = g.Max(l => l.At) })
            .ToListAsync(ct);
        return Outcome<IReadOnlyList<CounsellorPairView>>.Ok(grants
            .OrderBy(g => g.Members[0].Name, StringComparer.CurrentCulture)
            .Select(g => new CounsellorPairView(g.Id, g.Members.Select(m => m.Name).ToList(), CounsellorScopeNames.Names(g.Scopes), g.ExpiresAt, visits.FirstOrDefault(v => v.Key == g.Id)?.Last))
            .ToList());
    }

    /// <summary>The sheet of one pair; the look is written to the pair's access log.</summary>
    public async Task<Outcome<CounsellorSheetView>> SheetAsync(Guid grantId, CancellationToken ct = default)
    {
        var grant = (await ActiveAsync(grantId, ct))?.FirstOrDefault();
        if (grant is null)
        {
            return Outcome<CounsellorSheetView>.NotFound();
        }

        var now = clock.GetUtcNow();
        var lastVisit = await db.Set<CounsellorLook>().IgnoreQueryFilters().AsNoTracking()
            .Where(l => l.GrantId == grant.Id)
            .OrderByDescending(l => l.At)
            .Select(l => (DateTimeOffset?)l.At)
            .FirstOrDefaultAsync(ct);

        var a = grant.Members[0].UserId;
        var b = grant.Members[1].UserId;
        var rounds = (grant.Scopes & CounsellorScopes.Map) != 0 ? await RoundsAsync(grant.SpaceId, a, b, ct) : null;
        var weeks = (grant.Scopes & CounsellorScopes.Trends) != 0 ? await WeeksAsync(grant.SpaceId, a, b, ct) : null;
        List<CounsellorSavedView>? saved = null;
        var newSaved = 0;
        if ((grant.Scopes & CounsellorScopes.Saved) != 0)
        {
            saved = (await shelf.ForSpaceAsync(grant.SpaceId, ct)).Select(i => new CounsellorSavedView(i.ItemId, SavedText(i.ItemId), i.SavedByBoth)).ToList();
            if (lastVisit is { } since)
            {
                newSaved = await db.Set<DebriefSavedItem>().IgnoreQueryFilters().AsNoTracking()
                    .Where(x => x.SpaceId == grant.SpaceId && x.SavedAt > since)
                    .Select(x => x.ItemId).Distinct().CountAsync(ct);
            }
            else
            {
                newSaved = saved.Count;
            }
        }

        var shared = (grant.Scopes & CounsellorScopes.Insights) != 0 ? await InsightsAsync(grant, ct) : null;

        var changes = new CounsellorChangesView(
            lastVisit,
            rounds?.Rows.Count(r => lastVisit is null || r.Seen > lastVisit) ?? 0,
            weeks?.Rows.Count(w => lastVisit is null || w.Seen > lastVisit) ?? 0,
            newSaved);

        db.Add(new CounsellorLook { Id = Guid.CreateVersion7(), GrantId = grant.Id, SpaceId = grant.SpaceId, At = now, Scopes = grant.Scopes });
        await db.SaveChangesAsync(ct);

        return Outcome<CounsellorSheetView>.Ok(new CounsellorSheetView(
            grant.Id,
            grant.Members.Select(m => m.Name).ToList(),
            CounsellorScopeNames.Names(grant.Scopes),
            grant.ExpiresAt,
            changes,
            rounds?.Rows.Select(r => r.View).ToList(),
            weeks?.Rows.Select(w => w.View).ToList(),
            saved,
            shared,
            await CounsellorSuggestionService.OfGrantAsync(db, cipher, grant.Id, ct),
            CounsellorSuggestionService.Options(grant.Kind, grant.LivingApart)));
    }

    /// <summary>The caller's active grants (one, with <paramref name="grantId"/>); null when the caller is not a counsellor.</summary>
    internal async Task<List<ActiveGrant>?> ActiveAsync(Guid? grantId, CancellationToken ct)
    {
        if (current.UserId is not { } me || !await CounsellorRole.HasAsync(db, me, ct))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var grants = await db.Set<CounsellorGrant>().IgnoreQueryFilters().AsNoTracking()
            .Where(g => g.CounsellorUserId == me && g.EndedAt == null && g.ActivatedAt != null && g.ExpiresAt > now)
            .Where(g => grantId == null || g.Id == grantId)
            .ToListAsync(ct);
        if (grants.Count == 0)
        {
            return [];
        }

        var grantIds = grants.Select(g => g.Id).ToList();
        var spaceIds = grants.Select(g => g.SpaceId).ToList();
        var spaces = await db.Spaces.IgnoreQueryFilters().AsNoTracking()
            .Where(s => spaceIds.Contains(s.Id) && s.ClosedAt == null)
            .Select(s => new
            {
                s.Id,
                s.Kind,
                LivingApart = db.Set<SpaceSettings>().IgnoreQueryFilters().Where(x => x.SpaceId == s.Id).Select(x => (bool?)x.LivingApart).FirstOrDefault() ?? false,
                Members = s.Memberships.Where(m => m.LeftAt == null).OrderBy(m => m.JoinedAt).ThenBy(m => m.Id).Select(m => new { m.UserId, m.User!.DisplayName }).ToList(),
            })
            .ToListAsync(ct);
        var consents = await db.Set<CounsellorConsent>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => grantIds.Contains(c.GrantId))
            .ToListAsync(ct);

        var active = new List<ActiveGrant>();
        foreach (var grant in grants)
        {
            var space = spaces.FirstOrDefault(s => s.Id == grant.SpaceId);
            if (space is null || space.Members.Count != 2)
            {
                continue;
            }

            var mine = consents.Where(c => c.GrantId == grant.Id).ToList();
            if (!space.Members.All(m => mine.Any(c => c.UserId == m.UserId)))
            {
                continue;
            }

            var scopes = mine.Where(c => space.Members.Any(m => m.UserId == c.UserId)).Aggregate((CounsellorScopes)~0, (s, c) => s & c.Scopes);
            if (scopes == CounsellorScopes.None)
            {
                continue;
            }

            active.Add(new ActiveGrant(grant.Id, grant.SpaceId, space.Kind, space.LivingApart, space.Members.Select(m => (m.UserId, m.DisplayName)).ToList(), scopes, grant.ExpiresAt!.Value));
        }

        return active;
    }

    /// <summary>
    /// The insights both members see, computed by the members' own insight code over this one space
    /// (admitted to the request's space filter only while it runs, after every check of ActiveAsync),
    /// as the first member sees the space. Only its shared part runs (InsightService.BothSeeAsync).
    /// </summary>
    private async Task<List<CounsellorInsightView>> InsightsAsync(ActiveGrant grant, CancellationToken ct)
    {
        using (scope.Admit(grant.SpaceId))
        {
            var pair = await pairs.AsMemberAsync(grant.SpaceId, grant.Members[0].UserId, ct);
            if (pair is null)
            {
                return [];
            }

            return (await insights.BothSeeAsync(pair, ct))
                .Select(i => new CounsellorInsightView(i.Kind, i.Message, i.Why, i.Dimensions, i.Measures))
                .ToList();
        }
    }

    private sealed record Section<T>(List<(T View, DateTimeOffset Seen)> Rows);

    /// <summary>Every round both finished: each member's score of only the dimensions both shared in it (never importance, never the rest).</summary>
    private async Task<Section<CounsellorRoundView>> RoundsAsync(Guid spaceId, Guid a, Guid b, CancellationToken ct)
    {
        var finished = await db.Set<AssessmentResponse>().IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.SpaceId == spaceId && r.CompletedAt != null && (r.UserId == a || r.UserId == b))
            .OrderBy(r => r.Round)
            .ToListAsync(ct);
        var rows = new List<(CounsellorRoundView, DateTimeOffset)>();
        foreach (var first in finished.Where(r => r.UserId == a))
        {
            var second = finished.FirstOrDefault(r => r.UserId == b && r.Round == first.Round);
            if (second is null)
            {
                continue;
            }

            var shared = AssessmentDocument.Shared(first.SharedDimensions & second.SharedDimensions).ToList();
            var completed = first.CompletedAt!.Value > second.CompletedAt!.Value ? first.CompletedAt.Value : second.CompletedAt.Value;
            var dimensions = new List<CounsellorDimensionView>();
            if (shared.Count > 0)
            {
                var ra = AssessmentScorer.Score(AssessmentService.Content, new AssessmentAnswers(first.Kind, first.SexualOptIn, await cipher.ReadAnswersAsync(first, ct)));
                var rb = AssessmentScorer.Score(AssessmentService.Content, new AssessmentAnswers(second.Kind, second.SexualOptIn, await cipher.ReadAnswersAsync(second, ct)));
                dimensions = shared.Select(d => new CounsellorDimensionView(
                    d.WireName(),
                    assessmentText.Title(d),
                    [Round(ra.For(d).Experience.Percent), Round(rb.For(d).Experience.Percent)])).ToList();
            }

            rows.Add((new CounsellorRoundView(first.Round, completed, dimensions), completed));
        }

        rows.Reverse();
        return new Section<CounsellorRoundView>(rows);
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 0) : null;

    /// <summary>The weeks both checked in (the same stored week, as the reveal rule), newest first: each member's numbers, never the words.</summary>
    private async Task<Section<CounsellorWeekView>> WeeksAsync(Guid spaceId, Guid a, Guid b, CancellationToken ct)
    {
        var rows = await db.Set<WeeklyCheckIn>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.SpaceId == spaceId && (c.UserId == a || c.UserId == b))
            .OrderByDescending(c => c.Week).ThenBy(c => c.SubmittedAt)
            .ToListAsync(ct);
        var firsts = rows.Where(r => r.UserId == a).GroupBy(r => r.Week).Select(g => g.First()).ToList();
        var seconds = CheckInStorage.RevealedTo(firsts, rows.Where(r => r.UserId == b)).GroupBy(r => r.Week).ToDictionary(g => g.Key, g => g.First());
        var result = new List<(CounsellorWeekView, DateTimeOffset)>();
        foreach (var first in firsts.Where(f => seconds.ContainsKey(f.Week)).Take(WeeksShown))
        {
            var second = seconds[first.Week];
            var ra = await cipher.ReadAsync(first, ct);
            var rb = await cipher.ReadAsync(second, ct);
            var measures = Measures.Select(m => new CounsellorMeasureView(m.WireName(), text[$"Measure.{m.WireName()}"], [ra?.Value(m), rb?.Value(m)])).ToList();
            var seen = first.SubmittedAt > second.SubmittedAt ? first.SubmittedAt : second.SubmittedAt;
            result.Add((new CounsellorWeekView(Hearth.Web.Pair.DailyText.Iso(PairCalendar.ToLocalDate(first.Week)), measures), seen));
        }

        return new Section<CounsellorWeekView>(result);
    }

    /// <summary>A saved line or practice in the request's language; an id the content no longer has says so plainly.</summary>
    private string SavedText(string id)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        if (DebriefContent.For(culture).TryGet(id, out var line))
        {
            return line.Text;
        }

        return PracticeCatalog.For(culture).Practices.FirstOrDefault(p => p.Id == id) is { } practice ? practice.Title : text["SavedUnknown"];
    }
}

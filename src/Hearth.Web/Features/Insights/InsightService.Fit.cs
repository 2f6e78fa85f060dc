using Hearth.Web.Api;
using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Features.Insights;

/// <summary>
/// "This doesn't fit us" (ADR 41): a member sets an insight aside and it is hidden for them
/// alone; for a shared insight each member decides for themselves and nothing the other member
/// sees changes. Undo brings it back. The operator's only view is <see cref="InsightFitCount"/>:
/// counts per insight kind, no space, no member, no words.
/// </summary>
public sealed partial class InsightService
{
    /// <summary>The insights you set aside that Hearth would show you now.</summary>
    public async Task<Outcome<NotFittingView>> SetAsideAsync(Guid spaceId, CancellationToken ct = default)
    {
        var all = await InsightsAsync(spaceId, includeSetAside: true, ct);
        if (!all.IsOk)
        {
            return Outcome<NotFittingView>.NotFound();
        }

        var pair = (await pairs.OpenAsync(spaceId, ct))!;
        var mine = await SetAsideKeysAsync(pair, ct);
        return Outcome<NotFittingView>.Ok(new NotFittingView(all.Value!.Insights
            .Where(i => mine.Contains(i.Key))
            .Select(i => new SetAsideInsightView(i.Key, i.Kind, i.Message))
            .ToList()));
    }

    /// <summary>Marks one of the insights you see as not fitting (marking it again changes nothing).</summary>
    public async Task<Outcome<NotFittingView>> MarkNotFittingAsync(Guid spaceId, string key, CancellationToken ct = default)
    {
        var all = await InsightsAsync(spaceId, includeSetAside: true, ct);
        if (!all.IsOk)
        {
            return Outcome<NotFittingView>.NotFound();
        }

        var insight = all.Value!.Insights.FirstOrDefault(i => string.Equals(i.Key, key, StringComparison.Ordinal));
        if (insight is null)
        {
            return Outcome<NotFittingView>.Invalid("insight", text["NotFittingUnknown"]);
        }

        var pair = (await pairs.OpenAsync(spaceId, ct))!;
        var mine = await SetAsideKeysAsync(pair, ct);
        if (!mine.Contains(key))
        {
            // A double tap sets it aside (and counts it) once.
            if (await RaceSafeWrites.AddOnceAsync(db, new InsightNotFitting { Id = Guid.CreateVersion7(), SpaceId = spaceId, UserId = pair.Me, InsightKey = key, MarkedAt = clock.GetUtcNow() }, ct))
            {
                await CountAsync(InsightKeys.Wire(insight.Kind), +1, ct);
            }
        }

        return await SetAsideAsync(spaceId, ct);
    }

    /// <summary>Undo: the insight shows again for you (bringing back what was not set aside changes nothing).</summary>
    public async Task<Outcome<NotFittingView>> BringBackAsync(Guid spaceId, string key, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<NotFittingView>.NotFound();
        }

        var removed = await db.Set<InsightNotFitting>()
            .Where(x => x.SpaceId == spaceId && x.UserId == pair.Me && x.InsightKey == key)
            .ExecuteDeleteAsync(ct);
        if (removed > 0)
        {
            await CountAsync(key.Split('.')[0], -1, ct);
        }

        return await SetAsideAsync(spaceId, ct);
    }

    /// <summary>The operator's counts, kind by kind (ADR 41). Nothing else about "doesn't fit" leaves a member's own rows.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> CountsAsync(Hearth.Web.Data.HearthDbContext db, CancellationToken ct = default) =>
        await db.Set<InsightFitCount>().AsNoTracking().ToDictionaryAsync(c => c.Kind, c => c.NotFitting, StringComparer.Ordinal, ct);

    private async Task<InsightsView> WithoutSetAsideAsync(PairSpace pair, bool includeSetAside, InsightsView view, CancellationToken ct)
    {
        if (includeSetAside)
        {
            return view;
        }

        var mine = await SetAsideKeysAsync(pair, ct);
        if (mine.Count == 0)
        {
            return view;
        }

        var shown = view.Insights.Where(i => !mine.Contains(i.Key)).ToList();
        return view with
        {
            Insights = shown,
            PlanOffer = shown.Any(i => i.Kind == InsightViewKind.Fading) ? view.PlanOffer : null,
            ShowCounselling = view.ShowCounselling && shown.Any(i => i.Kind == InsightViewKind.Counselling),
        };
    }

    private async Task<HashSet<string>> SetAsideKeysAsync(PairSpace pair, CancellationToken ct) =>
        (await db.Set<InsightNotFitting>().AsNoTracking()
            .Where(x => x.SpaceId == pair.SpaceId && x.UserId == pair.Me)
            .Select(x => x.InsightKey)
            .ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    private async Task CountAsync(string kind, int change, CancellationToken ct)
    {
        var updated = await db.Set<InsightFitCount>().Where(c => c.Kind == kind)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.NotFitting, c => c.NotFitting + change < 0 ? 0 : c.NotFitting + change), ct);
        if (updated == 0 && change > 0)
        {
            // Someone else's request may have made this kind's row a moment ago: then add to it.
            if (!await RaceSafeWrites.AddOnceAsync(db, new InsightFitCount { Kind = kind, NotFitting = change }, ct))
            {
                await db.Set<InsightFitCount>().Where(c => c.Kind == kind).ExecuteUpdateAsync(u => u.SetProperty(c => c.NotFitting, c => c.NotFitting + change), ct);
            }
        }
    }
}

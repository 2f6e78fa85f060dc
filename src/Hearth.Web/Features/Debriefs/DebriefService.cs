using System.Globalization;
using Hearth.Core.Assessments;
using Hearth.Core.Debriefs;
using Hearth.Core.Dimensions;
using Hearth.Core.Practices;
using Hearth.Core.Prompts;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Debriefs;

/// <summary>
/// The debrief for two after the shared map (docs/product/assessment-and-insights.md, "The debrief").
/// It opens only once both finished the same round (the map's mutual reveal) and reads only the
/// dimensions both chose to share in it, never anyone's private importance answers. What a member
/// saves for a counsellor is theirs alone.
/// </summary>
public sealed class DebriefService(HearthDbContext db, PairSpaces pairs, AssessmentService assessments, TimeProvider clock, IStringLocalizer<DebriefsText> text, IStringLocalizer<AssessmentsText> assessmentText)
{
    public async Task<Outcome<DebriefView>> GetAsync(Guid spaceId, CancellationToken ct = default)
    {
        var built = await BuildAsync(spaceId, ct);
        if (built is null)
        {
            return Outcome<DebriefView>.NotFound();
        }

        var (pair, round, plan) = built.Value;
        if (round is null || plan is null)
        {
            return Outcome<DebriefView>.Ok(DebriefView.Waiting(pair.OtherId is null));
        }

        var saved = (await SavedIdsAsync(pair, ct)).ToHashSet(StringComparer.Ordinal);
        return Outcome<DebriefView>.Ok(View(pair, round.Value, plan, saved));
    }

    /// <summary>Saves one line or practice of the debrief for a counsellor (saving it again changes nothing).</summary>
    public async Task<Outcome<SavedForCounsellorView>> SaveAsync(Guid spaceId, string? itemId, CancellationToken ct = default)
    {
        var built = await BuildAsync(spaceId, ct);
        if (built is null)
        {
            return Outcome<SavedForCounsellorView>.NotFound();
        }

        var (pair, _, plan) = built.Value;
        if (plan is null)
        {
            return Outcome<SavedForCounsellorView>.Refused(409, text["NotOpenTitle"], text["NotOpenDetail"]);
        }

        if (string.IsNullOrWhiteSpace(itemId) || !plan.SaveableIds.Contains(itemId))
        {
            return Outcome<SavedForCounsellorView>.Invalid("itemId", text["NotInDebrief"]);
        }

        var mine = await SavedIdsAsync(pair, ct);
        if (!mine.Contains(itemId))
        {
            // A double tap saves it once; the other request's answer is the same list.
            await RaceSafeWrites.AddOnceAsync(db, new DebriefSavedItem { Id = Guid.CreateVersion7(), SpaceId = pair.SpaceId, UserId = pair.Me, ItemId = itemId, SavedAt = clock.GetUtcNow() }, ct);

            mine = [.. mine, itemId];
        }

        return Outcome<SavedForCounsellorView>.Ok(new SavedForCounsellorView(mine.Order(StringComparer.Ordinal).ToList()));
    }

    /// <summary>Takes an item off the caller's list (taking off what is not there changes nothing).</summary>
    public async Task<Outcome<SavedForCounsellorView>> UnsaveAsync(Guid spaceId, string itemId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<SavedForCounsellorView>.NotFound();
        }

        await db.Set<DebriefSavedItem>().Where(x => x.SpaceId == spaceId && x.UserId == pair.Me && x.ItemId == itemId).ExecuteDeleteAsync(ct);
        var mine = await SavedIdsAsync(pair, ct);
        return Outcome<SavedForCounsellorView>.Ok(new SavedForCounsellorView(mine.Order(StringComparer.Ordinal).ToList()));
    }

    private async Task<(PairSpace Pair, int? Round, DebriefPlan? Plan)?> BuildAsync(Guid spaceId, CancellationToken ct)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return null;
        }

        var history = await assessments.HistoryAsync(spaceId, ct);
        if (pair.OtherId is null || history is not { Shared.Count: > 0 })
        {
            return (pair, null, null);
        }

        var latest = history.Shared[^1];
        var map = ClosenessMap.Compare(latest.Mine, latest.Theirs, latest.Shared);
        var culture = CultureInfo.CurrentUICulture.Name;
        var plan = DebriefPlanner.Plan(DebriefPlanner.FromMap(map, latest.Mine, latest.Theirs), pair.Kind, pair.LivingApart, DebriefContent.For(culture), PracticeCatalog.For(culture));
        return (pair, latest.Round, plan);
    }

    private Task<List<string>> SavedIdsAsync(PairSpace pair, CancellationToken ct) =>
        db.Set<DebriefSavedItem>().AsNoTracking()
            .Where(x => x.SpaceId == pair.SpaceId && x.UserId == pair.Me)
            .Select(x => x.ItemId)
            .ToListAsync(ct);

    private DebriefView View(PairSpace pair, int round, DebriefPlan plan, HashSet<string> saved) => new(
        true,
        false,
        round,
        pair.OtherName,
        plan.Strengths.Select(s => new DebriefLineView(s.Id, s.Text, saved.Contains(s.Id))).ToList(),
        plan.Topics.Select(t => new DebriefTopicView(
            t.Dimension.WireName(),
            assessmentText.Title(t.Dimension),
            t.Reason == DebriefReason.Differ ? DebriefTopicReason.Differ : DebriefTopicReason.RoomForMore,
            text[t.Reason == DebriefReason.Differ ? "WhyDiffer" : "WhyRoomForMore", Percent(DebriefPlanner.RoomForMoreBelowPercent)],
            t.Questions.Select(q => new DebriefQuestionView(q.Id, Depth(q.Depth), q.Text, saved.Contains(q.Id))).ToList(),
            new DebriefLineView(t.Starter.Id, t.Starter.Text, saved.Contains(t.Starter.Id)),
            t.Practice is { } p ? new DebriefPracticeView(p.Id, p.Title, p.HowTo, p.Minutes, saved.Contains(p.Id)) : null)).ToList());

    private static string Percent(double value) => value.ToString("0", CultureInfo.CurrentCulture);

    private static DebriefDepth Depth(PromptDepth? depth) => depth switch
    {
        PromptDepth.Light => DebriefDepth.Light,
        PromptDepth.Medium => DebriefDepth.Medium,
        _ => DebriefDepth.Deep,
    };
}

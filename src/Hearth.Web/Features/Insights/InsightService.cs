using System.Globalization;
using Hearth.Core.Assessments;
using Hearth.Core.CheckIns;
using Hearth.Core.Dimensions;
using Hearth.Core.Insights;
using Hearth.Core.Practices;
using Hearth.Core.Rituals;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Features.Assessments;
using Hearth.Web.Features.CheckIns;
using Hearth.Web.Features.Daily;
using Hearth.Web.Features.Rituals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Hearth.Web.Features.Insights;

/// <summary>
/// Trends, insights and reconnect plans. A member's own trends read only their own answers; the
/// pair's trends read only weeks both checked in (revealed to both). Shared insights come only from
/// <see cref="SharedView"/> (revealed rounds, and the dimensions both shared in the latest assessment
/// round both finished); private insights only from the member's own data, and only for them.
/// No safety answer is an input anywhere: none is stored.
/// This part: the insights; the trends are in InsightService.Trends.cs, the reconnect plans in
/// InsightService.Plans.cs. Every sentence is in the request's language (CultureInfo.CurrentUICulture):
/// the insights' and the plan's from <see cref="InsightTexts"/>, practice titles from the practice
/// catalog, the rest from InsightsText.resx. What is stored (plans, done steps) is ids only.
/// </summary>
public sealed partial class InsightService(HearthDbContext db, PairSpaces pairs, CheckInService checkIns, AssessmentService assessments, TimeProvider clock, IStringLocalizer<InsightsText> text)
{
    /// <summary>The insight words in the language of this request.</summary>
    private static InsightTexts Words => InsightTexts.For(CultureInfo.CurrentUICulture.Name);

    /// <summary>The practices in the language of this request.</summary>
    private static PracticeCatalog Practices => PracticeCatalog.For(CultureInfo.CurrentUICulture.Name);

    public Task<Outcome<InsightsView>> InsightsAsync(Guid spaceId, CancellationToken ct = default) => InsightsAsync(spaceId, includeSetAside: false, ct);

    private async Task<Outcome<InsightsView>> InsightsAsync(Guid spaceId, bool includeSetAside, CancellationToken ct)
    {
        var data = await LoadAsync(spaceId, ct);
        if (data is null)
        {
            return Outcome<InsightsView>.NotFound();
        }

        var (pair, history, assessment) = data.Value;
        var (shared, mine) = await ComputeAsync(pair, history, assessment, ct);
        var plans = await VisiblePlansAsync(pair, ct);
        var active = plans.FirstOrDefault(p => !IsFinished(p, history));
        var fading = shared.Concat(mine).FirstOrDefault(i => i.Kind == InsightKind.Fading);
        string? offer = null;
        if (fading is not null && active is null)
        {
            offer = fading.Audience.IsShared ? "both" : "you";
        }

        var shown = active ?? plans.FirstOrDefault();
        return Outcome<InsightsView>.Ok(await WithoutSetAsideAsync(pair, includeSetAside, new InsightsView(
            DailyText.Iso(history.CurrentWeek),
            CounsellingRule.CounsellingFirst(shared.Concat(mine)).Select(i => View(i, pair)).ToList(),
            shown is null ? null : PlanView(shown, history, pair),
            offer,
            Words.SentenceStarters,
            shared.Concat(mine).Any(i => i.Kind == InsightKind.Counselling)), ct));
    }

    /// <summary>
    /// The pair, its decrypted check-in history and its scored assessments. Kept for the rest of the
    /// request (this service is scoped): the trends page asks for trends and insights of the same
    /// space, and reading and decrypting years of history twice doubled its cost. Nothing this
    /// service writes (reconnect plans) is part of it.
    /// </summary>
    private async Task<(PairSpace Pair, CheckInHistory History, AssessmentHistory? Assessment)?> LoadAsync(Guid spaceId, CancellationToken ct)
    {
        if (loaded is { } cached && cached.SpaceId == spaceId)
        {
            return cached.Data;
        }

        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return null;
        }

        var history = await checkIns.HistoryAsync(pair, HistoryWeeks, ct);
        var assessment = await assessments.HistoryAsync(spaceId, ct);
        loaded = (spaceId, (pair, history, assessment));
        return (pair, history, assessment);
    }

    private (Guid SpaceId, (PairSpace Pair, CheckInHistory History, AssessmentHistory? Assessment) Data)? loaded;

    private async Task<(IReadOnlyList<Insight> Shared, IReadOnlyList<Insight> Mine)> ComputeAsync(PairSpace pair, CheckInHistory history, AssessmentHistory? assessment, CancellationToken ct)
    {
        var me = pair.Me.ToString();
        var plans = await VisiblePlansAsync(pair, ct);
        var finishedShared = FinishedShared(plans, history);
        var finishedAny = plans.Where(p => IsFinished(p, history)).Select(p => Finished(p, history)).FirstOrDefault();

        var shared = Shared(pair, history, assessment, finishedShared);
        var latestShared = assessment is { Shared.Count: > 0 } h ? h.Shared[^1] : null;
        var sharedByBoth = latestShared?.Shared ?? [];

        var latest = assessment is { Mine.Count: > 0 } m ? m.Mine[^1].Result : null;
        var earlier = assessment is { Mine.Count: > 1 } a ? a.Mine[^2].Result : null;
        var own = new MemberHistory(me, latest, history.Mine, earlier);
        var nobody = new MemberHistory(Guid.Empty.ToString(), null, []);
        var mine = InsightEngine.ForMember(own, new InsightInput(own, nobody, sharedByBoth, finishedAny, history.CurrentWeek), shared, Words);
        return (shared, mine);
    }

    /// <summary>The reconnect plan both shared that is finished, if any: an input of the shared insights.</summary>
    private static FinishedReconnectPlan? FinishedShared(List<ReconnectPlanRecord> plans, CheckInHistory history) =>
        plans.Where(p => p.OwnerUserId is null && IsFinished(p, history)).Select(p => Finished(p, history)).FirstOrDefault();

    /// <summary>Only what both may see: revealed weeks, the shared dimensions of the round both finished, a plan both shared.</summary>
    private static IReadOnlyList<Insight> Shared(PairSpace pair, CheckInHistory history, AssessmentHistory? assessment, FinishedReconnectPlan? finishedShared)
    {
        if (pair.OtherId is not { } otherId)
        {
            return [];
        }

        var latestShared = assessment is { Shared.Count: > 0 } h ? h.Shared[^1] : null;
        var sharedByBoth = latestShared?.Shared ?? [];
        var revealedMine = history.Mine.Where(r => history.TheirsRevealed.Any(t => t.Week == r.Week)).ToList();
        var mineShared = new MemberHistory(pair.Me.ToString(), latestShared?.Mine, revealedMine);
        var theirsShared = new MemberHistory(otherId.ToString(), latestShared?.Theirs, history.TheirsRevealed);
        var (first, second) = pair.FirstMemberIsMe ? (mineShared, theirsShared) : (theirsShared, mineShared);
        return InsightEngine.Shared(SharedView.From(new InsightInput(first, second, sharedByBoth, finishedShared, history.CurrentWeek)), Words);
    }

    /// <summary>
    /// The insights both members of the pair see (audience "both"), computed as <paramref name="pair"/>'s
    /// member sees the space: for a counsellor both allowed "insights" (ADR 50 §2). Only the shared part
    /// runs, so nothing only one member may see (their own insights, an unmatched check-in, a safety
    /// answer, which is never stored) is an input. Sets nothing aside: that is each member's own choice.
    /// </summary>
    public async Task<IReadOnlyList<InsightView>> BothSeeAsync(PairSpace pair, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var history = await checkIns.HistoryAsync(pair, HistoryWeeks, ct);
        var assessment = await assessments.HistoryAsync(pair, ct);
        var plans = await VisiblePlansAsync(pair, ct);
        var finishedShared = FinishedShared(plans, history);
        return CounsellingRule.CounsellingFirst(Shared(pair, history, assessment, finishedShared)).Select(i => View(i, pair)).ToList();
    }

    private InsightView View(Insight insight, PairSpace pair) => new(
        insight.Kind switch
        {
            InsightKind.GrowthArea => InsightViewKind.GrowthArea,
            InsightKind.Strength => InsightViewKind.Strength,
            InsightKind.PerceptionGap => InsightViewKind.PerceptionGap,
            InsightKind.Fading => InsightViewKind.Fading,
            InsightKind.Improvement => InsightViewKind.Improvement,
            InsightKind.QualityTimeShortfall => InsightViewKind.QualityTimeShortfall,
            InsightKind.EverydayStrength => InsightViewKind.EverydayStrength,
            InsightKind.WarningSignsRising => InsightViewKind.WarningSignsRising,
            _ => InsightViewKind.Counselling,
        },
        insight.Audience.IsShared ? InsightViewAudience.Both : InsightViewAudience.You,
        insight.Message,
        insight.Why,
        insight.Dimensions.Select(d => d.WireName()).ToList(),
        insight.Measures.Select(m => m.WireName()).ToList(),
        insight.Evidence.Select(e => new EvidenceView(
            e.Source,
            e.MemberId is null ? text["WhoseBoth"] : e.MemberId == pair.Me.ToString() ? text["WhoseYou"] : pair.OtherName ?? text["WhoseThem"],
            e.Weeks.Select(DailyText.Iso).ToList(),
            double.IsFinite(e.Value) ? Math.Round(e.Value, 2) : 0,
            e.Detail)).ToList(),
        PracticeSuggestions.ForPair(insight.PracticeIds, pair.Kind, pair.LivingApart).Select(id => new PracticeLinkView(id, PracticeTitle(id))).ToList(),
        insight.SuggestsReconnectPlan);

    /// <summary>A practice's title in the request's language (its id when the catalog has no such practice).</summary>
    internal static string PracticeTitle(string id) =>
        Practices.TryGet(id, out var practice) ? practice.Title : id;
}

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
using NodaTime;

namespace Hearth.Web.Features.Insights;

/// <summary>Trends: a member's own series and the pair's revealed weeks, as charts.</summary>
public sealed partial class InsightService
{
    private static readonly CheckInMeasure[] TrackedMeasures =
        [.. CheckInMeasures.Definitions.OrderBy(d => d.ChartOrder).Select(d => d.Measure)];

    public async Task<Outcome<TrendsView>> TrendsAsync(Guid spaceId, CancellationToken ct = default)
    {
        var data = await LoadAsync(spaceId, ct);
        if (data is null)
        {
            return Outcome<TrendsView>.NotFound();
        }

        var (pair, history, assessment) = data.Value;
        var week = history.CurrentWeek;
        var yours = TrackedMeasures.Select(m => Measure(m, Trends.ForMember(history.Mine, m), week, detectChange: true)).Where(t => t.Points.Count > 0).ToList();
        var revealedMine = history.Mine.Where(r => history.TheirsRevealed.Any(t => t.Week == r.Week)).ToList();
        var together = TrackedMeasures.Select(m => Measure(m, Trends.ForPair(revealedMine, history.TheirsRevealed, m), week, detectChange: false)).Where(t => t.Points.Count > 0).ToList();

        var myDated = assessment?.Mine
            .Select(r => new DatedAssessment(WeekOf(r.CompletedAt, history.Rule), r.Result))
            .GroupBy(d => d.Week).Select(g => g.Last()).ToList() ?? [];
        var yourDimensions = DimensionCatalog.All
            .Select(d => DimensionTrend(d, Trends.ForDimension(myDated, d), week))
            .Where(t => t.Points.Any(p => p.Value is not null))
            .ToList();
        var sharedDimensions = DimensionCatalog.All
            .Select(d => DimensionTrend(d, PairDimension(assessment, d, history.Rule), week))
            .Where(t => t.Points.Any(p => p.Value is not null))
            .ToList();

        return Outcome<TrendsView>.Ok(new TrendsView(
            DailyText.Iso(week), pair.IsPaired, pair.OtherName, yours, together, yourDimensions, sharedDimensions,
            TogetherBothViews(pair, revealedMine, history.TheirsRevealed),
            SharedDimensionsBothViews(pair, assessment, history.Rule)));
    }

    private static LocalDate WeekOf(DateTimeOffset instant, Ritual rule) => PairWeek.WeekOf(Instant.FromDateTimeOffset(instant), rule).Key;

    private static List<WeeklyValue> PairDimension(AssessmentHistory? assessment, Dimension dimension, Ritual rule) =>
        (assessment?.Shared ?? [])
            .Where(r => r.Shared.Contains(dimension) && r.Mine.For(dimension).Experience.Mean is not null && r.Theirs.For(dimension).Experience.Mean is not null)
            .Select(r => new WeeklyValue(WeekOf(r.CompletedAt, rule), (r.Mine.For(dimension).Experience.Mean!.Value + r.Theirs.For(dimension).Experience.Mean!.Value) / 2))
            .GroupBy(v => v.Week).Select(g => g.Last())
            .OrderBy(v => v.Week)
            .ToList();

    private static MeasureTrend DimensionTrend(Dimension dimension, IReadOnlyList<WeeklyValue> series, LocalDate week)
    {
        // The last year, like every other chart here: laid out week by week since the first assessment,
        // five years of history made 2,600 weekly slots per page (1.9 MB of allocations per request).
        var points = Points(series, week, ChartWeeks);
        return new MeasureTrend(dimension.WireName(), Words.Title(dimension), 1, 7, points, null);
    }

    private static MeasureTrend Measure(CheckInMeasure measure, IReadOnlyList<WeeklyValue> series, LocalDate week, bool detectChange)
    {
        var (min, max) = measure.Range();
        if (measure == CheckInMeasure.PhoneFreeMinutes)
        {
            max = Math.Max(300, (int)Math.Ceiling((series.Max(v => v.Value) ?? 0) / 60.0) * 60);
        }

        ChangeView? change = null;
        if (detectChange && series.Count > 0 && MeasureNorms.For(measure) is { } norm)
        {
            var result = ChangeDetector.Detect(series, norm, week);

            // For a measure where higher is harder (the warning signs), a rise is the decline.
            var harder = measure.Info().HigherIsHarder;
            change = new ChangeView(
                result.Direction switch
                {
                    ChangeDirection.Decline => harder ? ChangeViewDirection.Improvement : ChangeViewDirection.Decline,
                    ChangeDirection.Improvement => harder ? ChangeViewDirection.Decline : ChangeViewDirection.Improvement,
                    _ => ChangeViewDirection.None,
                },
                result.Reliable,
                result.Persistent,
                result.Current is { } c ? Math.Round(c, 2) : null,
                result.Baseline is { } b ? Math.Round(b, 2) : null,
                Math.Round(result.Threshold, 2),
                ChangeMessage(measure, result));
        }

        // The change rules read their half year and window; the chart and table show the last year.
        return new MeasureTrend(measure.WireName(), Words.ChartTitle(measure), min, max, Points(series, week, ChartWeeks), change);
    }

    /// <summary>
    /// How many weeks of check-in answers the trend charts and tables show. Five years of weeks made
    /// the trends page about 740 KB and its cost grow with every week a pair had used Hearth
    /// (docs/performance.md); a year is what a weekly chart on a phone can show.
    /// </summary>
    public const int ChartWeeks = 52;

    /// <summary>
    /// How many weeks of check-ins a request reads and decrypts: the charts' year, which holds every
    /// week the change rules look at (<see cref="Hearth.Core.CheckIns.ChangeDetector.WeeksRead"/>), so
    /// the cost and memory of the trends page stay flat after years of use.
    /// </summary>
    public const int HistoryWeeks = ChartWeeks > Hearth.Core.CheckIns.ChangeDetector.WeeksRead ? ChartWeeks : Hearth.Core.CheckIns.ChangeDetector.WeeksRead;

    private static List<TrendPoint> Points(IReadOnlyList<WeeklyValue> series, LocalDate week, int? lastWeeks = null)
    {
        // With a window, only its weeks and the two before its first (for that week's rolling mean).
        var from = lastWeeks is { } shown ? week.PlusWeeks(-(shown - 1 + RollingMean.WindowWeeks - 1)) : LocalDate.MinIsoValue;
        var upToNow = series.Where(v => v.Week <= week && v.Week >= from).ToList();
        if (upToNow.Count == 0)
        {
            return [];
        }

        var slots = RollingMean.Slots(upToNow, week);
        var rolling = RollingMean.OverSlots(slots);
        var skip = lastWeeks is { } n ? Math.Max(0, slots.Count - n) : 0;
        return slots.Skip(skip).Select((s, i) => new TrendPoint(DailyText.Iso(s.Week), s.Value, rolling[skip + i].Value is { } r ? Math.Round(r, 2) : null)).ToList();
    }

    private static string ChangeMessage(CheckInMeasure measure, ChangeResult result) => measure.Info().HigherIsHarder
        ? result.Direction switch
        {
            ChangeDirection.Improvement => Words.Say("trend.warningSigns.rising/message", PracticeTitle(PracticeIds.IStatementTalk)),
            ChangeDirection.Decline => Words.Say("trend.warningSigns.easing/message"),
            _ => Words.Say("trend.none/message"),
        }
        : result.Direction switch
    {
        ChangeDirection.Improvement => Words.Say("trend.improvement/message", Words.InSentence(measure)),
        ChangeDirection.Decline => Words.Say("trend.decline/message", Words.InSentence(measure), PracticeTitle(PracticeIds.Daily20Minutes)),
        _ => Words.Say("trend.none/message"),
    };
}

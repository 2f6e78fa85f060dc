using Hearth.Core.Assessments;
using Hearth.Core.CheckIns;
using Hearth.Core.Dimensions;
using Hearth.Core.Rituals;
using Hearth.Web.Features.Assessments;
using Hearth.Web.Features.Daily;

namespace Hearth.Web.Features.Insights;

/// <summary>
/// The pair's trends as two views side by side (issue 17, rule 8): each member's answer, never one
/// average neither feels, and for the latest week or round both answered whether the two are similar,
/// a little apart or a gap (Core <see cref="TwoViews"/>), with the thresholds in "why you're seeing
/// this". The inputs are only what both may see: weeks both checked in (revealed to both), and the
/// dimensions both shared in rounds both finished.
/// </summary>
public sealed partial class InsightService
{
    private List<BothViewsTrend> TogetherBothViews(PairSpace pair, IReadOnlyList<CheckInRecord> revealedMine, IReadOnlyList<CheckInRecord> theirsRevealed)
    {
        var list = new List<BothViewsTrend>();
        foreach (var measure in TrackedMeasures)
        {
            var weeks = PairViews.ForPair(revealedMine, theirsRevealed, measure).TakeLast(ChartWeeks).ToList();
            if (weeks.Count == 0)
            {
                continue;
            }

            var (min, max) = measure.Range();
            if (measure == CheckInMeasure.PhoneFreeMinutes)
            {
                max = Math.Max(300, (int)Math.Ceiling(weeks.Max(w => Math.Max(w.First, w.Second)) / 60.0) * 60);
            }

            var last = weeks[^1];
            var reading = PairViews.Compare(measure, last.First, last.Second) is { } views
                ? Reading(views, last.Week, last.First, last.Second, "checkIn", pair, Words.InSentence(measure), max, text["BothViews.WhyWeek"])
                : null;
            list.Add(new BothViewsTrend(
                measure.WireName(),
                Words.ChartTitle(measure),
                min,
                max,
                weeks.Select(w => new BothViewsPoint(DailyText.Iso(w.Week), w.First, w.Second)).ToList(),
                reading));
        }

        return list;
    }

    private List<BothViewsTrend> SharedDimensionsBothViews(PairSpace pair, AssessmentHistory? assessment, Ritual rule)
    {
        var list = new List<BothViewsTrend>();
        foreach (var dimension in DimensionCatalog.All)
        {
            var rounds = (assessment?.Shared ?? [])
                .Where(r => r.Shared.Contains(dimension))
                .Select(r => (Week: WeekOf(r.CompletedAt, rule), Mine: r.Mine.For(dimension).Experience.Mean, Theirs: r.Theirs.For(dimension).Experience.Mean))
                .Where(r => r.Mine is not null && r.Theirs is not null)
                .GroupBy(r => r.Week).Select(g => g.Last())
                .OrderBy(r => r.Week)
                .ToList();
            if (rounds.Count == 0)
            {
                continue;
            }

            var last = rounds[^1];
            var views = TwoViews.CompareDimension(last.Mine!.Value, last.Theirs!.Value);
            list.Add(new BothViewsTrend(
                dimension.WireName(),
                Words.Title(dimension),
                1,
                7,
                rounds.Select(r => new BothViewsPoint(DailyText.Iso(r.Week), Math.Round(r.Mine!.Value, 2), Math.Round(r.Theirs!.Value, 2))).ToList(),
                Reading(views, last.Week, last.Mine.Value, last.Theirs.Value, "dimension", pair, Words.InSentence(dimension), 7, text["BothViews.WhyRound"])));
        }

        return list;
    }

    private BothViewsReading Reading(TwoViewsComparison views, NodaTime.LocalDate week, double yours, double theirs, string source, PairSpace pair, string what, double max, string from)
    {
        var (kind, key) = views.Reading switch
        {
            TwoViewsReading.Gap => (BothViewsReadingKind.Gap, "Gap"),
            TwoViewsReading.ALittleApart => (BothViewsReadingKind.ALittleApart, "ALittleApart"),
            _ => (BothViewsReadingKind.Similar, "Similar"),
        };
        var name = pair.OtherName ?? text["WhoseThem"];
        var message = text[$"BothViews.{key}.{source}", name, what, TrendCharts.Show(views.Low), TrendCharts.Show(views.High), TrendCharts.Show(max)];
        var why = $"{from} {text["BothViews.Rule", TrendCharts.Show(views.SimilarWithin), TrendCharts.Show(views.GapAbove)]}";
        return new BothViewsReading(
            kind,
            DailyText.Iso(week),
            Math.Round(yours, 2),
            Math.Round(theirs, 2),
            Math.Round(views.Difference, 2),
            Math.Round(views.SimilarWithin, 2),
            Math.Round(views.GapAbove, 2),
            message,
            why);
    }
}

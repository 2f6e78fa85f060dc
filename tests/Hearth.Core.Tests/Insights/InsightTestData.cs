using Hearth.Core.Practices;
using System.Globalization;
using Hearth.Core.Assessments;
using Hearth.Core.CheckIns;
using Hearth.Core.Dimensions;
using Hearth.Core.Insights;
using NodaTime;

namespace Hearth.Core.Tests.Insights;

/// <summary>Builders for insight tests: hand-made results and check-in histories.</summary>
internal static class InsightTestData
{
    public const string A = "member-a";
    public const string B = "member-b";
    public static readonly LocalDate Start = new(2025, 1, 5);

    public static LocalDate Week(int index) => Start.PlusWeeks(index);

    public static CheckInRecord Record(int week, int? satisfaction = 7, int? closeness = 5, int? minutes = 150, int? heard = 5, int? repair = null, bool noTension = true) =>
        new(Week(week), "weekly.v1", satisfaction, closeness, heard, minutes, 3, repair, repair is null && noTension, null, null);

    /// <summary>One record per week from week 0, with the given satisfaction (null = no check-in that week).</summary>
    public static List<CheckInRecord> Satisfaction(params int?[] values) =>
        values.Select((v, i) => (v, i)).Where(p => p.v is not null).Select(p => Record(p.i, p.v)).ToList();

    /// <summary>A result with the given experience means (1-7) and importance per dimension; others unscored.</summary>
    public static AssessmentResult Result(double? warning = null, params (Dimension Dimension, double Mean, int? Importance)[] dims)
    {
        var empty = new ScaleScore(ScoreStatus.NotEnoughAnswers, 3, 0, 2, null, null, 1, 7);
        var dimensions = DimensionCatalog.All.Select(d =>
        {
            if (dims.Where(x => x.Dimension == d).Select(x => ((double, int?)?)(x.Mean, x.Importance)).FirstOrDefault() is not { } given)
            {
                return new DimensionResult(d, empty, null, false, null, false, false);
            }

            var (mean, importance) = given;
            var percent = AssessmentScorer.ToPercent(mean, 1, 7);
            double? gap = importance is { } i ? i - mean : null;
            return new DimensionResult(
                d,
                new ScaleScore(ScoreStatus.Scored, 3, 3, 2, mean, percent, 1, 7),
                importance,
                false,
                gap,
                percent < AssessmentScorer.GrowthAreaExperienceBelowPercent && gap >= AssessmentScorer.GrowthAreaMinimumGap,
                percent >= AssessmentScorer.StrengthExperienceAtLeastPercent);
        }).ToList();
        var warnings = warning is { } w
            ? new ScaleScore(ScoreStatus.Scored, 4, 4, 3, w, AssessmentScorer.ToPercent(w, 1, 5), 1, 5)
            : new ScaleScore(ScoreStatus.NotEnoughAnswers, 4, 0, 3, null, null, 1, 5);
        return new AssessmentResult("baseline.v1", dimensions, empty, empty, warnings, null, null, [], []);
    }

    public static InsightInput Input(
        IReadOnlyList<CheckInRecord>? a = null,
        IReadOnlyList<CheckInRecord>? b = null,
        AssessmentResult? resultA = null,
        AssessmentResult? resultB = null,
        Dimension[]? shared = null,
        FinishedReconnectPlan? plan = null,
        int now = 6,
        AssessmentResult? earlierA = null) =>
        new(new MemberHistory(A, resultA, a ?? [], earlierA), new MemberHistory(B, resultB, b ?? []), shared ?? [], plan, Week(now));

    /// <summary>Everything about an insight a reader could notice, as one string.</summary>
    public static string Describe(Insight i) =>
        string.Join(
            " | ",
            i.Kind,
            i.Audience,
            string.Join(",", i.Dimensions),
            string.Join(",", i.Measures),
            i.Message,
            i.Why,
            string.Join(",", i.PracticeIds),
            i.SuggestsReconnectPlan,
            string.Join(";", i.Evidence.Select(e => $"{e.Source}/{e.MemberId}/{string.Join(",", e.Weeks)}/{e.Value.ToString("R", CultureInfo.InvariantCulture)}/{e.Detail}")));

    public static List<string> Describe(IEnumerable<Insight> insights) => insights.Select(Describe).ToList();
}

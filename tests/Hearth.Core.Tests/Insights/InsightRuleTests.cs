using Hearth.Core.Practices;
using Hearth.Core.CheckIns;
using Hearth.Core.Dimensions;
using Hearth.Core.Insights;
using static Hearth.Core.Tests.Insights.InsightTestData;

namespace Hearth.Core.Tests.Insights;

public sealed class InsightRuleTests
{
    private static readonly Dimension[] AllShared = [.. DimensionCatalog.All];

    private static List<Insight> Of(InsightKind kind, InsightInput input) => InsightEngine.Run(input).Where(i => i.Kind == kind).ToList();

    [Theory]
    [InlineData(3.3, 6, true)] // 38 of 100, gap 2.7
    [InlineData(3.4, 6, false)] // exactly 40 of 100: not below
    [InlineData(3.0, 5, true)] // gap exactly 2
    [InlineData(3.1, 5, false)] // gap 1.9
    public void A_growth_area_is_private_unless_the_dimension_is_shared(double mean, int importance, bool expected)
    {
        var result = Result(null, (Dimension.Emotional, mean, importance));

        var private_ = Of(InsightKind.GrowthArea, Input(resultA: result, resultB: Result()));
        var shared = Of(InsightKind.GrowthArea, Input(resultA: result, resultB: Result(), shared: [Dimension.Emotional]));

        Assert.Equal(expected, private_.Count == 1);
        Assert.Equal(expected, shared.Count == 1);
        if (expected)
        {
            Assert.Equal(InsightAudience.OnlyMember(A), private_[0].Audience);
            Assert.Equal([PracticeIds.IStatementTalk, PracticeIds.Daily20Minutes], private_[0].PracticeIds);
            Assert.StartsWith("Emotional closeness matters to you", private_[0].Message, StringComparison.Ordinal);
            Assert.Equal(InsightAudience.BothMembers, shared[0].Audience);
            Assert.Contains(shared[0].Evidence, e => e.Source == "assessment.emotional.gap" && e.MemberId == A);
        }
    }

    [Theory]
    [InlineData(5.5, 6.8, true)] // 75 of 100 for both
    [InlineData(5.4, 6.8, false)]
    public void A_strength_needs_both_members_high_on_a_shared_dimension(double meanA, double meanB, bool expected)
    {
        var input = Input(resultA: Result(null, (Dimension.Experiential, meanA, 6)), resultB: Result(null, (Dimension.Experiential, meanB, 6)), shared: AllShared);

        var strengths = Of(InsightKind.Strength, input);

        Assert.Equal(expected, strengths.Count == 1);
        Assert.Empty(Of(InsightKind.Strength, input with { SharedByBoth = [Dimension.Emotional] }));
        if (expected)
        {
            Assert.Equal(InsightAudience.BothMembers, strengths[0].Audience);
            Assert.Equal([Dimension.Experiential], strengths[0].Dimensions);
        }
    }

    [Theory]
    [InlineData(6.0, 4.51, true)]
    [InlineData(6.0, 4.52, false)]
    [InlineData(4.51, 6.0, true)]
    public void A_perception_gap_is_reliable_shared_and_neutral(double meanA, double meanB, bool expected)
    {
        var input = Input(resultA: Result(null, (Dimension.Intellectual, meanA, 5)), resultB: Result(null, (Dimension.Intellectual, meanB, 5)), shared: [Dimension.Intellectual]);

        var gaps = Of(InsightKind.PerceptionGap, input);

        Assert.Equal(expected, gaps.Count == 1);
        Assert.Empty(Of(InsightKind.PerceptionGap, input with { SharedByBoth = [] }));
        if (expected)
        {
            var gap = gaps[0];
            Assert.Equal(InsightAudience.BothMembers, gap.Audience);
            Assert.Contains("experience closeness of minds differently", gap.Message, StringComparison.Ordinal);
            foreach (var word in new[] { "higher", "lower", "better", "worse", "fault", "wrong" })
            {
                Assert.DoesNotContain(word, gap.Message + gap.Why, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void The_perception_gap_reads_the_same_whichever_member_is_first()
    {
        var one = Input(resultA: Result(null, (Dimension.Physical, 6, 5)), resultB: Result(null, (Dimension.Physical, 3.5, 5)), shared: AllShared);
        var two = Input(resultA: Result(null, (Dimension.Physical, 3.5, 5)), resultB: Result(null, (Dimension.Physical, 6, 5)), shared: AllShared);

        Assert.Equal(Of(InsightKind.PerceptionGap, one).Single().Message + Of(InsightKind.PerceptionGap, one).Single().Why, Of(InsightKind.PerceptionGap, two).Single().Message + Of(InsightKind.PerceptionGap, two).Single().Why);
    }

    [Theory]
    [InlineData(new int[] { 6, 6, 6, 6, 5, 5, 5 }, true)] // three steps down in the rolling mean
    [InlineData(new int[] { 6, 6, 6, 6, 5, 5, 6 }, false)] // the last step is flat
    [InlineData(new int[] { 9, 9, 9, 9, 9, 9, 6 }, false)] // one low week: 3-week mean 8 against 9, neither reliable nor a streak
    [InlineData(new int[] { 9, 9, 9, 9, 6, 6, 6 }, true)] // reliable and a streak
    public void Fading_from_shared_rounds_is_shared_and_offers_a_reconnect_plan(int[] satisfactionA, bool expected)
    {
        var a = Satisfaction([.. satisfactionA.Select(v => (int?)v)]);
        var b = Satisfaction(7, 7, 7, 7, 7, 7, 7);

        var fading = Of(InsightKind.Fading, Input(a, b));

        Assert.Equal(expected, fading.Count == 1);
        if (expected)
        {
            Assert.Equal(InsightAudience.BothMembers, fading[0].Audience);
            Assert.True(fading[0].SuggestsReconnectPlan);
            Assert.Equal([CheckInMeasure.Satisfaction], fading[0].Measures);
            Assert.Contains(fading[0].Evidence, e => e.MemberId == A && e.Source == "checkin.satisfaction");
        }
    }

    [Fact]
    public void A_reliable_drop_counts_as_fading_even_without_a_streak()
    {
        var a = Satisfaction(8, 8, 8, null, null, null, 5);
        var b = Satisfaction(7, 7, 7, null, null, null, 7);

        var fading = Of(InsightKind.Fading, Input(a, b)).Single();

        Assert.StartsWith("Recent check-ins about how happy you've been together are clearly lower", fading.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Fading_seen_only_in_unrevealed_check_ins_stays_with_that_member()
    {
        // Member B stopped checking in after week 3, so A's last weeks are not revealed to B.
        var a = Satisfaction(6, 6, 6, 6, 5, 5, 5);
        var b = Satisfaction(7, 7, 7, 7);

        var fading = Of(InsightKind.Fading, Input(a, b)).Single();

        Assert.Equal(InsightAudience.OnlyMember(A), fading.Audience);
        Assert.Contains("Only you can see this.", fading.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Warning_signs_rising_are_a_private_fading_signal()
    {
        var rising = Of(InsightKind.Fading, Input(resultA: Result(3.0), earlierA: Result(2.0))).Single();
        Assert.Equal(InsightAudience.OnlyMember(A), rising.Audience);
        Assert.Contains("Harder moments came up more often", rising.Why, StringComparison.Ordinal);

        Assert.Empty(Of(InsightKind.Fading, Input(resultA: Result(2.9), earlierA: Result(2.0))));
    }

    [Theory]
    [InlineData(new int[] { 4, 4, 4, 4, 5, 5, 5 }, true)]
    [InlineData(new int[] { 4, 4, 4, 4, 5, 5, 4 }, false)]
    public void Improvement_is_celebrated(int[] satisfactionA, bool expected)
    {
        var improvement = Of(InsightKind.Improvement, Input(Satisfaction([.. satisfactionA.Select(v => (int?)v)]), Satisfaction(7, 7, 7, 7, 7, 7, 7)));

        Assert.Equal(expected, improvement.Count == 1);
        if (expected)
        {
            Assert.Contains("celebrating", improvement[0].Message, StringComparison.Ordinal);
            Assert.Equal([PracticeIds.AppreciationNote], improvement[0].PracticeIds);
        }
    }

    [Theory]
    [InlineData(69, 40, 6, true)]
    [InlineData(70, 40, 6, false)] // 70 is ten minutes a day: not "well under"
    [InlineData(40, 70, 6, false)] // both must report it
    [InlineData(20, 30, 5, true)] // last week's round still counts
    [InlineData(20, 30, 4, false)] // an older round does not
    public void Quality_time_shortfall_needs_both_reports_under_seventy_minutes(int minutesA, int minutesB, int roundWeek, bool expected)
    {
        var a = new List<CheckInRecord> { Record(roundWeek, minutes: minutesA) };
        var b = new List<CheckInRecord> { Record(roundWeek, minutes: minutesB) };

        var shortfall = Of(InsightKind.QualityTimeShortfall, Input(a, b, now: 6));

        Assert.Equal(expected, shortfall.Count == 1);
        if (expected)
        {
            Assert.Equal(InsightAudience.BothMembers, shortfall[0].Audience);
            Assert.Equal([PracticeIds.Daily20Minutes, PracticeIds.WalkAndTalk], shortfall[0].PracticeIds);
            Assert.DoesNotContain("streak", shortfall[0].Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData(3.5, true)]
    [InlineData(3.4, false)]
    public void Counselling_when_warning_signs_are_high_while_satisfaction_falls(double warning, bool expected)
    {
        var input = Input(Satisfaction(6, 6, 6, 6, 5, 5, 5), Satisfaction(7, 7, 7, 7, 7, 7, 7), resultA: Result(warning));

        var counselling = Of(InsightKind.Counselling, input);

        Assert.Equal(expected, counselling.Count == 1);
        if (expected)
        {
            Assert.Equal(InsightAudience.OnlyMember(A), counselling[0].Audience);
            Assert.Contains("strong pairs do", counselling[0].Message, StringComparison.Ordinal);
            Assert.Empty(counselling[0].PracticeIds);
        }
    }

    [Theory]
    [InlineData(new int[] { 2, 2, 2, 5 }, true)]
    [InlineData(new int[] { 1, 2, 3, 5 }, false)]
    public void Counselling_when_the_members_own_answers_name_a_trigger(int[] repair, bool expected)
    {
        var a = repair.Select((r, i) => Record(3 + i, repair: r)).ToList();

        var counselling = Of(InsightKind.Counselling, Input(a, [])).ToList();

        Assert.Equal(expected, counselling.Count == 1);
        if (expected)
        {
            Assert.Equal(InsightAudience.OnlyMember(A), counselling[0].Audience);
            Assert.Contains("finding your way back has often felt hard", counselling[0].Why, StringComparison.Ordinal);
            Assert.Equal(3, counselling[0].Evidence.Single().Weeks.Count);
        }
    }

    [Fact]
    public void Every_recommended_practice_is_in_the_documented_list()
    {
        Assert.All(DimensionCatalog.All, d => Assert.All(PracticeIds.ForDimension(d), id => Assert.True(PracticeCatalog.Default.TryGet(id, out _), id)));
        Assert.All(DimensionCatalog.All, d => Assert.InRange(PracticeIds.ForDimension(d).Count, 1, 2));
        var input = Input(
            Satisfaction(6, 6, 6, 6, 5, 5, 5),
            Satisfaction(7, 7, 7, 7, 7, 7, 7),
            Result(4, (Dimension.Emotional, 2, 7), (Dimension.Physical, 6, 6), (Dimension.Spiritual, 2, 7)),
            Result(1, (Dimension.Emotional, 6, 7), (Dimension.Physical, 6, 6)),
            [Dimension.Emotional, Dimension.Physical]);
        var insights = InsightEngine.Run(input);

        Assert.True(insights.Count >= 4);
        Assert.All(insights, i =>
        {
            Assert.InRange(i.PracticeIds.Count, i.Kind == InsightKind.Counselling ? 0 : 1, 2);
            Assert.All(i.PracticeIds, id => Assert.True(PracticeCatalog.Default.TryGet(id, out _), $"{id} is not in the practice catalogue"));
            Assert.False(string.IsNullOrWhiteSpace(i.Why));
            Assert.NotEmpty(i.Evidence);
        });
    }
}

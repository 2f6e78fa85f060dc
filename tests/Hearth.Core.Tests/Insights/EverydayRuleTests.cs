using Hearth.Core.CheckIns;
using Hearth.Core.Insights;
using static Hearth.Core.Tests.Insights.InsightTestData;

namespace Hearth.Core.Tests.Insights;

/// <summary>The two weekly rules of issue 17: strengths from everyday life (rule 2) and warning signs every week (rule 5).</summary>
public sealed class EverydayRuleTests
{
    private static List<Insight> Of(InsightKind kind, InsightInput input) => InsightEngine.Run(input).Where(i => i.Kind == kind).ToList();

    /// <summary>Weeks 0-6 for both, with the given closeness for A (B steady at 6), everything else calm and unremarkable.</summary>
    private static InsightInput Closeness(params int?[] a) =>
        Input(
            [.. a.Select((c, i) => Record(i, closeness: c, heard: 4, minutes: 60))],
            [.. a.Select((_, i) => Record(i, closeness: 6, heard: 4, minutes: 60))]);

    [Theory]
    [InlineData("every recent week 5 or more", new[] { 5, 5, 6, 5, 5, 6, 5 }, true)]
    [InlineData("one recent week below the mark", new[] { 6, 6, 6, 6, 6, 4, 6 }, false)]
    [InlineData("a low week before the last six does not count", new[] { 3, 5, 5, 5, 5, 5, 5 }, true)]
    [InlineData("steady at 4 is not a strength", new[] { 4, 4, 4, 4, 4, 4, 4 }, false)]
    public void Steady_high_closeness_in_weeks_both_checked_in_is_a_shared_strength(string because, int[] closeness, bool expected)
    {
        // B is steady at 6, so B may see a private strength of their own; the shared one needs both.
        var strengths = Of(InsightKind.EverydayStrength, Closeness([.. closeness.Select(c => (int?)c)])).Where(s => s.Audience.IsShared).ToList();

        Assert.True(expected == strengths.Any(s => s.Measures.Contains(CheckInMeasure.Closeness)), because);
        if (expected)
        {
            var s = strengths.Single(s => s.Measures.Contains(CheckInMeasure.Closeness));
            Assert.True(s.Audience.IsShared);
            Assert.Contains("keep doing this", s.Message, StringComparison.Ordinal);
            Assert.Contains("5 of 7 or higher", s.Why, StringComparison.Ordinal);
            Assert.DoesNotContain("streak", s.Message + s.Why, StringComparison.OrdinalIgnoreCase);
            Assert.Equal([A, B], s.Evidence.Select(e => e.MemberId));
        }
    }

    [Theory]
    [InlineData(3, false)] // three weeks both answered: not yet
    [InlineData(4, true)]
    public void A_strength_needs_four_answered_weeks_among_the_last_six(int weeks, bool expected)
    {
        var input = Input([.. Enumerable.Range(0, weeks).Select(i => Record(6 - i, heard: 6))], [.. Enumerable.Range(0, weeks).Select(i => Record(6 - i, heard: 7))]);

        Assert.Equal(expected, Of(InsightKind.EverydayStrength, input).Any(s => s.Measures.Contains(CheckInMeasure.FeltHeard)));
    }

    [Theory]
    [InlineData(140, true)]
    [InlineData(139, false)]
    public void Time_together_kept_is_twenty_minutes_a_day_every_week(int minutes, bool expected)
    {
        var input = Input([.. Enumerable.Range(0, 7).Select(i => Record(i, minutes: minutes, closeness: 3))], [.. Enumerable.Range(0, 7).Select(i => Record(i, minutes: 300, closeness: 3))]);

        Assert.Equal(expected, Of(InsightKind.EverydayStrength, input).Any(s => s.Measures.Contains(CheckInMeasure.PhoneFreeMinutes) && s.Audience.IsShared));
    }

    [Fact]
    public void A_strength_from_weeks_the_other_did_not_check_in_is_private()
    {
        var input = Input([.. Enumerable.Range(0, 7).Select(i => Record(i, closeness: 6, heard: 3, minutes: 20))], [Record(6, closeness: 6, heard: 3, minutes: 20)]);

        var strengths = Of(InsightKind.EverydayStrength, input);

        var closeness = Assert.Single(strengths, s => s.Measures.Contains(CheckInMeasure.Closeness) && s.Audience.CanSee(A));
        Assert.Equal(InsightAudience.OnlyMember(A), closeness.Audience);
        Assert.Contains("Only you can see this", closeness.Message, StringComparison.Ordinal);
        Assert.All(closeness.Evidence, e => Assert.Equal(A, e.MemberId));
    }

    [Fact]
    public void No_strength_stands_beside_fading()
    {
        // Satisfaction falls for A while closeness stays at 5: "further apart" is said, "felt close" is not.
        var input = Input(Satisfaction(9, 9, 9, 9, 5, 4, 4), Satisfaction(8, 8, 8, 8, 8, 8, 8));

        Assert.NotEmpty(Of(InsightKind.Fading, input));
        Assert.Empty(Of(InsightKind.EverydayStrength, input));
    }

    /// <summary>A's weeks with the given warning-signs answers (0 = skipped that item).</summary>
    private static IEnumerable<CheckInRecord> Warning(int[] values, bool withSatisfactionFalling = false) =>
        values.Select((v, i) => Record(i, satisfaction: withSatisfactionFalling && i >= values.Length - 3 ? 3 : 8, closeness: 3) with { WarningSigns = v == 0 ? null : v });

    [Theory]
    [InlineData("never, then often: a reliable rise", new[] { 1, 1, 1, 1, 4, 4, 4 }, true)]
    [InlineData("rarely to sometimes: within everyday ups and downs", new[] { 2, 2, 2, 2, 3, 3, 3 }, false)]
    [InlineData("always often: high but not rising", new[] { 4, 4, 4, 4, 4, 4, 4 }, false)]
    [InlineData("skipped in earlier weeks: no baseline yet", new[] { 0, 0, 0, 0, 4, 4, 4 }, false)]
    [InlineData("skipped now and then still counts the answered weeks", new[] { 1, 0, 1, 1, 4, 0, 4 }, true)]
    [InlineData("easing is not a warning", new[] { 4, 4, 4, 4, 1, 1, 1 }, false)]
    public void A_reliable_rise_in_weekly_warning_signs_is_named(string because, int[] values, bool expected)
    {
        var input = Input([.. Warning(values)], [.. Enumerable.Range(0, values.Length).Select(i => Record(i, closeness: 3))]);

        var rising = Of(InsightKind.WarningSignsRising, input);

        Assert.True(expected == (rising.Count == 1), because);
        if (expected)
        {
            Assert.True(rising[0].Audience.IsShared);
            Assert.Equal([CheckInMeasure.WarningSigns], rising[0].Measures);
            Assert.Contains(rising[0].Evidence, e => e.Source == "checkin.warningSigns" && e.MemberId == A);
            Assert.Contains(rising[0].Evidence, e => e.Source == "checkin.warningSigns.baseline" && e.MemberId == A);
            Assert.Contains("can ease again", rising[0].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unrevealed_weeks_give_a_private_warning_insight_and_nothing_shared()
    {
        // B checked in only in the first four weeks: A's rise is in weeks B cannot see.
        var input = Input([.. Warning([1, 1, 1, 1, 4, 4, 4])], [.. Enumerable.Range(0, 4).Select(i => Record(i, closeness: 3))]);

        var rising = Assert.Single(Of(InsightKind.WarningSignsRising, input));

        Assert.Equal(InsightAudience.OnlyMember(A), rising.Audience);
        Assert.Contains("Only you can see this", rising.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(InsightEngine.Shared(SharedView.From(input)), i => i.Measures.Contains(CheckInMeasure.WarningSigns));
    }

    [Theory]
    [InlineData(new[] { 1, 1, 1, 1, 4, 4, 4 }, true, true)] // often, and happiness falling: counselling
    [InlineData(new[] { 1, 1, 1, 1, 4, 4, 4 }, false, false)] // often, happiness steady: the gentle insight only
    [InlineData(new[] { 1, 1, 1, 1, 3, 3, 3 }, true, false)] // "sometimes" is below 3.5
    public void Often_sharp_weeks_while_happiness_falls_bring_the_private_counselling_card(int[] values, bool falling, bool expected)
    {
        var input = Input([.. Warning(values, falling)], [.. Enumerable.Range(0, values.Length).Select(i => Record(i, closeness: 3))]);

        var counselling = Of(InsightKind.Counselling, input);

        Assert.Equal(expected, counselling.Count == 1);
        if (expected)
        {
            Assert.Equal(InsightAudience.OnlyMember(A), counselling[0].Audience);
            Assert.Contains("weekly check-ins", counselling[0].Why, StringComparison.Ordinal);
        }
    }
}

using Hearth.Core.CheckIns;
using Hearth.Core.Insights;
using static Hearth.Core.Tests.Insights.InsightTestData;

namespace Hearth.Core.Tests.Insights;

/// <summary>
/// Issue 17, rules 1 and 4: the counselling card reflects the present, comes before the
/// do-it-yourself plan, and is shared when every input of its trigger is data both can see.
/// </summary>
public sealed class CounsellingRuleTests
{
    // Weeks 0-5 good, the first sign of fading in week 5, a plan from week 6 to week 8 while the fall goes on.
    private static readonly FinishedReconnectPlan PlanAtFirstSign = new(Week(6), Week(8));

    private static readonly int?[] FallDuringPlan = [8, 8, 8, 8, 8, 7, 6, 4, 3];

    private static bool CounsellingFor(string member, InsightInput input) =>
        InsightEngine.Run(input).Any(i => i.Kind == InsightKind.Counselling && i.Audience.CanSee(member));

    [Theory]
    [InlineData(new int[] { }, 9, false)] // the plan just ended at the bottom of a fall it began at the start of: not on that alone
    [InlineData(new int[] { 3 }, 10, false)] // still catching the fall: the weeks after the plan are not yet three
    [InlineData(new int[] { 3, 3, 3 }, 11, true)] // three weeks after the plan and nothing has lifted: honest to mention it
    [InlineData(new int[] { 3, 3, 3, 5, 7, 8 }, 14, false)] // reliably better than the low point: the card goes
    [InlineData(new int[] { 3, 3, 3, 5, 7, 8, 8, 8, 8, 8 }, 18, false)] // and stays gone while things are good
    public void The_plan_trigger_looks_at_the_present(int[] after, int now, bool expected)
    {
        var satisfaction = Satisfaction([.. FallDuringPlan, .. after.Select(v => (int?)v)]);
        var input = Input(satisfaction, [], plan: PlanAtFirstSign, now: now);

        Assert.Equal(expected, CounsellingFor(A, input));
    }

    [Theory]
    [InlineData(new int[] { 6, 6, 6, 6, 6, 6, 6, 6, 6, 6 }, true)] // a plan at a steady level, three weeks on nothing lifted
    [InlineData(new int[] { 6, 6, 6, 6, 6, 6, 6, 7, 7, 7 }, false)] // the weeks since are happier than before the plan
    public void A_plan_after_which_nothing_lifted_still_leads_to_counselling(int[] satisfaction, bool expected)
    {
        var input = Input(Satisfaction([.. satisfaction.Select(v => (int?)v)]), [], plan: new FinishedReconnectPlan(Week(3), Week(6)), now: 9);

        Assert.Equal(expected, CounsellingFor(A, input));
    }

    [Fact]
    public void Counselling_comes_first_and_the_reconnect_plan_second()
    {
        // A's happiness falls and, in three of the last four weeks, finding the way back after tension felt very hard.
        var a = Enumerable.Range(0, 7).Select(i => Record(i, i < 4 ? 8 : 4, repair: i < 4 ? 6 : 2)).ToList();
        var b = Enumerable.Range(0, 7).Select(i => Record(i, 7)).ToList();

        var insights = InsightEngine.Run(Input(a, b, now: 6));

        Assert.Equal(InsightKind.Counselling, insights[0].Kind);
        Assert.Contains(insights, i => i.Kind == InsightKind.Fading && i.SuggestsReconnectPlan);
    }

    [Fact]
    public void A_trigger_made_only_of_revealed_check_ins_gives_a_shared_card()
    {
        var a = Enumerable.Range(0, 7).Select(i => Record(i, 6, heard: i < 4 ? 5 : 2)).ToList();
        var b = Enumerable.Range(0, 7).Select(i => Record(i, 7)).ToList();

        var counselling = InsightEngine.Run(Input(a, b, now: 6)).Where(i => i.Kind == InsightKind.Counselling).ToList();

        var shared = Assert.Single(counselling);
        Assert.Equal(InsightAudience.BothMembers, shared.Audience);
        Assert.Equal(InsightTexts.Default.Say("counselling.shared/message"), shared.Message);
        Assert.Contains("feeling listened to has often been hard", shared.Why, StringComparison.Ordinal);
        Assert.All(shared.Evidence, e => Assert.Equal(A, e.MemberId));
    }

    [Fact]
    public void Unrevealed_weeks_and_the_warning_index_keep_the_card_private()
    {
        // B stopped checking in after week 3: A's low weeks are not revealed.
        var a = Enumerable.Range(0, 7).Select(i => Record(i, 6, heard: i < 4 ? 5 : 2)).ToList();
        var b = Enumerable.Range(0, 4).Select(i => Record(i, 7)).ToList();
        var unrevealed = InsightEngine.Run(Input(a, b, now: 6)).Where(i => i.Kind == InsightKind.Counselling).ToList();
        Assert.Equal(InsightAudience.OnlyMember(A), Assert.Single(unrevealed).Audience);

        // Warning signs high while happiness falls: the warning index is never shared.
        var falling = Satisfaction(6, 6, 6, 6, 5, 5, 5);
        var warnings = InsightEngine.Run(Input(falling, Satisfaction(7, 7, 7, 7, 7, 7, 7), resultA: Result(4))).Where(i => i.Kind == InsightKind.Counselling).ToList();
        Assert.Equal(InsightAudience.OnlyMember(A), Assert.Single(warnings).Audience);
    }
}

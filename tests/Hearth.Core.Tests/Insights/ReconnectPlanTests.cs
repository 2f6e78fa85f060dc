using Hearth.Core.Practices;
using Hearth.Core.Insights;
using NodaTime;

namespace Hearth.Core.Tests.Insights;

public sealed class ReconnectPlanTests
{
    private static readonly LocalDate Start = new(2025, 6, 1);

    [Theory]
    [InlineData(2, 6)]
    [InlineData(3, 7)]
    [InlineData(4, 8)]
    public void A_plan_lasts_two_to_four_weeks_with_every_kind_of_step(int weeks, int steps)
    {
        var plan = ReconnectPlan.Create(Start, weeks);

        Assert.Equal(steps, plan.Steps.Count);
        Assert.Equal(Start.PlusWeeks(weeks - 1), plan.EndWeek);
        Assert.Equal(plan.Steps.Count, plan.Steps.Select(s => s.Id).Distinct().Count());
        Assert.All(plan.Steps, s => Assert.InRange(s.Week, 1, weeks));
        Assert.All(plan.Steps, s => Assert.True(PracticeCatalog.Default.TryGet(s.PracticeId, out _), s.PracticeId));
        foreach (var id in new[] { "reconnect.honest-talk", "reconnect.small-affection", "reconnect.memory-lane", "reconnect.patience" })
        {
            Assert.Contains(plan.Steps, s => s.Id == id);
        }

        Assert.Equal(weeks, plan.Steps.Count(s => s.Id.StartsWith("reconnect.device-free-time", StringComparison.Ordinal)));
        Assert.Equal(weeks, plan.Steps.Single(s => s.Id == "reconnect.patience").Week);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Plans_outside_two_to_four_weeks_are_refused(int weeks)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReconnectPlan.Create(Start, weeks));
    }

    [Fact]
    public void Progress_counts_steps_done_and_can_be_undone()
    {
        var plan = ReconnectPlan.Create(Start, 2);
        Assert.Equal(0, plan.Progress);

        var talked = plan.Mark("reconnect.honest-talk").Mark("reconnect.device-free-time.week-1");
        Assert.Equal(2, talked.DoneCount);
        Assert.Equal(2.0 / 6, talked.Progress, 1e-9);
        Assert.Equal(0, plan.DoneCount); // the original is unchanged

        Assert.Equal(1, talked.Mark("reconnect.honest-talk", done: false).DoneCount);
        Assert.Throws<ArgumentException>(() => plan.Mark("reconnect.nothing"));
    }

    [Fact]
    public void A_plan_is_finished_after_its_last_week()
    {
        var plan = ReconnectPlan.Create(Start, 3);

        Assert.False(plan.IsFinished(Start.PlusWeeks(2)));
        Assert.True(plan.IsFinished(Start.PlusWeeks(3)));
    }

    [Fact]
    public void Sentence_starters_are_i_statements_without_blame()
    {
        Assert.InRange(ReconnectPlan.SentenceStarters.Count, 3, 4);
        Assert.All(ReconnectPlan.SentenceStarters, s => Assert.Matches("(^I|^Lately I|^Something that would help me)", s));
        Assert.All(ReconnectPlan.SentenceStarters, s => Assert.DoesNotContain("you always", s, StringComparison.OrdinalIgnoreCase));
    }
}

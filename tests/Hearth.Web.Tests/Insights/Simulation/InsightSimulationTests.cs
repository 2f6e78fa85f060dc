using Hearth.Core.Insights;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Insights.Simulation;

/// <summary>
/// Issue 17, rules 1, 3 and 4, replayed week by week through the running app (<see cref="PairSimulation"/>):
/// what Ana and Ben read each week. The transcripts are kept when HEARTH_SIMULATION_TRANSCRIPTS is set.
/// </summary>
[Slow("replays half a year of weekly check-ins for a pair through the API")]
public abstract class InsightSimulationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    private static readonly InsightTexts Words = InsightTexts.Default;

    private static IEnumerable<WeekAnswers> Repeat(WeekAnswers answers, int weeks) => Enumerable.Repeat(answers, weeks);

    private static IEnumerable<WeekAnswers> Satisfaction(params int[] values) => values.Select(v => new WeekAnswers(v, 6));

    [Fact]
    public async Task Rule_1_fade_then_plan_then_recovery_the_counselling_card_follows_the_present()
    {
        factory.RequireAvailable();
        var pair = await PairSimulation.StartAsync(factory);

        // Eight good weeks; the first signs of fading; a plan started as soon as it is offered; the fall goes on
        // during the plan; three weeks at the bottom after it; then things come back.
        await pair.RunAsync(Repeat(new WeekAnswers(8, 6), 8));
        await pair.RunAsync(Satisfaction(7, 6, 4, 3, 3, 3, 3, 3, 5, 7, 8, 8, 8), startPlanWhenOffered: true);
        pair.Keep("rule-1-fade-plan-recovery");
        var log = pair.Transcript();

        var planWeeks = pair.Weeks.Where(w => w.Ana.PlanRunning).Select(w => w.Ana.Week).ToList();
        Assert.True(planWeeks.Count > 0, log);
        var afterPlan = planWeeks.Max() + 1;
        // The plan ended near the bottom of a fall it began at the first sign of: not counselling on that alone.
        Assert.False(pair.Weeks[afterPlan - 1].Ana.ShowCounselling, log);
        // Three weeks after the plan, still at the bottom: mentioned honestly, to both (every input is theirs to see), first.
        var bottom = pair.Weeks.Where(w => w.Ana.ShowCounselling).ToList();
        Assert.True(bottom.Count > 0, log);
        Assert.All(bottom, w =>
        {
            Assert.Equal("counselling", w.Ana.First!.Kind);
            Assert.Equal("both", w.Ana.First!.Audience);
            Assert.True(w.Ben.ShowCounselling);
        });
        // Once the recent weeks are reliably better than the low point, the card has gone for good.
        Assert.All(pair.Weeks.TakeLast(3), w =>
        {
            Assert.False(w.Ana.ShowCounselling, log);
            Assert.False(w.Ben.ShowCounselling, log);
            Assert.DoesNotContain(w.Ana.Insights, i => i.Message.Contains("haven't lifted", StringComparison.Ordinal) || i.Why.Contains("haven't lifted", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Rule_3_fade_then_plateau_low_is_never_silent_and_a_turn_is_a_beginning()
    {
        factory.RequireAvailable();
        var pair = await PairSimulation.StartAsync(factory);

        await pair.RunAsync(Repeat(new WeekAnswers(8, 6), 8));
        await pair.RunAsync(Satisfaction(6, 4, 3));
        await pair.RunAsync(Repeat(new WeekAnswers(3, 6), 12));
        await pair.RunAsync(Satisfaction(4, 5));
        pair.Keep("rule-3-fade-plateau-low");
        var log = pair.Transcript();

        var firstFading = pair.Weeks.First(w => w.Ana.Has("fading")).Ana.Week;
        Assert.InRange(firstFading, 9, 11);
        foreach (var (ana, ben) in pair.Weeks.Skip(firstFading - 1))
        {
            foreach (var seen in new[] { ana, ben })
            {
                Assert.True(seen.Insights.Any(i => i is { Kind: "fading", Audience: "both", SuggestsPlan: true }) && seen.PlanOffer == "both", $"{seen}\n\n{log}");
            }
        }

        Assert.Contains(pair.Weeks, w => w.Ana.Insights.Any(i => i.Message == Words.Say("lowPoint.shared/message")));
        var last = pair.Weeks[^1].Ana.Insights.Single(i => i.Kind == "fading");
        Assert.Equal(Words.Say("turning.shared/message"), last.Message);
        Assert.Contains("a beginning", last.Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule_4_conflict_is_not_busyness_and_counselling_comes_first()
    {
        factory.RequireAvailable();
        var pair = await PairSimulation.StartAsync(factory);

        await pair.RunAsync(Repeat(new WeekAnswers(8, 6, FeltHeard: 6, Minutes: 150, Repair: 6), 6));
        await pair.WeekAsync(new WeekAnswers(6, 5, FeltHeard: 4, Minutes: 60, Repair: 3));
        await pair.WeekAsync(new WeekAnswers(4, 5, FeltHeard: 3, Minutes: 40, Repair: 2));
        await pair.WeekAsync(new WeekAnswers(3, 5, FeltHeard: 2, Minutes: 40, Repair: 2));
        await pair.WeekAsync(new WeekAnswers(3, 5, FeltHeard: 2, Minutes: 40, Repair: 2));
        pair.Keep("rule-4-conflict");
        var log = pair.Transcript();

        // From the week the fall is seen, felt heard and repair fell with satisfaction: never "life got busy" first, or at all.
        foreach (var (ana, _) in pair.Weeks.Skip(7))
        {
            Assert.DoesNotContain(ana.Insights, i => i.Message.StartsWith("Life got busy", StringComparison.Ordinal));
            Assert.NotEqual("qualityTimeShortfall", ana.First?.Kind);
            Assert.Contains(ana.Insights, i => i.Message == Words.Say("fading.tension.shared/message"));
        }

        // Repair rated 2 in three of the last four weeks, revealed to both: a shared counselling card first, the plan second.
        var now = pair.Weeks[^1];
        foreach (var seen in new[] { now.Ana, now.Ben })
        {
            Assert.True(seen.Insights.Count >= 2, log);
            Assert.Equal(("counselling", "both"), (seen.Insights[0].Kind, seen.Insights[0].Audience));
            Assert.Equal(Words.Say("counselling.shared/message"), seen.Insights[0].Message);
            Assert.True(seen.Insights[1] is { Kind: "fading", SuggestsPlan: true }, log);
            Assert.True(seen.ShowCounselling);
            Assert.Equal(1, seen.Insights.Count(i => i.Kind == "counselling"));
        }
    }
}

public sealed class InsightSimulationOnSqlite(SqliteHearthFactory factory) : InsightSimulationTests<SqliteHearthFactory>(factory);

public sealed class InsightSimulationOnPostgres(PostgresHearthFactory factory) : InsightSimulationTests<PostgresHearthFactory>(factory);

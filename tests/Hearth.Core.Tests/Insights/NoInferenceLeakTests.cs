using CsCheck;
using Hearth.Core.Assessments;
using Hearth.Core.CheckIns;
using Hearth.Core.Dimensions;
using Hearth.Core.Insights;
using static Hearth.Core.Tests.Insights.InsightTestData;

namespace Hearth.Core.Tests.Insights;

/// <summary>
/// Property tests (a seeded generator, and CsCheck for the safety pulse): shared insights must not change when only
/// private data changes (unrevealed check-ins, unshared dimensions, warning signs, earlier
/// assessments), and the safety pulse must never change any insight.
/// </summary>
public sealed class NoInferenceLeakTests
{
    private const int Cases = 400;
    private const int Weeks = 12;

    [Fact]
    public void Shared_insights_ignore_private_only_data()
    {
        var random = new Random(20250601);
        var sharedSeen = 0;
        for (var n = 0; n < Cases; n++)
        {
            var input = RandomInput(random);
            var before = InsightEngine.Run(input);
            var changed = ChangePrivateData(input, random);
            var after = InsightEngine.Run(changed);

            var sharedBefore = Describe(before.Where(i => i.Audience.IsShared));
            Assert.Equal(sharedBefore, Describe(after.Where(i => i.Audience.IsShared)));
            Assert.Equal(sharedBefore, Describe(InsightEngine.Shared(SharedView.From(changed))));
            sharedSeen += sharedBefore.Count;
        }

        // The generator must actually produce shared insights, or the property proves nothing.
        Assert.True(sharedSeen > Cases / 2, $"only {sharedSeen} shared insights in {Cases} cases");
    }

    [Fact]
    public void Only_shared_rounds_and_shared_dimensions_enter_the_shared_view()
    {
        var input = Input(
            Satisfaction(5, 6, 7, 8),
            Satisfaction(5, null, 7),
            Result(null, (Dimension.Emotional, 2, 7), (Dimension.Physical, 6, 6)),
            Result(null, (Dimension.Emotional, 6, 7)),
            [Dimension.Physical],
            now: 3);

        var view = SharedView.From(input);

        Assert.Equal([Week(0), Week(2)], view.Rounds.Select(r => r.Week));
        Assert.Equal([Dimension.Physical], view.Dimensions.Select(d => d.Dimension));
        Assert.DoesNotContain(typeof(SharedView).GetProperties(), p => p.PropertyType == typeof(AssessmentResult) || p.PropertyType == typeof(MemberHistory));
    }

    [Fact]
    public void The_safety_pulse_never_changes_any_insight()
    {
        var content = CheckInContent.Weekly;
        var yes = new SafetyPulse(new Dictionary<string, bool>(StringComparer.Ordinal) { ["pulse.afraid"] = true, ["pulse.controlled"] = true });
        var no = new SafetyPulse(new Dictionary<string, bool>(StringComparer.Ordinal) { ["pulse.afraid"] = false });
        List<CheckInRecord> Records(List<CheckInAnswers> answers, SafetyPulse? pulse) =>
            answers.Select((a, i) => (a with { Safety = pulse }).ToRecord(content, Week(i))).ToList();

        // CsCheck prints the seed and the smallest failing weeks if this ever fails (docs/adr/0028-cscheck.md).
        Gen.Select(AnyAnswers.List[Weeks], AnyAnswers.List[Weeks]).Sample(
            (answersA, answersB) =>
            {
                var without = InsightEngine.Run(Input(Records(answersA, null), Records(answersB, null), now: Weeks - 1));
                var withYes = InsightEngine.Run(Input(Records(answersA, yes), Records(answersB, no), now: Weeks - 1));
                Assert.Equal(Describe(without), Describe(withYes));
            },
            iter: 100);

        // And no input type of the engine can even carry a safety answer.
        foreach (var type in new[] { typeof(InsightInput), typeof(MemberHistory), typeof(CheckInRecord), typeof(SharedView), typeof(SharedRound), typeof(AssessmentResult) })
        {
            Assert.DoesNotContain(type.GetProperties(), p => p.PropertyType == typeof(SafetyPulse) || p.Name.Contains("Safety", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(Enum.GetNames<InsightKind>(), name => name.Contains("Safety", StringComparison.Ordinal));
    }

    /// <summary>Any weekly check-in a member could send (no tension noted, no needs).</summary>
    private static readonly Gen<CheckInAnswers> AnyAnswers = Gen.Select(
        Gen.Int[0, 10], Gen.Int[1, 7], Gen.Int[1, 7], Gen.Int[0, 299], Gen.Int[0, 5], Gen.Int[1, 7].Nullable(0.5),
        (satisfaction, closeness, heard, minutes, appreciation, repair) => new CheckInAnswers(satisfaction, closeness, heard, minutes, appreciation, repair, false));

    private static InsightInput RandomInput(Random random)
    {
        var answeredA = Enumerable.Range(0, Weeks).Select(_ => random.NextDouble() < 0.8).ToArray();
        var answeredB = Enumerable.Range(0, Weeks).Select(_ => random.NextDouble() < 0.8).ToArray();
        var trendA = random.Next(-1, 2);
        var trendB = random.Next(-1, 2);
        var shared = DimensionCatalog.All.Where(_ => random.Next(2) == 0).ToArray();
        var plan = random.Next(3) == 0 ? new FinishedReconnectPlan(Week(5), Week(8)) : null;
        return Input(
            Histories(random, answeredA, trendA),
            Histories(random, answeredB, trendB),
            RandomResult(random),
            RandomResult(random),
            shared,
            plan,
            now: Weeks - 1,
            earlierA: random.Next(2) == 0 ? RandomResult(random) : null);
    }

    private static List<CheckInRecord> Histories(Random random, bool[] answered, int trend) =>
        Enumerable.Range(0, Weeks)
            .Where(w => answered[w])
            .Select(w => RandomRecord(random, w, trend))
            .ToList();

    private static CheckInRecord RandomRecord(Random random, int week, int trend)
    {
        var drift = trend * week / 3;
        return Record(
            week,
            satisfaction: Math.Clamp(6 + drift + random.Next(-1, 2), 0, 10),
            closeness: Math.Clamp(4 + drift + random.Next(-1, 2), 1, 7),
            minutes: random.Next(0, 200),
            heard: random.Next(1, 8),
            repair: random.Next(2) == 0 ? random.Next(1, 8) : null);
    }

    private static AssessmentResult RandomResult(Random random) =>
        Result(
            Math.Round(1 + (random.NextDouble() * 4), 2),
            [.. DimensionCatalog.All.Select(d => (d, Math.Round(1 + (random.NextDouble() * 6), 2), (int?)random.Next(1, 8)))]);

    /// <summary>Changes only what the other member may not see.</summary>
    private static InsightInput ChangePrivateData(InsightInput input, Random random)
    {
        var weeksA = input.First.CheckIns.Select(r => r.Week).ToHashSet();
        var weeksB = input.Second.CheckIns.Select(r => r.Week).ToHashSet();

        // 1. Unrevealed check-ins (weeks the other did not complete): new answers, and new ones added.
        //    A new record only goes into a week the other member has not answered, before or after the change.
        List<CheckInRecord> Unrevealed(IReadOnlyList<CheckInRecord> own, HashSet<NodaTime.LocalDate> other, HashSet<NodaTime.LocalDate> otherNow)
        {
            var records = own.Select(r => other.Contains(r.Week) ? r : RandomRecord(random, Index(r.Week), random.Next(-1, 2))).ToList();
            var free = Enumerable.Range(0, Weeks).Where(w => !other.Contains(Week(w)) && !otherNow.Contains(Week(w)) && records.All(r => r.Week != Week(w))).ToList();
            if (free.Count > 0)
            {
                records.Add(RandomRecord(random, free[random.Next(free.Count)], -1));
            }

            return records;
        }

        // 2. Unshared dimensions, the warning index and earlier assessments: all private.
        AssessmentResult? Private(AssessmentResult? result)
        {
            if (result is null)
            {
                return null;
            }

            var fresh = RandomResult(random);
            return result with
            {
                WarningIndex = fresh.WarningIndex,
                Dimensions = result.Dimensions.Select(d => input.SharedByBoth.Contains(d.Dimension) ? d : fresh.For(d.Dimension)).ToList(),
            };
        }

        var firstCheckIns = Unrevealed(input.First.CheckIns, weeksB, weeksB);
        var secondCheckIns = Unrevealed(input.Second.CheckIns, weeksA, firstCheckIns.Select(r => r.Week).ToHashSet());
        return input with
        {
            First = input.First with { CheckIns = firstCheckIns, LatestAssessment = Private(input.First.LatestAssessment), EarlierAssessment = RandomResult(random) },
            Second = input.Second with { CheckIns = secondCheckIns, LatestAssessment = Private(input.Second.LatestAssessment) },
        };
    }

    private static int Index(NodaTime.LocalDate week) => NodaTime.Period.Between(Start, week, NodaTime.PeriodUnits.Weeks).Weeks;
}

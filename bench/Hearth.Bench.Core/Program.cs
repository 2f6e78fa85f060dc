using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Hearth.Core.Assessments;
using Hearth.Core.CheckIns;
using Hearth.Core.Dimensions;
using Hearth.Core.Insights;
using Hearth.Core.Prompts;
using Hearth.Core.Spaces;
using NodaTime;

namespace Hearth.Bench.Core;

public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

/// <summary>Realistic inputs built once: a member's answers, and weekly check-in histories of any length.</summary>
internal static class Inputs
{
    public static readonly LocalDate Now = new(2026, 11, 22);

    public static AssessmentAnswers Answers(int seed)
    {
        var rng = new Random(seed);
        var content = AssessmentContent.Baseline;
        var values = content.ItemsFor(RelationshipKind.Romantic, sexualOptIn: false)
            .ToDictionary(p => p.Item.Id, p => Answer.Of(rng.Next(p.Item.Scale.Min, p.Item.Scale.Max + 1)), StringComparer.Ordinal);
        return new AssessmentAnswers(RelationshipKind.Romantic, false, values);
    }

    public static List<CheckInRecord> CheckIns(int weeks, int seed)
    {
        var rng = new Random(seed);
        var mood = 7.0;
        var list = new List<CheckInRecord>(weeks);
        for (var k = weeks; k >= 1; k--)
        {
            // A long steady stretch, then a recent dip: the fading rules have something to find.
            mood = k > 8 ? Math.Clamp(mood + (rng.NextDouble() - 0.5), 5, 9) : Math.Max(2, mood - 0.6);
            list.Add(new CheckInRecord(
                Now.PlusWeeks(-k),
                CheckInContent.Weekly.Version,
                (int)Math.Round(mood),
                Math.Clamp((int)Math.Round(mood * 0.7), 1, 7),
                rng.Next(2, 8),
                rng.Next(0, 200),
                rng.Next(0, 6),
                rng.Next(1, 8),
                false,
                null,
                null));
        }

        return list;
    }
}

[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private readonly AssessmentAnswers answers = Inputs.Answers(1);

    [Benchmark(Description = "AssessmentScorer.Score (one member, baseline content)")]
    public AssessmentResult Score() => AssessmentScorer.Score(AssessmentContent.Baseline, answers);
}

/// <summary>The insight rules over a pair's history: the cost should stay flat as the history grows.</summary>
[MemoryDiagnoser]
public class InsightBenchmarks
{
    private InsightInput input = null!;

    [Params(10, 260, 1000)]
    public int Weeks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var content = AssessmentContent.Baseline;
        var a = new MemberHistory("a", AssessmentScorer.Score(content, Inputs.Answers(1)), Inputs.CheckIns(Weeks, 1), AssessmentScorer.Score(content, Inputs.Answers(3)));
        var b = new MemberHistory("b", AssessmentScorer.Score(content, Inputs.Answers(2)), Inputs.CheckIns(Weeks, 2));
        input = new InsightInput(a, b, DimensionCatalog.All, null, Inputs.Now);
    }

    [Benchmark(Description = "InsightEngine.Run (shared + both members)")]
    public IReadOnlyList<Insight> Run() => InsightEngine.Run(input);

    [Benchmark(Description = "ChangeDetector.Detect (satisfaction)")]
    public ChangeResult Detect() =>
        ChangeDetector.Detect(Trends.ForMember(input.First.CheckIns, CheckInMeasure.Satisfaction), MeasureNorms.For(CheckInMeasure.Satisfaction)!, Inputs.Now);
}

/// <summary>Choosing today's prompt: the history the recommender reads grows by one day a day.</summary>
[MemoryDiagnoser]
public class RecommenderBenchmarks
{
    private DailyPromptRequest request = null!;

    [Params(30, 365, 1825)]
    public int DaysOfHistory { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var prompts = PromptCatalog.Default.Prompts;
        var rng = new Random(7);
        var history = Enumerable.Range(1, DaysOfHistory)
            .Select(d => new PromptShown(prompts[rng.Next(prompts.Count)].Id, Inputs.Now.PlusDays(-d)))
            .ToList();
        request = new DailyPromptRequest(Guid.Parse("01a20021-2c88-735e-a909-14cff3808834"), Inputs.Now, RelationshipKind.Romantic, false, false, false,
            [Dimension.Emotional], new AnsweredByDepth(DaysOfHistory / 2, DaysOfHistory / 4, DaysOfHistory / 8), history);
    }

    [Benchmark(Description = "DailyPromptRecommender.Choose")]
    public DailyPromptChoice Choose() => DailyPromptRecommender.Choose(request);
}

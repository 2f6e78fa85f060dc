using Hearth.Core.Practices;
using NodaTime;

namespace Hearth.Core.Insights;

/// <summary>One step of a reconnect plan.</summary>
/// <param name="Id">Stable id, e.g. "reconnect.honest-talk" or "reconnect.device-free-time.week-2".</param>
/// <param name="Week">The plan week it belongs to, from 1.</param>
/// <param name="Title">A short title.</param>
/// <param name="Description">What to do, invitational and in our words.</param>
/// <param name="PracticeId">The matching practice in the catalogue.</param>
/// <param name="Done">Marked done by the pair.</param>
public sealed record ReconnectStep(string Id, int Week, string Title, string Description, string PracticeId, bool Done = false);

/// <summary>
/// A 2-4 week plan to find the way back to each other (docs/product/domain.md, "To reconnect"): an honest
/// talk in "I" statements, daily device-free time, small affection, a memory to revisit, and
/// patience. Immutable: marking a step returns a new plan.
/// </summary>
public sealed record ReconnectPlan(LocalDate StartWeek, int Weeks, IReadOnlyList<ReconnectStep> Steps)
{
    public const int MinimumWeeks = 2;
    public const int MaximumWeeks = 4;
    public const int DefaultWeeks = 3;

    /// <summary>Ways to start the honest talk without blame, in English (<see cref="InsightTexts.SentenceStarters"/> in other languages). Fill in the dots with your own words.</summary>
    public static IReadOnlyList<string> SentenceStarters => InsightTexts.Default.SentenceStarters;

    /// <summary>The last week of the plan.</summary>
    public LocalDate EndWeek => StartWeek.PlusWeeks(Weeks - 1);

    public int DoneCount => Steps.Count(s => s.Done);

    /// <summary>Share of steps done, 0 to 1.</summary>
    public double Progress => Steps.Count == 0 ? 0 : (double)DoneCount / Steps.Count;

    /// <summary>The plan's weeks are over (it may still have steps not yet done; that's fine).</summary>
    public bool IsFinished(LocalDate currentWeek) => currentWeek > EndWeek;

    public IReadOnlyList<ReconnectStep> StepsForWeek(int week) => Steps.Where(s => s.Week == week).ToList();

    /// <summary>A plan of <paramref name="weeks"/> weeks (2-4) starting in <paramref name="startWeek"/>, its steps worded in <paramref name="words"/> (English when not given).</summary>
    public static ReconnectPlan Create(LocalDate startWeek, int weeks = DefaultWeeks, InsightTexts? words = null)
    {
        if (weeks is < MinimumWeeks or > MaximumWeeks)
        {
            throw new ArgumentOutOfRangeException(nameof(weeks), weeks, $"A reconnect plan lasts {MinimumWeeks} to {MaximumWeeks} weeks.");
        }

        var w = words ?? InsightTexts.Default;
        ReconnectStep Step(string id, string wording, int week, string practiceId) =>
            new(id, week, w.Say($"{wording}/title"), w.Say($"{wording}/description"), practiceId);

        var steps = new List<ReconnectStep> { Step("reconnect.honest-talk", "reconnect.honest-talk", 1, PracticeIds.IStatementTalk) };
        for (var week = 1; week <= weeks; week++)
        {
            steps.Add(Step($"reconnect.device-free-time.week-{week}", "reconnect.device-free-time", week, PracticeIds.Daily20Minutes));
        }

        steps.Add(Step("reconnect.small-affection", "reconnect.small-affection", 1, PracticeIds.BringBackAffection));
        steps.Add(Step("reconnect.memory-lane", "reconnect.memory-lane", 2, PracticeIds.MemoryLane));
        steps.Add(Step("reconnect.patience", "reconnect.patience", weeks, PracticeIds.AppreciationNote));

        return new ReconnectPlan(startWeek, weeks, steps.OrderBy(s => s.Week).ToList());
    }

    /// <summary>The same plan with one step marked done (or not yet done).</summary>
    public ReconnectPlan Mark(string stepId, bool done = true)
    {
        if (Steps.All(s => !string.Equals(s.Id, stepId, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"This plan has no step '{stepId}'.", nameof(stepId));
        }

        return this with
        {
            Steps = Steps.Select(s => string.Equals(s.Id, stepId, StringComparison.Ordinal) ? s with { Done = done } : s).ToList(),
        };
    }
}

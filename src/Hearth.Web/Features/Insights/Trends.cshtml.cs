using Hearth.Web.Api;
using Hearth.Web.Features.Assessments;
using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Features.Insights;

[Hearth.Web.Security.ConfirmItsYou]
public sealed class TrendsModel(InsightService insights, IOptions<CounsellingOptions> counselling, Memories.MemoryService memories, IStringLocalizer<InsightsText> text) : PageModel
{
    /// <summary>For the plan's "revisit a memory" step: your "what brought us close" memories (yours, or shared with you).</summary>
    public IReadOnlyList<Memories.MemoryView> Reflections { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    [BindProperty]
    public int? Weeks { get; set; }

    [BindProperty]
    public string? StepId { get; set; }

    [BindProperty]
    public bool Done { get; set; }

    [BindProperty]
    public string? InsightKey { get; set; }

    /// <summary>The insights you marked "this doesn't fit us" that would show now, to bring back.</summary>
    public IReadOnlyList<SetAsideInsightView> SetAside { get; private set; } = [];

    public TrendsView? Trends { get; private set; }

    public InsightsView? Insights { get; private set; }

    public IReadOnlyList<SupportResource> CounsellingResources => counselling.Value.EffectiveResources(text);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStartPlanAsync(CancellationToken ct) =>
        await AfterAsync(await insights.StartPlanAsync(SpaceId, new StartPlanInput(Weeks), ct), ct);

    public async Task<IActionResult> OnPostMarkStepAsync(CancellationToken ct) =>
        await AfterAsync(await insights.MarkStepAsync(SpaceId, StepId ?? "", new MarkStepInput(Done), ct), ct);

    public async Task<IActionResult> OnPostNotFittingAsync(CancellationToken ct) =>
        await AfterFitAsync(await insights.MarkNotFittingAsync(SpaceId, InsightKey ?? "", ct), ct);

    public async Task<IActionResult> OnPostBringBackAsync(CancellationToken ct) =>
        await AfterFitAsync(await insights.BringBackAsync(SpaceId, InsightKey ?? "", ct), ct);

    private async Task<IActionResult> AfterFitAsync(Outcome<NotFittingView> outcome, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsOk)
        {
            return RedirectToPage("/Insights/Trends", null, new { spaceId = SpaceId }, "noticed-heading");
        }

        this.ShowErrors(outcome, prefix: "");

        // The button has no field of its own: its message goes above the page's content.
        foreach (var error in ModelState.TryGetValue("Insight", out var entry) ? entry.Errors.ToList() : [])
        {
            ModelState.AddModelError(string.Empty, error.ErrorMessage);
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> AfterAsync(Outcome<InsightsView> outcome, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsOk)
        {
            return RedirectToPage("/Insights/Trends", null, new { spaceId = SpaceId }, "plan");
        }

        this.ShowErrors(outcome, prefix: "");
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var trends = await insights.TrendsAsync(SpaceId, ct);
        var seen = await insights.InsightsAsync(SpaceId, ct);
        if (!trends.IsOk || !seen.IsOk)
        {
            return false;
        }

        Trends = trends.Value;
        Insights = seen.Value;
        SetAside = (await insights.SetAsideAsync(SpaceId, ct)).Value?.Insights ?? [];
        if (Insights!.Plan is { } plan && plan.Steps.Any(st => st.PracticeId == Hearth.Core.Practices.PracticeIds.MemoryLane))
        {
            var timeline = await memories.TimelineAsync(SpaceId, ct);
            Reflections = timeline.IsOk
                ? timeline.Value!.Memories.Where(m => m.Kind == Hearth.Core.Memories.MemoryKinds.WireName(Hearth.Core.Memories.MemoryKind.Reflection)).Take(5).ToList()
                : [];
        }

        return true;
    }
}

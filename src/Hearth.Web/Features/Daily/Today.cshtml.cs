using Hearth.Web.Api;
using Hearth.Web.Features.Memories;
using Hearth.Web.Features.Prompts;
using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Daily;

[Hearth.Web.Security.ConfirmItsYou]
[Authorize]
public sealed class TodayModel(PromptService prompts, MemoryService memories, PairSpaces pairs, SubmissionGuard once) : PageModel
{
    [BindProperty]
    public string? SubmissionToken { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public PromptDayView? Prompt { get; private set; }

    public IReadOnlyList<OnThisDayView> OnThisDay { get; private set; } = [];

    public PairSpace? Pair { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken ct) =>
        await AfterAsync(await once.OnceAsync("prompt-answer", SubmissionToken, () => prompts.AnswerAsync(SpaceId, Date, new PromptAnswerInput(Text), ct), ct), ct);

    public async Task<IActionResult> OnPostSkipAsync(CancellationToken ct) =>
        await AfterAsync(await prompts.SkipAsync(SpaceId, Date, ct), ct);

    private async Task<IActionResult> AfterAsync(Outcome<PromptDayView> outcome, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsOk)
        {
            return RedirectToPage("/Daily/Today", new { spaceId = SpaceId });
        }

        this.ShowErrors(outcome, prefix: "");
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Pair = await pairs.OpenAsync(SpaceId, ct);
        var today = await prompts.TodayAsync(SpaceId, ct);
        var timeline = await memories.TimelineAsync(SpaceId, ct);
        if (Pair is null || !today.IsOk || !timeline.IsOk)
        {
            return false;
        }

        Prompt = today.Value;
        OnThisDay = timeline.Value!.OnThisDay;
        return true;
    }
}

using Hearth.Web.Api;
using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.QualityTime;

[Authorize]
public sealed class IndexModel(QualityTimeService time, Shared.SubmissionGuard once, IStringLocalizer<QualityTimeText> words) : PageModel
{
    [BindProperty]
    public string? SubmissionToken { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    [BindProperty]
    public ManualForm Input { get; set; } = new();

    [BindProperty]
    public int? ConfirmedMinutes { get; set; }

    public QualityTimeView? Time { get; private set; }

    /// <summary>The timer ran very long: ask how many minutes it really was.</summary>
    public bool AskForMinutes { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct) => await AfterAsync(await time.StartAsync(SpaceId, ct), "", ct);

    public async Task<IActionResult> OnPostStopAsync(CancellationToken ct)
    {
        var outcome = await time.StopAsync(SpaceId, new StopTimerInput(ConfirmedMinutes), ct);
        AskForMinutes = outcome.Title == words["HowLongTitle"].Value || outcome.Kind == OutcomeKind.Invalid;
        return await AfterAsync(outcome, "", ct);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        await AfterAsync(await once.OnceAsync("time", SubmissionToken, () => time.AddManualAsync(SpaceId, new ManualTimeInput(Input.Date, Input.Minutes), ct), ct), "Input", ct);

    public async Task<IActionResult> OnPostRemoveAsync(Guid entryId, CancellationToken ct) =>
        await AfterAsync(await time.RemoveAsync(SpaceId, entryId, ct), "", ct);

    private async Task<IActionResult> AfterAsync(Outcome<QualityTimeView> outcome, string prefix, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsOk)
        {
            return RedirectToPage("/QualityTime/Index", new { spaceId = SpaceId });
        }

        this.ShowErrors(outcome, prefix);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var outcome = await time.GetAsync(SpaceId, null, ct);
        Time = outcome.Value;
        Input.Date ??= Time?.Today;
        return outcome.IsOk;
    }

    public sealed class ManualForm
    {
        public string? Date { get; set; }

        public int? Minutes { get; set; }
    }
}

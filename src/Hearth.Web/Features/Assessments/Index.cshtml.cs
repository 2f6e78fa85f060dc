using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Assessments;

public sealed class IndexModel(AssessmentService assessments) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    [BindProperty]
    public bool SexualOptIn { get; set; }

    public AssessmentState? State { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await assessments.GetStateAsync(SpaceId, ct);
        if (!outcome.IsOk)
        {
            return NotFound();
        }

        State = outcome.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var outcome = await assessments.StartAsync(SpaceId, new StartInput(SexualOptIn), ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.IsOk && outcome.Status != 409)
        {
            this.ShowErrors(outcome);
            return await OnGetAsync(ct);
        }

        var state = outcome.Value ?? (await assessments.GetStateAsync(SpaceId, ct)).Value!;
        return RedirectToPage("/Assessments/Step", new { spaceId = SpaceId, section = state.CurrentSection ?? state.Steps[0] });
    }
}

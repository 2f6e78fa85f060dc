using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Assessments;

[Hearth.Web.Security.ConfirmItsYou]
public sealed class ResultsModel(AssessmentService assessments, IStringLocalizer<AssessmentsText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Round { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Finished { get; set; }

    public AssessmentResultView? Result { get; private set; }

    /// <summary>A way of receiving care in the member's language: the resource "Care.&lt;way&gt;".</summary>
    public string CareWayName(string way)
    {
        var name = text[$"Care.{way}"];
        return name.ResourceNotFound ? way : name.Value;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await assessments.GetResultAsync(SpaceId, Round, ct);
        if (outcome.IsOk)
        {
            Result = outcome.Value;
            return Page();
        }

        // No finished round yet: the assessment's start page explains what to do.
        var state = await assessments.GetStateAsync(SpaceId, ct);
        return state.IsOk && Round is null ? RedirectToPage("/Assessments/Index", new { spaceId = SpaceId }) : NotFound();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Assessments;

[Hearth.Web.Security.ConfirmItsYou]
public sealed class MapModel(AssessmentService assessments, IStringLocalizer<AssessmentsText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    public ClosenessMapView? Map { get; private set; }

    /// <summary>Short axis labels that fit a phone screen; the table beside the chart has the full names.</summary>
    public string ShortName(string dimension)
    {
        var name = text[$"Short.{dimension}"];
        return name.ResourceNotFound ? dimension : name.Value;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await assessments.GetMapAsync(SpaceId, ct);
        if (!outcome.IsOk)
        {
            return NotFound();
        }

        Map = outcome.Value;
        return Page();
    }
}

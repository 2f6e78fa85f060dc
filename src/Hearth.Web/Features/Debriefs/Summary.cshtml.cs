using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Debriefs;

/// <summary>The debrief on one printable page: only what both shared, none of anyone's saved marks.</summary>
[Hearth.Web.Security.ConfirmItsYou]
public sealed class SummaryModel(DebriefService debriefs) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    public DebriefView? Debrief { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await debriefs.GetAsync(SpaceId, ct);
        if (!outcome.IsOk)
        {
            return NotFound();
        }

        Debrief = outcome.Value;
        return Page();
    }
}

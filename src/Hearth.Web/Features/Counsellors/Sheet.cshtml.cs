using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Counsellors;

/// <summary>One pair's read-only session-prep sheet, printable; the look goes into the pair's access log.</summary>
[Hearth.Web.Security.ConfirmItsYou]
public sealed class CounsellorSheetModel(CounsellorViewService service) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid GrantId { get; set; }

    public CounsellorSheetView? Sheet { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await service.SheetAsync(GrantId, ct);
        if (!outcome.IsOk)
        {
            return NotFound();
        }

        Sheet = outcome.Value;
        return Page();
    }
}

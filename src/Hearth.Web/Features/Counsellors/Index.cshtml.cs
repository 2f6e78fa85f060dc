using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Counsellors;

/// <summary>The counsellor's list: the pairs whose access is active now.</summary>
public sealed class CounsellorIndexModel(CounsellorViewService service) : PageModel
{
    public IReadOnlyList<CounsellorPairView> Pairs { get; private set; } = [];

    /// <summary>Just redeemed an invitation code: say what that means.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Welcome { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await service.ListAsync(ct);
        if (!outcome.IsOk)
        {
            return NotFound();
        }

        Pairs = outcome.Value!;
        return Page();
    }
}

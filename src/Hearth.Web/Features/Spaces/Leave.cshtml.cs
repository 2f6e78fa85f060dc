using Hearth.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Spaces;

public sealed class LeaveModel(SpaceService spaces) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        (await spaces.GetAsync(SpaceId, ct)).Kind == OutcomeKind.NotFound ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await spaces.LeaveAsync(SpaceId, ct);
        return outcome.Kind == OutcomeKind.NotFound ? NotFound() : RedirectToPage("/Spaces/Index", new { left = "true" });
    }
}

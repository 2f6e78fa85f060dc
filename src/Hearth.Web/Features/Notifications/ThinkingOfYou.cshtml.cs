using Hearth.Web.Features.Shared;
using Hearth.Web.Pair;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Notifications;

/// <summary>
/// The space page's "thinking of you" button posts here: sent, back to the space page with a short
/// "Sent."; too soon (or nobody else here yet), this page says so with the status (429, 409).
/// </summary>
public sealed class ThinkingOfYouModel(ThinkingOfYouService service, PairSpaces pairs) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await pairs.OpenAsync(SpaceId, ct) is null ? NotFound() : RedirectToPage("/Spaces/Space", new { spaceId = SpaceId });

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await service.SendAsync(SpaceId, ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsOk)
        {
            return RedirectToPage("/Spaces/Space", null, new { spaceId = SpaceId, thought = "sent" }, "thinking-of-you");
        }

        this.ShowErrors(outcome, prefix: "");
        return Page();
    }
}

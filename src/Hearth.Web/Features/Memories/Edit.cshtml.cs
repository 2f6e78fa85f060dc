using Hearth.Web.Api;
using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Memories;

[Hearth.Web.Security.ConfirmItsYou]
[Authorize]
public sealed class EditModel(MemoryService memories) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid MemoryId { get; set; }

    [BindProperty]
    public MemoryForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await memories.GetAsync(SpaceId, MemoryId, ct);
        if (!outcome.IsOk || !outcome.Value!.Yours)
        {
            return NotFound();
        }

        var m = outcome.Value;
        Input = new MemoryForm { Date = m.Date, Kind = m.Kind, Title = m.Title, Text = m.Text, Visibility = m.Shared ? "shared" : "private" };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await memories.UpdateAsync(SpaceId, MemoryId, Input.ToInput(), ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.IsOk)
        {
            this.ShowErrors(outcome);
            return Page();
        }

        return RedirectToPage("/Memories/Index", new { spaceId = SpaceId });
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var outcome = await memories.DeleteAsync(SpaceId, MemoryId, ct);
        return outcome.Kind == OutcomeKind.NotFound ? NotFound() : RedirectToPage("/Memories/Index", new { spaceId = SpaceId });
    }
}

using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Spaces;

public sealed class NewModel(SpaceService spaces) : PageModel
{
    [BindProperty]
    public NewSpaceForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await spaces.CreateAsync(new CreateSpaceInput(Input.Kind, Input.Label), ct);
        if (!outcome.IsOk)
        {
            this.ShowErrors(outcome);
            return Page();
        }

        return RedirectToPage("/Spaces/Space", new { spaceId = outcome.Value!.Id, created = "true" });
    }

    public sealed class NewSpaceForm
    {
        public string? Kind { get; set; }

        public string? Label { get; set; }
    }
}

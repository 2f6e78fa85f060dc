using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Spaces;

public sealed class NewModel(SpaceService spaces) : PageModel
{
    [BindProperty]
    public NewSpaceForm Input { get; set; } = new();

    /// <summary>A counsellor account starts no space: the page says so instead of offering the form.</summary>
    public bool Counsellor { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Counsellor = await spaces.CallerIsCounsellorAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await spaces.CreateAsync(new CreateSpaceInput(Input.Kind, Input.Label), ct);
        if (!outcome.IsOk)
        {
            Counsellor = outcome.Status == StatusCodes.Status409Conflict && await spaces.CallerIsCounsellorAsync(ct);
            if (Counsellor)
            {
                Response.StatusCode = StatusCodes.Status409Conflict;
            }
            else
            {
                this.ShowErrors(outcome);
            }

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

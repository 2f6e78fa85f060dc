using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Counsellors;

/// <summary>
/// One pair's session-prep sheet, printable; the look goes into the pair's access log. The one form on
/// it suggests a practice to the pair (ADR 50 §1).
/// </summary>
[Hearth.Web.Security.ConfirmItsYou]
public sealed class CounsellorSheetModel(CounsellorViewService service, CounsellorSuggestionService suggestions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid GrantId { get; set; }

    [BindProperty]
    public SuggestForm Input { get; set; } = new();

    public CounsellorSheetView? Sheet { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostSuggestAsync(CancellationToken ct)
    {
        var outcome = await suggestions.SuggestAsync(GrantId, new SuggestPracticeInput(Input.PracticeId, Input.Note), ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.IsOk)
        {
            this.ShowErrors(outcome);
            var status = Response.StatusCode;
            var page = await ShowAsync(ct);
            Response.StatusCode = status;
            return page;
        }

        return Redirect(Url.Page("/Counsellors/Sheet", new { grantId = GrantId }) + "#suggested");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var outcome = await service.SheetAsync(GrantId, ct);
        if (!outcome.IsOk)
        {
            return NotFound();
        }

        Sheet = outcome.Value;
        return Page();
    }

    public sealed class SuggestForm
    {
        public string? PracticeId { get; set; }

        public string? Note { get; set; }
    }
}

using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.DataRights;

[Authorize]
public sealed class DeleteModel(AccountDeletionService deletion) : PageModel
{
    [BindProperty]
    public string? Passphrase { get; set; }

    public bool Deleted { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await deletion.DeleteAsync(new DeleteAccountInput(Passphrase), ct);
        Passphrase = null;
        if (!outcome.IsOk)
        {
            this.ShowErrors(outcome, prefix: "");
            return Page();
        }

        Response.Headers["Clear-Site-Data"] = "\"cache\", \"cookies\", \"storage\"";
        Deleted = true;

        // The account is gone: the rest of this page is drawn for a visitor, not a signed-in person.
        HttpContext.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        return Page();
    }
}

using Hearth.Web.Features.Shared;
using Hearth.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Hearth.Web.Features.Accounts;

[EnableRateLimiting(RateLimits.Account)]
public sealed class ConfirmModel(AccountService accounts) : ReturningPageModel
{
    [BindProperty]
    public string? Passphrase { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await accounts.ConfirmAsync(new ConfirmInput(Passphrase), ct);
        if (!outcome.IsOk)
        {
            this.ShowErrors(outcome, prefix: "");
            Passphrase = null;
            return Page();
        }

        return this.ReturnOrRedirectToPage(ReturnUrl, "/Spaces/Index");
    }
}

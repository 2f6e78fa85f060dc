using Hearth.Web.Features.AccountSecurity;
using Hearth.Web.Features.Shared;
using Hearth.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Hearth.Web.Features.Accounts;

[EnableRateLimiting(RateLimits.Account)]
public sealed class SignInCodeModel(AccountService accounts) : ReturningPageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await accounts.SignInSecondStepAsync(new SecondStepInput(Code), Request.Headers.UserAgent, ct);
        if (!outcome.IsOk)
        {
            this.ShowErrors(outcome, prefix: "");
            Code = null;
            return Page();
        }

        return this.ReturnOrRedirectToPage(ReturnUrl, "/Spaces/Index");
    }
}

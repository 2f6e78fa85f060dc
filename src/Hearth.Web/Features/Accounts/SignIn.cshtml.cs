using Hearth.Web.Features.Shared;
using Hearth.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Hearth.Web.Features.Accounts;

[EnableRateLimiting(RateLimits.Account)]
public sealed class SignInModel(AccountService accounts) : ReturningPageModel
{
    [BindProperty]
    public SignInForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Reset { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool SignedOut { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await accounts.SignInAsync(new SignInInput(Input.Email, Input.Password), Request.Headers.UserAgent, ct);
        if (outcome.Title == AccountService.SecondStepTitle)
        {
            return RedirectToPage("/Accounts/SignInCode", new { returnUrl = PageOutcomes.SafeReturnUrl(ReturnUrl, Url.Page("/Spaces/Index")!) });
        }

        if (!outcome.IsOk)
        {
            this.ShowErrors(outcome);
            Input.Password = null;
            return Page();
        }

        return this.ReturnOrRedirectToPage(ReturnUrl, "/Spaces/Index");
    }

    public sealed class SignInForm
    {
        public string? Email { get; set; }

        public string? Password { get; set; }
    }
}

using Hearth.Web.Features.Shared;
using Hearth.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Hearth.Web.Features.Accounts;

[EnableRateLimiting(RateLimits.Account)]
public sealed class ResetModel(AccountService accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? U { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public ResetForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = Guid.TryParse(U, out var id) ? id : Guid.Empty;
        var outcome = await accounts.ResetPasswordAsync(new ResetPasswordInput(userId, Code, Input.NewPassword), ct);
        if (!outcome.IsOk)
        {
            this.ShowErrors(outcome);
            return Page();
        }

        return RedirectToPage("/Accounts/SignIn", new { reset = "true" });
    }

    public sealed class ResetForm
    {
        public string? NewPassword { get; set; }
    }
}

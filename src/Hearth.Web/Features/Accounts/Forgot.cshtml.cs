using Hearth.Web.Features.Shared;
using Hearth.Web.Hosting;
using Hearth.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Hearth.Web.Features.Accounts;

[EnableRateLimiting(RateLimits.Account)]
public sealed class ForgotModel(AccountService accounts, Links links) : PageModel
{
    [BindProperty]
    public ForgotForm Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await accounts.RequestPasswordResetAsync(new ForgotPasswordInput(Input.Email), links.BaseUrl, ct);
        if (!outcome.IsOk)
        {
            this.ShowErrors(outcome);
            return Page();
        }

        Sent = true;
        return Page();
    }

    public sealed class ForgotForm
    {
        public string? Email { get; set; }
    }
}

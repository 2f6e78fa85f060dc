using Hearth.Web.Features.Shared;
using Hearth.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Hearth.Web.Features.Accounts;

[EnableRateLimiting(RateLimits.Account)]
public sealed class RegisterModel(AccountService accounts) : ReturningPageModel
{
    [BindProperty]
    public RegisterForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var created = await accounts.RegisterAsync(new RegisterInput(Input.Email, Input.Password, Input.DisplayName, Input.TimeZone), ct);
        if (!created.IsOk)
        {
            this.ShowErrors(created);
            return Page();
        }

        var signedIn = await accounts.SignInAsync(new SignInInput(Input.Email, Input.Password), Request.Headers.UserAgent, ct);
        if (!signedIn.IsOk)
        {
            return RedirectToPage("/Accounts/SignIn");
        }

        return this.ReturnOrRedirectToPage(ReturnUrl, "/Spaces/Index", new { welcome = "true" });
    }

    public sealed class RegisterForm
    {
        public string? DisplayName { get; set; }

        public string? Email { get; set; }

        public string? Password { get; set; }

        /// <summary>Filled from the browser by /js/time-zone.js when scripts run; optional.</summary>
        public string? TimeZone { get; set; }
    }
}

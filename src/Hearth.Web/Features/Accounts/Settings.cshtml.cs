using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Accounts;

[Authorize]
public sealed class SettingsModel(AccountSettingsService settings) : PageModel
{
    [BindProperty]
    public string? TimeZoneId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => TimeZoneId = (await settings.GetAsync(ct)).TimeZoneId;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await settings.UpdateAsync(new AccountSettingsInput(TimeZoneId), ct);
        if (!outcome.IsOk)
        {
            this.ShowErrors(outcome, prefix: "");
            return Page();
        }

        return RedirectToPage("/Accounts/Settings", new { saved = "true" });
    }
}

using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Counsellors;

/// <summary>Redeeming the operator's invitation code (ADR 50 §3): the signed-in account becomes a counsellor.</summary>
public sealed class CounsellorRedeemModel(CounsellorCodeService service) : PageModel
{
    [BindProperty]
    public RedeemForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await service.RedeemAsync(new RedeemCounsellorCodeInput(Input.Code), ct);
        if (!outcome.IsOk)
        {
            this.ShowErrors(outcome);
            return Page();
        }

        return RedirectToPage("/Counsellors/Index", new { welcome = "true" });
    }

    public sealed class RedeemForm
    {
        public string? Code { get; set; }
    }
}

using Hearth.Web.Features.Shared;
using Hearth.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Languages;

/// <summary>
/// The language switch (the foot of every page, and the settings page post here): remembers the
/// choice in this browser and, when signed in, on the account; then back to the same page (ADR 12).
/// </summary>
public sealed class ChooseModel(LanguageService languages, CurrentMember current, TimeProvider clock) : PageModel
{
    private string? returnUrl;

    [BindProperty]
    public string? Language { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get => returnUrl; set => returnUrl = ReturnUrls.OrNull(value); }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (LanguageService.Exact(Language) is not { } chosen)
        {
            this.ShowErrors(languages.Unknown<LanguageView>(), prefix: "");
            return Page();
        }

        if (current.UserId is not null)
        {
            await languages.SetAsync(new LanguageInput(chosen), ct);
        }

        LanguageCookie.Write(Response, chosen, clock.GetUtcNow());
        return this.ReturnOrRedirectToPage(ReturnUrl, "/Index");
    }
}

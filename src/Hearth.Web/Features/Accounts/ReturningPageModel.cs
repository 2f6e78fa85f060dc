using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Accounts;

/// <summary>An account page that may send the person on to where they were going once they are through.</summary>
public abstract class ReturningPageModel : PageModel
{
    private string? returnUrl;

    /// <summary>Only ever a local path (<see cref="ReturnUrls.IsLocal"/>): anything else is dropped as it is bound, so the page never renders it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get => returnUrl; set => returnUrl = ReturnUrls.OrNull(value); }
}

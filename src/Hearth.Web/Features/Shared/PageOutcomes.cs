using Hearth.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Shared;

/// <summary>Shows a service's field errors beside the fields, and any refusal above the form.</summary>
public static class PageOutcomes
{
    public static void ShowErrors<T>(this PageModel page, Outcome<T> outcome, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Errors is { } errors)
        {
            foreach (var (field, messages) in errors)
            {
                var key = string.IsNullOrEmpty(prefix) ? Capitalise(field) : $"{prefix}.{Capitalise(field)}";
                foreach (var message in messages)
                {
                    page.ModelState.AddModelError(key, message);
                }
            }
        }
        else if (outcome.Detail is { } detail)
        {
            page.ModelState.AddModelError(string.Empty, detail);
        }

        page.Response.StatusCode = outcome.Kind == OutcomeKind.Invalid ? 400 : outcome.Status;
        if (outcome.RetryAfter is { } wait)
        {
            page.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Only paths on this site (<see cref="ReturnUrls.IsLocal"/>), so a crafted link cannot send someone elsewhere after sign-in; otherwise <paramref name="fallback"/>, made from a page name (Url.Page).</summary>
    public static string SafeReturnUrl(string? returnUrl, string fallback) => ReturnUrls.OrFallback(returnUrl, fallback);

    /// <summary>Back to the return URL when it is local (<see cref="ReturnUrls.IsLocal"/>), or else on to one of our pages by name.</summary>
    public static IActionResult ReturnOrRedirectToPage(this PageModel page, string? returnUrl, string pageName, object? routeValues = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        return ReturnUrls.IsLocal(returnUrl) ? page.LocalRedirect(returnUrl!) : page.RedirectToPage(pageName, routeValues);
    }

    private static string Capitalise(string field) =>
        field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..];
}

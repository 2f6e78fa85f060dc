using Hearth.Web.Api;
using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.AccountSecurity;

[Hearth.Web.Security.ConfirmItsYou]
public sealed class IndexModel(SessionService sessions, TwoFactorService twoFactor, PasskeyService passkeys, IStringLocalizer<AccountSecurityText> text) : PageModel
{
    public IReadOnlyList<PasskeyView> Passkeys { get; private set; } = [];

    [BindProperty]
    public string? PasskeyId { get; set; }

    [BindProperty]
    public string? PasskeyName { get; set; }

    public async Task<IActionResult> OnPostRenamePasskeyAsync(CancellationToken ct)
    {
        var outcome = await passkeys.RenameAsync(PasskeyId ?? "", new PasskeyNameInput(PasskeyName));
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.IsOk)
        {
            errors = outcome.Errors;
            ModelState.AddModelError(string.Empty, outcome.Errors!.Values.First()[0]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }

        return RedirectToPage("/AccountSecurity/Index", new { done = "passkey-renamed" });
    }

    public async Task<IActionResult> OnPostRemovePasskeyAsync(CancellationToken ct)
    {
        var outcome = await passkeys.RemoveAsync(PasskeyId ?? "");
        return outcome.IsOk ? RedirectToPage("/AccountSecurity/Index", new { done = "passkey-removed" }) : NotFound();
    }

    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public TwoFactorStatus TwoFactor { get; private set; } = new(false, 0);

    public TwoFactorSetup? Setup { get; private set; }

    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public Guid SessionId { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Passphrase { get; set; }

    private IReadOnlyDictionary<string, string[]>? errors;

    public string? Message => Done switch
    {
        "ended" => text["DoneEnded"].Value,
        "others" => text["DoneOthers"].Value,
        "two-factor-off" => text["DoneTwoFactorOff"].Value,
        "passkey-added" => text["DonePasskeyAdded"].Value,
        "passkey-renamed" => text["DonePasskeyRenamed"].Value,
        "passkey-removed" => text["DonePasskeyRemoved"].Value,
        _ => null,
    };

    /// <summary>"1 Jun 2026" / "1. Juni 2026": the one place this page formats a date, in the reader's culture.</summary>
    public static string Day(DateTimeOffset at) => at.ToString(DayPattern(withYear: true), System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>"1 Jun 2026, 9:00 AM" / "1. Juni 2026, 09:00" (or without the year), in the reader's culture; the times are UTC.</summary>
    public static string DayAndTime(DateTimeOffset at, bool withYear) =>
        at.ToString(DayPattern(withYear), System.Globalization.CultureInfo.CurrentCulture) + ", "
        + Hearth.Web.Languages.CultureFormats.Time(NodaTime.LocalTime.FromTimeOnly(TimeOnly.FromTimeSpan(at.TimeOfDay)));

    private static string DayPattern(bool withYear) =>
        System.Globalization.CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "de"
            ? (withYear ? "d. MMM yyyy" : "d. MMM")
            : (withYear ? "d MMM yyyy" : "d MMM");

    public string? FieldError(string field) => errors is not null && errors.TryGetValue(field, out var list) ? list[0] : null;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostEndAsync(CancellationToken ct)
    {
        var outcome = await sessions.EndAsync(SessionId, ct);
        return outcome.IsOk ? RedirectToPage("/AccountSecurity/Index", new { done = "ended" }) : NotFound();
    }

    public async Task<IActionResult> OnPostEndOthersAsync(CancellationToken ct)
    {
        await sessions.EndOthersAsync(ct);
        return RedirectToPage("/AccountSecurity/Index", new { done = "others" });
    }

    public async Task<IActionResult> OnPostSetupTwoFactorAsync(CancellationToken ct)
    {
        var setup = await twoFactor.SetupAsync();
        Setup = setup.Value;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableTwoFactorAsync(CancellationToken ct)
    {
        var outcome = await twoFactor.EnableAsync(new EnableTwoFactorInput(Code));
        if (outcome.IsOk)
        {
            NewRecoveryCodes = outcome.Value!.Codes;
        }
        else
        {
            // A wrong code shows beside the field; a wait (too many tries) above the form, with its 429.
            errors = outcome.Errors;
            this.ShowErrors(outcome, prefix: "");
            Setup = (await twoFactor.SetupAsync()).Value;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync(CancellationToken ct)
    {
        var outcome = await twoFactor.DisableAsync(new DisableTwoFactorInput(Passphrase));
        if (outcome.IsOk)
        {
            return RedirectToPage("/AccountSecurity/Index", new { done = "two-factor-off" });
        }

        errors = outcome.Errors;
        this.ShowErrors(outcome, prefix: "");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Sessions = await sessions.ListAsync(ct);
        TwoFactor = await twoFactor.StatusAsync();
        Passkeys = await passkeys.ListAsync();
    }
}

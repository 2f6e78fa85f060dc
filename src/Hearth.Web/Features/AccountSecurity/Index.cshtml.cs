using Hearth.Web.Api;
using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.AccountSecurity;

[Hearth.Web.Security.ConfirmItsYou]
public sealed class IndexModel(SessionService sessions, TwoFactorService twoFactor, PasskeyService passkeys) : PageModel
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
        "ended" => "That device is signed out.",
        "others" => "You're signed out everywhere else.",
        "two-factor-off" => "The second step is off. Your passphrase alone signs you in again.",
        "passkey-added" => "Your passkey is ready. Next time, choose \"Sign in with a passkey\".",
        "passkey-renamed" => "Renamed.",
        "passkey-removed" => "That passkey is removed. It can't be used to sign in any more.",
        _ => null,
    };

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

using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Notifications;

/// <summary>
/// /account/notifications: this member's devices for Web Push (added by the page's script), each
/// removable; what may reach them, quiet hours, a pause; and the log of what was sent to them.
/// </summary>
public sealed class IndexModel(PushDevices devices, NotificationPreferences preferences, EmailReminders email, IStringLocalizer<NotificationsText> text) : PageModel
{
    public IReadOnlyList<PushDeviceView> Devices { get; private set; } = [];

    public NotificationSettingsView Settings { get; private set; } = new([], null, null, null, 0);

    public IReadOnlyList<NotificationLogView> Log { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public Guid DeviceId { get; set; }

    /// <summary>The kinds ticked on the form (a kind not ticked is off).</summary>
    [BindProperty]
    public List<string> On { get; set; } = [];

    /// <summary>The kinds ticked for e-mail (only offered when e-mail reminders work here).</summary>
    [BindProperty]
    public List<string> OnEmail { get; set; } = [];

    [BindProperty]
    public string? QuietFrom { get; set; }

    [BindProperty]
    public string? QuietUntil { get; set; }

    [BindProperty]
    public string? PausedUntil { get; set; }

    public string? Message => Done switch
    {
        "added" => text["TurnOnDone"].Value,
        "removed" => text["DoneRemoved"].Value,
        "saved" => text["Saved"].Value,
        _ => null,
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        QuietFrom = Settings.QuietFrom;
        QuietUntil = Settings.QuietUntil;
        PausedUntil = Settings.PausedUntil;
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        var outcome = await devices.RemoveAsync(DeviceId, ct);
        return outcome.IsOk ? RedirectToPage("/Notifications/Index", new { done = "removed" }) : NotFound();
    }

    public async Task<IActionResult> OnPostChoicesAsync(CancellationToken ct)
    {
        var kinds = NotificationKinds.All.Select(k => new NotificationKindInput(NotificationWire.Kind(k.Kind), On.Contains(k.Kind), email.Available ? OnEmail.Contains(k.Kind) : null)).ToList();
        var outcome = await preferences.UpdateAsync(new NotificationSettingsInput(kinds, QuietFrom, QuietUntil, PausedUntil), ct);
        if (outcome.IsOk)
        {
            return RedirectToPage("/Notifications/Index", new { done = "saved" });
        }

        this.ShowErrors(outcome, prefix: "");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Devices = await devices.ListAsync(ct);
        Settings = await preferences.GetAsync(ct);
        Log = await preferences.LogAsync(ct);
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Notifications;

/// <summary>/account/notifications: this member's devices for Web Push (added by the page's script), each removable.</summary>
public sealed class IndexModel(PushDevices devices, IStringLocalizer<NotificationsText> text) : PageModel
{
    public IReadOnlyList<PushDeviceView> Devices { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public Guid DeviceId { get; set; }

    public string? Message => Done switch
    {
        "added" => text["TurnOnDone"].Value,
        "removed" => text["DoneRemoved"].Value,
        _ => null,
    };

    public async Task OnGetAsync(CancellationToken ct) => Devices = await devices.ListAsync(ct);

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        var outcome = await devices.RemoveAsync(DeviceId, ct);
        return outcome.IsOk ? RedirectToPage("/Notifications/Index", new { done = "removed" }) : NotFound();
    }
}

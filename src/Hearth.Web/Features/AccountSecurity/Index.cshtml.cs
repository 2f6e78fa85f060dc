using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.AccountSecurity;

public sealed class IndexModel(SessionService sessions) : PageModel
{
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public Guid SessionId { get; set; }

    public string? Message => Done switch
    {
        "ended" => "That device is signed out.",
        "others" => "You're signed out everywhere else.",
        _ => null,
    };

    public async Task OnGetAsync(CancellationToken ct) => Sessions = await sessions.ListAsync(ct);

    public async Task<IActionResult> OnPostEndAsync(CancellationToken ct)
    {
        var outcome = await sessions.EndAsync(SessionId, ct);
        return outcome.IsOk ? Redirect("/account/security?done=ended") : NotFound();
    }

    public async Task<IActionResult> OnPostEndOthersAsync(CancellationToken ct)
    {
        await sessions.EndOthersAsync(ct);
        return Redirect("/account/security?done=others");
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.QualityTime;

[Authorize]
public sealed class WeekModel(QualityTimeService time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Start { get; set; }

    public QualityTimeView? Time { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await time.GetAsync(SpaceId, Start, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            outcome = await time.GetAsync(SpaceId, null, ct);
        }

        Time = outcome.Value;
        return outcome.IsOk ? Page() : NotFound();
    }
}

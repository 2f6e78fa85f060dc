using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.TalkThrough;

[Hearth.Web.Security.ConfirmItsYou]
public sealed class IndexModel(TalkThroughService service) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    /// <summary>The title of the practice just agreed on, for the thank-you line.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Added { get; set; }

    [BindProperty]
    public string? PracticeId { get; set; }

    public TalkThroughView? Talk { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await service.GetAsync(SpaceId, ct);
        if (!outcome.IsOk)
        {
            return NotFound();
        }

        Talk = outcome.Value;
        if (Added is not null && !Hearth.Core.Practices.PracticeCatalog.Default.TryGet(Added, out _))
        {
            Added = null;
        }

        Added = Added is null ? null : Hearth.Core.Practices.PracticeCatalog.For(System.Globalization.CultureInfo.CurrentUICulture.Name).Practices.FirstOrDefault(p => p.Id == Added)?.Title;
        return Page();
    }

    public async Task<IActionResult> OnPostAgreeAsync(CancellationToken ct)
    {
        var outcome = await service.AgreeAsync(SpaceId, new TalkAgreementInput(PracticeId), ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.IsOk)
        {
            this.ShowErrors(outcome, prefix: "");
            var again = await service.GetAsync(SpaceId, ct);
            if (!again.IsOk)
            {
                return NotFound();
            }

            Talk = again.Value;
            return Page();
        }

        return RedirectToPage("/TalkThrough/Index", null, new { spaceId = SpaceId, added = PracticeId }, "step-agreement");
    }
}

using Hearth.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Practices;

[Authorize]
public sealed class IndexModel(PracticeService practices, Hearth.Web.Features.Counsellors.CounsellorSuggestionService counsellor) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Dimension { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Apart { get; set; }

    [BindProperty]
    public string? PracticeId { get; set; }

    public PracticeListView? List { get; private set; }

    public IReadOnlyList<PracticeView> Ours { get; private set; } = [];

    /// <summary>Practices a counsellor suggested (practice mode only; ADR 50 §1).</summary>
    public IReadOnlyList<Hearth.Web.Features.Counsellors.CounsellorSuggestionView> FromCounsellor { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var ours = await practices.OurListAsync(SpaceId, ct);
        if (!ours.IsOk)
        {
            return NotFound();
        }

        Ours = ours.Value!;
        var list = await practices.BrowseAsync(SpaceId, new PracticeFilter(Dimension, Apart), ct);
        if (!list.IsOk)
        {
            // An unknown dimension in the address: show everything rather than an error.
            Dimension = null;
            list = await practices.BrowseAsync(SpaceId, new PracticeFilter(null, Apart), ct);
        }

        List = list.Value;
        FromCounsellor = await counsellor.ShownOnPageAsync(SpaceId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        After(await practices.AddAsync(SpaceId, PracticeId ?? "", ct));

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct) =>
        After(await practices.RemoveAsync(SpaceId, PracticeId ?? "", ct));

    private IActionResult After(Outcome<IReadOnlyList<PracticeView>> outcome)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        return RedirectToPage("/Practices/Index", new { spaceId = SpaceId, dimension = Dimension, apart = Apart ? "true" : null });
    }
}

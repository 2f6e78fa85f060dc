using Hearth.Core.Spaces;
using Hearth.Web.Api;
using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Debriefs;

/// <summary>The debrief for two: strengths, topics, and each item's "save for a counsellor".</summary>
[Hearth.Web.Security.ConfirmItsYou]
public sealed class IndexModel(DebriefService debriefs, PairSpaces pairs) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    [BindProperty]
    public string? ItemId { get; set; }

    public DebriefView? Debrief { get; private set; }

    public RelationshipKind Kind { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => await AfterAsync(await debriefs.SaveAsync(SpaceId, ItemId, ct), ct);

    public async Task<IActionResult> OnPostUnsaveAsync(CancellationToken ct) => await AfterAsync(await debriefs.UnsaveAsync(SpaceId, ItemId ?? "", ct), ct);

    private async Task<IActionResult> AfterAsync(Outcome<SavedForCounsellorView> outcome, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.IsOk)
        {
            this.ShowErrors(outcome, prefix: "");

        // The button has no field of its own: its message goes above the page's content.
        foreach (var error in ModelState.TryGetValue("ItemId", out var entry) ? entry.Errors.ToList() : [])
        {
            ModelState.AddModelError(string.Empty, error.ErrorMessage);
        }

            return await ShowAsync(ct) ? Page() : NotFound();
        }

        return RedirectToPage("/Debriefs/Index", null, new { spaceId = SpaceId }, "item-" + ItemId);
    }

    private async Task<bool> ShowAsync(CancellationToken ct)
    {
        var outcome = await debriefs.GetAsync(SpaceId, ct);
        var pair = await pairs.OpenAsync(SpaceId, ct);
        if (!outcome.IsOk || pair is null)
        {
            return false;
        }

        Debrief = outcome.Value;
        Kind = pair.Kind;
        return true;
    }
}

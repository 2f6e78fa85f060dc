using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Counsellors;

/// <summary>The space's counsellor page, for both members: invite, agree, end, and the access log.</summary>
public sealed class SpaceCounsellorModel(CounsellorGrantService service, CounsellorSuggestionService suggestions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    [BindProperty]
    public CounsellorForm Input { get; set; } = new();

    public SpaceCounsellorView? View { get; private set; }

    /// <summary>What a counsellor suggested that you have not put away (ADR 50 §1).</summary>
    public IReadOnlyList<CounsellorSuggestionView> Suggestions { get; private set; } = [];

    [BindProperty]
    public Guid SuggestionId { get; set; }

    /// <summary>The page the "put it away" button was on: "practices" goes back there, anything else here.</summary>
    [BindProperty]
    public string? From { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct) =>
        await AfterAsync(await service.InviteAsync(SpaceId, new InviteCounsellorInput(Input.Email, Input.Scopes, Input.Days), ct), ct);

    public async Task<IActionResult> OnPostConsentAsync(CancellationToken ct) =>
        await AfterAsync(await service.ConsentAsync(SpaceId, new CounsellorConsentInput(Input.Scopes, Input.Days), ct), ct);

    public async Task<IActionResult> OnPostEndAsync(CancellationToken ct) =>
        await AfterAsync(await service.EndAsync(SpaceId, ct), ct);

    public async Task<IActionResult> OnPostDismissAsync(CancellationToken ct)
    {
        var outcome = await suggestions.DismissAsync(SpaceId, SuggestionId, ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        return From == "practices"
            ? RedirectToPage("/Practices/Index", new { spaceId = SpaceId })
            : RedirectToPage("/Counsellors/Space", new { spaceId = SpaceId });
    }

    private async Task<IActionResult> AfterAsync<T>(Outcome<T> outcome, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.NotFound && (await service.GetAsync(SpaceId, ct)).Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.IsOk)
        {
            this.ShowErrors(outcome);
            return await ShowAsync(ct);
        }

        return RedirectToPage("/Counsellors/Space", new { spaceId = SpaceId });
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var outcome = await service.GetAsync(SpaceId, ct);
        if (!outcome.IsOk)
        {
            return NotFound();
        }

        View = outcome.Value;
        Suggestions = (await suggestions.ForMemberAsync(SpaceId, ct)).Value ?? [];
        return Page();
    }

    public sealed class CounsellorForm
    {
        public string? Email { get; set; }

        public List<string> Scopes { get; set; } = [];

        public int? Days { get; set; } = CounsellorRules.DefaultDays;
    }
}

using Hearth.Web.Api;
using Hearth.Web.Features.Invitations;
using Hearth.Web.Features.Shared;
using Hearth.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Spaces;

public sealed class SpaceModel(SpaceService spaces, InvitationService invitations, Links links, Dashboard.DashboardService dashboard) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Created { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Joined { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    [BindProperty]
    public string? InviteEmail { get; set; }

    [BindProperty]
    public string? Label { get; set; }

    public SpaceDetail? Space { get; private set; }

    public string? InvitationUrl { get; private set; }

    public bool Emailed { get; private set; }

    /// <summary>Today's question, this week's check-in and time together, as far as the caller may see them.</summary>
    public Dashboard.DashboardView? Dashboard { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var outcome = await invitations.CreateAsync(SpaceId, new CreateInvitationInput(InviteEmail), links.BaseUrl, ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsOk)
        {
            InvitationUrl = outcome.Value!.Url;
            Emailed = outcome.Value.Emailed;
        }
        else
        {
            this.ShowErrors(outcome, prefix: "");
            InviteEmail = InviteEmail is null ? null : InviteEmail;
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        var outcome = await invitations.RevokeAsync(SpaceId, ct);
        return outcome.Kind == OutcomeKind.NotFound ? NotFound() : Redirect($"/spaces/{SpaceId}");
    }

    public async Task<IActionResult> OnPostLabelAsync(CancellationToken ct)
    {
        var outcome = await spaces.SetLabelAsync(SpaceId, new LabelInput(Label), ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.IsOk)
        {
            this.ShowErrors(outcome, prefix: "");
            return await LoadAsync(ct, keepLabel: true) ? Page() : NotFound();
        }

        return Redirect($"/spaces/{SpaceId}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct, bool keepLabel = false)
    {
        var outcome = await dashboard.GetAsync(SpaceId, ct);
        if (!outcome.IsOk)
        {
            return false;
        }

        Dashboard = outcome.Value;
        Space = Dashboard!.Space;
        if (!keepLabel)
        {
            Label = Space!.Label;
        }

        return true;
    }
}

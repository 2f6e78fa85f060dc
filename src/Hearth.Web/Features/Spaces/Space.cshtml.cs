using Hearth.Web.Api;
using Hearth.Web.Features.Invitations;
using Hearth.Web.Features.Shared;
using Hearth.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Spaces;

public sealed class SpaceModel(SpaceService spaces, InvitationService invitations, Links links, Dashboard.DashboardService dashboard, Shared.SubmissionGuard once) : PageModel
{
    [BindProperty]
    public string? SubmissionToken { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Created { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Joined { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    /// <summary>Just after making a link: the page the invitation POST redirects to (post-redirect-get).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Invited { get; set; }

    /// <summary>The new link travels to the GET in TempData (an encrypted cookie), never in the address.</summary>
    private const string NewLinkKey = "Hearth.NewInvitation";

    [BindProperty]
    public string? InviteEmail { get; set; }

    [BindProperty]
    public string? Label { get; set; }

    public SpaceDetail? Space { get; private set; }

    public string? InvitationUrl { get; private set; }

    public bool Emailed { get; private set; }

    /// <summary>Today's question, this week's check-in and time together, as far as the caller may see them.</summary>
    public Dashboard.DashboardView? Dashboard { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        // Shown again on a reload (Peek keeps it), but only while that link is still the live one.
        if (Invited && Space!.PendingInvitation is not null && TempData.Peek(NewLinkKey) is string saved
            && saved.Split('|') is [var space, var emailed, var url] && space == SpaceId.ToString("N"))
        {
            InvitationUrl = url;
            Emailed = emailed == "1";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var outcome = await once.OnceAsync("invitation", SubmissionToken, () => invitations.CreateAsync(SpaceId, new CreateInvitationInput(InviteEmail), links.BaseUrl, ct), ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsOk)
        {
            // Post-redirect-get: reloading the page that shows the link must never make another one.
            TempData[NewLinkKey] = $"{SpaceId:N}|{(outcome.Value!.Emailed ? "1" : "0")}|{outcome.Value.Url}";
            return RedirectToPage("/Spaces/Space", new { spaceId = SpaceId, invited = "true" });
        }

        this.ShowErrors(outcome, prefix: "");
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        TempData.Remove(NewLinkKey);
        var outcome = await invitations.RevokeAsync(SpaceId, ct);
        return outcome.Kind == OutcomeKind.NotFound ? NotFound() : RedirectToPage("/Spaces/Space", new { spaceId = SpaceId });
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

        return RedirectToPage("/Spaces/Space", new { spaceId = SpaceId });
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

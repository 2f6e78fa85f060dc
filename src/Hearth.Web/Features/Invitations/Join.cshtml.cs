using Hearth.Web.Features.Shared;
using Hearth.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Invitations;

/// <summary>
/// The page an invitation link opens. Before sign-in it shows nothing about the space or the
/// inviter; after sign-in, the inviter's display name so the person knows whose invitation it is.
/// </summary>
public sealed class JoinModel(InvitationService invitations, CurrentMember member) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool SignedIn => member.UserId is not null;

    public InvitationPreview? Preview { get; private set; }

    /// <summary>This page's own address, to come back to after sign-in (made from the page's name, ADR 20).</summary>
    public string ReturnPath => Url.Page("/Invitations/Join", new { token = Token }) ?? Url.Page("/Index")!;

    /// <summary>Signed out with a link that can't be used (used, withdrawn, expired, altered): say so first.</summary>
    public bool Dead { get; private set; }

    /// <summary>Signed in with a counsellor account, which has no space of its own: say so, and offer nothing to accept.</summary>
    public bool Counsellor { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!SignedIn)
        {
            if (!await invitations.IsUsableAsync(Token, ct))
            {
                // One answer for every kind of dead link, so it tells a stranger nothing.
                Dead = true;
                Response.StatusCode = StatusCodes.Status410Gone;
            }

            return Page();
        }

        if (await invitations.CallerIsCounsellorAsync(ct))
        {
            Counsellor = true;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var outcome = await invitations.PreviewAsync(Token, ct);
        if (outcome.IsOk)
        {
            Preview = outcome.Value;
            if (!Preview!.CanAccept)
            {
                Response.StatusCode = StatusCodes.Status410Gone;
            }
        }
        else
        {
            this.ShowErrors(outcome);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!SignedIn)
        {
            return RedirectToPage("/Accounts/SignIn", new { returnUrl = ReturnPath });
        }

        var outcome = await invitations.AcceptAsync(new AcceptInvitationInput(Token), ct);
        if (!outcome.IsOk)
        {
            Counsellor = outcome.Status == StatusCodes.Status409Conflict && await invitations.CallerIsCounsellorAsync(ct);
            if (!Counsellor)
            {
                this.ShowErrors(outcome);
            }
            else
            {
                Response.StatusCode = StatusCodes.Status409Conflict;
            }

            return Page();
        }

        return RedirectToPage("/Spaces/Space", new { spaceId = outcome.Value!.SpaceId, joined = "true" });
    }
}

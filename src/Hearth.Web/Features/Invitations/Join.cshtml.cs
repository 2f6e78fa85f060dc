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

    public string ReturnPath => $"/join/{Uri.EscapeDataString(Token ?? "")}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!SignedIn)
        {
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
            return Redirect($"/account/sign-in?returnUrl={Uri.EscapeDataString(ReturnPath)}");
        }

        var outcome = await invitations.AcceptAsync(new AcceptInvitationInput(Token), ct);
        if (!outcome.IsOk)
        {
            this.ShowErrors(outcome);
            return Page();
        }

        return Redirect($"/spaces/{outcome.Value!.SpaceId}?joined=true");
    }
}

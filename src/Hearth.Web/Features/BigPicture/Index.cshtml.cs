using Hearth.Web.Features.Assessments;
using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.BigPicture;

[Hearth.Web.Security.ConfirmItsYou]
public sealed class IndexModel(BigPictureService service, AssessmentService assessments, IStringLocalizer<BigPictureText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    [BindProperty]
    public OfferForm Input { get; set; } = new();

    public RetakeOfferView? Offer { get; private set; }

    public ChangesView? Changes { get; private set; }

    public bool InProgress { get; private set; }

    public sealed class OfferForm
    {
        public bool Enabled { get; set; }

        public string? Weeks { get; set; }
    }

    /// <summary>"52 then, 70 now", or "not enough answers".</summary>
    public string Numbers(PersonChangeView change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Before is { } b && change.After is { } a
            ? text["BeforeAndNow", b.ToString("0", System.Globalization.CultureInfo.CurrentCulture), a.ToString("0", System.Globalization.CultureInfo.CurrentCulture)]
            : text["NotEnough"];
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Input = new OfferForm { Enabled = Offer!.Enabled, Weeks = Offer.Weeks.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return Page();
    }

    public async Task<IActionResult> OnPostOfferAsync(CancellationToken ct)
    {
        int? weeks = null;
        Outcome<RetakeOfferView> outcome;
        if (!string.IsNullOrWhiteSpace(Input.Weeks) && !int.TryParse(Input.Weeks, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
        {
            outcome = Outcome<RetakeOfferView>.Invalid("weeks", text["WeeksRange", Core.Assessments.RetakeOffer.MinimumWeeks, Core.Assessments.RetakeOffer.MaximumWeeks]);
        }
        else
        {
            weeks = string.IsNullOrWhiteSpace(Input.Weeks) ? null : int.Parse(Input.Weeks, System.Globalization.CultureInfo.InvariantCulture);
            outcome = await service.SetOfferAsync(SpaceId, new RetakeOfferInput(Input.Enabled, weeks), ct);
        }

        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.IsOk)
        {
            this.ShowErrors(outcome);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        return RedirectToPage("/BigPicture/Index", new { spaceId = SpaceId, saved = true });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var offer = await service.GetOfferAsync(SpaceId, ct);
        if (!offer.IsOk)
        {
            return false;
        }

        Offer = offer.Value;
        Changes = (await service.GetChangesAsync(SpaceId, null, null, ct)).Value;
        InProgress = (await assessments.GetStateAsync(SpaceId, ct)).Value?.Status == AssessmentStatus.InProgress;
        return true;
    }
}

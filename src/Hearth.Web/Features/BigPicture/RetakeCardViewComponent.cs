using Microsoft.AspNetCore.Mvc;

namespace Hearth.Web.Features.BigPicture;

/// <summary>
/// The small card on the space page: the gentle retake offer when it is due for the caller, or a
/// link to "what changed" once there are two rounds both finished. Nothing otherwise.
/// </summary>
public sealed class RetakeCardViewComponent(BigPictureService service) : ViewComponent
{
    public sealed record Card(Guid SpaceId, bool Offered, bool ChangesReady);

    public async Task<IViewComponentResult> InvokeAsync(Guid spaceId)
    {
        var offer = await service.GetOfferAsync(spaceId, HttpContext.RequestAborted);
        var changes = await service.GetChangesAsync(spaceId, null, null, HttpContext.RequestAborted);
        var card = new Card(spaceId, offer.Value?.Offered == true, changes.Value?.Ready == true);
        return View("/Features/BigPicture/_RetakeCard.cshtml", card);
    }
}

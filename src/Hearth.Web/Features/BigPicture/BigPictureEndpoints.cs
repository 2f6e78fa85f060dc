using Hearth.Web.Api;
using Hearth.Web.Security;

namespace Hearth.Web.Features.BigPicture;

public static class BigPictureEndpoints
{
    public static RouteGroupBuilder MapBigPictureApi(this RouteGroupBuilder space)
    {
        var group = space.MapGroup("/assessment").WithTags("Assessment");

        group.MapGet("/changes", async (Guid spaceId, int? from, int? to, BigPictureService service, CancellationToken ct) =>
                ApiResults.From(await service.GetChangesAsync(spaceId, from, to, ct), v => TypedResults.Ok(v)))
            .RequireConfirmedSession()
            .WithSummary("What changed between two rounds you have both finished (the latest two, or ?from=&to=): each person's own change per shared kind of closeness, reliable or not.");

        group.MapGet("/retake-offer", async (Guid spaceId, BigPictureService service, CancellationToken ct) =>
                ApiResults.From(await service.GetOfferAsync(spaceId, ct), v => TypedResults.Ok(v)))
            .WithSummary("Whether the gentle offer to take the assessment again shows for you (from your own rounds only), and the pair's choice about it.");

        group.MapPut("/retake-offer", async (Guid spaceId, RetakeOfferInput input, BigPictureService service, CancellationToken ct) =>
                ApiResults.From(await service.SetOfferAsync(spaceId, input, ct), v => TypedResults.Ok(v)))
            .WithSummary("Turn the retake offer on or off, or choose after how many weeks (4 to 52) it appears. Either of you may change it.");

        return space;
    }
}

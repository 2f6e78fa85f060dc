using Hearth.Web.Api;
using Hearth.Web.Security;

namespace Hearth.Web.Features.Debriefs;

public static class DebriefEndpoints
{
    public static RouteGroupBuilder MapDebriefApi(this RouteGroupBuilder space)
    {
        var group = space.MapGroup("/assessment/debrief").WithTags("Assessment").RequireConfirmedSession();
        group.MapGet("/", async (Guid spaceId, DebriefService service, CancellationToken ct) =>
                ApiResults.From(await service.GetAsync(spaceId, ct), v => TypedResults.Ok(v)))
            .WithSummary("The debrief for two, once you have both finished the same round: strengths first, then for each shared dimension where you differ or one of you feels it is thin, questions of graded depth, an \"I\"-statement starter and one practice. Only what both shared.");
        group.MapPut("/saved/{itemId}", async (Guid spaceId, string itemId, DebriefService service, CancellationToken ct) =>
                ApiResults.From(await service.SaveAsync(spaceId, itemId, ct), v => TypedResults.Ok(v)).Or<Refusals.Conflict>())
            .WithSummary("Save a strength, question, starter or practice of your debrief for a counsellor. Yours alone: the other member is not told.");
        group.MapDelete("/saved/{itemId}", async (Guid spaceId, string itemId, DebriefService service, CancellationToken ct) =>
                ApiResults.From(await service.UnsaveAsync(spaceId, itemId, ct), v => TypedResults.Ok(v)))
            .WithSummary("Take an item off your \"for a counsellor\" list.");
        return space;
    }
}

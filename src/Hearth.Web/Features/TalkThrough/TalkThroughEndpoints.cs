using Hearth.Web.Api;
using Hearth.Web.Security;

namespace Hearth.Web.Features.TalkThrough;

public static class TalkThroughEndpoints
{
    public static RouteGroupBuilder MapTalkThroughApi(this RouteGroupBuilder space)
    {
        var talk = space.MapGroup("/check-in/talk").WithTags("Weekly check-in");
        talk.MapGet("/", async (Guid spaceId, TalkThroughService service, CancellationToken ct) =>
                ApiResults.From(await service.GetAsync(spaceId, ct), v => TypedResults.Ok(v)))
            .RequireConfirmedSession()
            .WithSummary("This week's talk-through, once you have both checked in: appreciations first, what went well, at most one thing to work on, one need each, one small agreement. Optional; before both checked in, nothing of either check-in.");
        talk.MapPost("/agreement", async (Guid spaceId, TalkAgreementInput input, TalkThroughService service, CancellationToken ct) =>
                ApiResults.From(await service.AgreeAsync(spaceId, input, ct), v => TypedResults.Ok(v)).Or<Refusals.Conflict>())
            .RequireConfirmedSession()
            .WithSummary("The talk-through's one small agreement: a practice onto \"our list\" (the same list as /practices/ours). Once you have both checked in this week.");
        return space;
    }
}

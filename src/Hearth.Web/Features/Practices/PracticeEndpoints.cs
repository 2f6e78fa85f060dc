using Hearth.Web.Api;

namespace Hearth.Web.Features.Practices;

public static class PracticeEndpoints
{
    public static RouteGroupBuilder MapPracticeApi(this RouteGroupBuilder space)
    {
        var practices = space.MapGroup("/practices").WithTags("Practices");
        practices.MapGet("/", async (Guid spaceId, string? dimension, bool? worksApart, PracticeService service, CancellationToken ct) =>
                ApiResults.From(await service.BrowseAsync(spaceId, new PracticeFilter(dimension, worksApart), ct), p => TypedResults.Ok(p)))
            .WithSummary("Practices that suit the space, optionally for one dimension or only those that work apart.");
        practices.MapGet("/ours", async (Guid spaceId, PracticeService service, CancellationToken ct) =>
                ApiResults.From(await service.OurListAsync(spaceId, ct), p => TypedResults.Ok(p)))
            .WithSummary("The pair's shared list of practices to try.");
        practices.MapPut("/ours/{practiceId}", async (Guid spaceId, string practiceId, PracticeService service, CancellationToken ct) =>
                ApiResults.From(await service.AddAsync(spaceId, practiceId, ct), p => TypedResults.Ok(p)))
            .WithSummary("Add a practice to the shared list (adding twice is fine).");
        practices.MapDelete("/ours/{practiceId}", async (Guid spaceId, string practiceId, PracticeService service, CancellationToken ct) =>
                ApiResults.From(await service.RemoveAsync(spaceId, practiceId, ct), p => TypedResults.Ok(p)))
            .WithSummary("Take a practice off the shared list.");
        return space;
    }
}

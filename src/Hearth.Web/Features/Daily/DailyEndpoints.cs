using Hearth.Web.Api;

namespace Hearth.Web.Features.Daily;

/// <summary>The pair's shared settings, under the space.</summary>
public static class DailyEndpoints
{
    public static void MapSpaceSettingsApi(this RouteGroupBuilder space)
    {
        var settings = space.MapGroup("/settings").WithTags("Daily connection");
        settings.MapGet("/", async (Guid spaceId, SpaceSettingsService service, CancellationToken ct) =>
                ApiResults.From(await service.GetAsync(spaceId, ct), s => TypedResults.Ok(s)))
            .WithSummary("The pair's shared settings: living apart, time zone (the pair's calendar), daily goal.");
        settings.MapPut("/", async (Guid spaceId, SpaceSettingsInput input, SpaceSettingsService service, CancellationToken ct) =>
                ApiResults.From(await service.UpdateAsync(spaceId, input, ct), s => TypedResults.Ok(s)))
            .WithSummary("Change any of the shared settings; either member may. Fields left out stay as they are.");
    }
}

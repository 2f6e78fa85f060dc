using Hearth.Web.Api;
using Hearth.Web.Features.Learn;
using Hearth.Web.Features.Memories;
using Hearth.Web.Features.Notes;
using Hearth.Web.Features.Practices;
using Hearth.Web.Features.Prompts;
using Hearth.Web.Features.QualityTime;

namespace Hearth.Web.Features.Daily;

/// <summary>Issue 5, daily connection: one call from the host maps every feature's endpoints.</summary>
public static class DailyEndpoints
{
    public static RouteGroupBuilder MapDailyConnectionApi(this RouteGroupBuilder api)
    {
        var space = api.MapGroup("/spaces/{spaceId:guid}").RequireAuthorization();
        space.MapSpaceSettingsApi();
        space.MapPromptApi();
        space.MapPracticeApi();
        space.MapQualityTimeApi();
        space.MapNoteApi();
        space.MapMemoryApi();
        api.MapLearnApi();
        Accounts.AccountSettingsService.MapAccountSettingsApi(api);
        return api;
    }

    private static void MapSpaceSettingsApi(this RouteGroupBuilder space)
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

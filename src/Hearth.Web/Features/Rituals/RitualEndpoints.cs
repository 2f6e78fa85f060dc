using Hearth.Web.Api;

namespace Hearth.Web.Features.Rituals;

public static class RitualEndpoints
{
    public static RouteGroupBuilder MapRitualApi(this RouteGroupBuilder space)
    {
        var ritual = space.MapGroup("/ritual").WithTags("Weekly check-in");
        ritual.MapGet("/", async (Guid spaceId, RitualService service, CancellationToken ct) =>
                ApiResults.From(await service.GetAsync(spaceId, ct), v => TypedResults.Ok(v)))
            .WithSummary("The weekly ritual, its next times on each member's clock, and (living apart) shared waking hours with suggested times.");
        ritual.MapPut("/", async (Guid spaceId, RitualSettingInput input, RitualService service, CancellationToken ct) =>
                ApiResults.From(await service.SetAsync(spaceId, input, ct), v => TypedResults.Ok(v)))
            .WithSummary("Set the ritual: a day, a time (HH:mm) and an IANA time zone (default: yours). Either member may.");
        ritual.MapPut("/waking-hours", async (Guid spaceId, WakingHoursInput input, RitualService service, CancellationToken ct) =>
                ApiResults.From(await service.SetWakingHoursAsync(spaceId, input, ct), v => TypedResults.Ok(v)))
            .WithSummary("Set your own waking hours on your own clock (default 08:00 to 22:00).");
        return space;
    }
}

using Hearth.Web.Api;

namespace Hearth.Web.Features.Dashboard;

public static class DashboardEndpoints
{
    public static void MapDashboardApi(this RouteGroupBuilder space) =>
        space.MapGet("/dashboard", async (Guid spaceId, DashboardService service, CancellationToken ct) =>
                ApiResults.From(await service.GetAsync(spaceId, ct), d => TypedResults.Ok(d)))
            .WithTags("Spaces")
            .WithSummary("The pair dashboard: today's question, this week's check-in, the next check-in time and time together, each as far as you may see it.");
}

using Hearth.Web.Security;
using Hearth.Web.Api;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Features.Insights;

public static class InsightEndpoints
{
    public static RouteGroupBuilder MapInsightApi(this RouteGroupBuilder space)
    {
        space.MapGet("/trends", async (Guid spaceId, InsightService service, CancellationToken ct) =>
                ApiResults.From(await service.TrendsAsync(spaceId, ct), v => TypedResults.Ok(v)))
            .WithTags("Trends and insights")
            .WithSummary("Your own weekly series and 3-week averages, and the pair's for weeks you both checked in.")
            .RequireConfirmedSession();
        space.MapGet("/insights", async (Guid spaceId, InsightService service, IOptions<CounsellingOptions> counselling, IStringLocalizer<InsightsText> text, CancellationToken ct) =>
                ApiResults.From(await service.InsightsAsync(spaceId, ct), v => TypedResults.Ok(new
                {
                    v.Week,
                    v.Insights,
                    v.Plan,
                    v.PlanOffer,
                    v.SentenceStarters,
                    v.ShowCounselling,
                    counsellingResources = v.ShowCounselling ? counselling.Value.EffectiveResources(text) : [],
                })))
            .WithTags("Trends and insights")
            .WithSummary("What Hearth noticed, each with why, who can see it and what to try; the reconnect plan if there is one.")
            .RequireConfirmedSession();
        var fit = space.MapGroup("/insights/not-fitting").WithTags("Trends and insights").RequireConfirmedSession();
        fit.MapGet("/", async (Guid spaceId, InsightService service, CancellationToken ct) =>
                ApiResults.From(await service.SetAsideAsync(spaceId, ct), v => TypedResults.Ok(v)))
            .WithSummary("The insights you marked as not fitting that Hearth would show you now (yours alone), so you can bring them back.");
        fit.MapPut("/{insightKey}", async (Guid spaceId, string insightKey, InsightService service, CancellationToken ct) =>
                ApiResults.From(await service.MarkNotFittingAsync(spaceId, insightKey, ct), v => TypedResults.Ok(v)))
            .WithSummary("\"This doesn't fit us\": hide one of the insights you see (by its key) for you alone. The other member is not told and sees what they saw before.");
        fit.MapDelete("/{insightKey}", async (Guid spaceId, string insightKey, InsightService service, CancellationToken ct) =>
                ApiResults.From(await service.BringBackAsync(spaceId, insightKey, ct), v => TypedResults.Ok(v)))
            .WithSummary("Undo: show an insight you set aside again.");
        var plan = space.MapGroup("/reconnect-plan").WithTags("Trends and insights").RequireConfirmedSession();
        plan.MapPost("/", async (Guid spaceId, StartPlanInput? input, InsightService service, CancellationToken ct) =>
                ApiResults.From(await service.StartPlanAsync(spaceId, input ?? new StartPlanInput(null), ct), v => TypedResults.Created((string?)null, v)).Or<Refusals.Conflict>())
            .WithSummary("Start a 2-4 week reconnect plan while a fading insight is showing; shared when that insight is shared.");
        plan.MapPut("/steps/{stepId}", async (Guid spaceId, string stepId, MarkStepInput? input, InsightService service, CancellationToken ct) =>
                ApiResults.From(await service.MarkStepAsync(spaceId, stepId, input ?? new MarkStepInput(true), ct), v => TypedResults.Ok(v)))
            .WithSummary("Mark a step of the plan done (or not yet, with done: false).");
        return space;
    }
}

using System.ComponentModel;
using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Hearth.Web.Api;

namespace Hearth.Web.Features.QualityTime;

public static class QualityTimeEndpoints
{
    public static RouteGroupBuilder MapQualityTimeApi(this RouteGroupBuilder space)
    {
        var time = space.MapGroup("/quality-time").WithTags("Quality time");
        time.MapGet("/", async (Guid spaceId, string? weekStart, QualityTimeService service, CancellationToken ct) =>
                ApiResults.From(await service.GetAsync(spaceId, weekStart, ct), v => TypedResults.Ok(v)))
            .WithSummary("The timer, today's minutes, the daily goal and a week on the pair's calendar (this week, or the one containing weekStart).");
        time.MapPost("/timer/start", async (Guid spaceId, QualityTimeService service, CancellationToken ct) =>
                ApiResults.From(await service.StartAsync(spaceId, ct), v => TypedResults.Ok(v)).Or<Refusals.Conflict>())
            .WithSummary("Start the pair's timer (stores only the start instant). 409 when it is already running.");
        time.MapPost("/timer/stop", async (Guid spaceId, StopTimerInput? input, QualityTimeService service, CancellationToken ct) =>
                ApiResults.From(await service.StopAsync(spaceId, input, ct), v => TypedResults.Ok(v)).Or<Refusals.Conflict>())
            .WithSummary("Stop the timer and record the time. 409 when it is not running; after 12 hours, confirmedMinutes is asked for.");
        time.MapPost("/entries", async (Guid spaceId, ManualTimeInput input, [FromHeader(Name = SubmissionGuard.Header), Description(SubmissionGuard.HeaderDescription)] string? idempotencyKey, SubmissionGuard once, QualityTimeService service, CancellationToken ct) =>
                ApiResults.From(await once.OnceAsync("time", idempotencyKey, () => service.AddManualAsync(spaceId, input, ct), ct), v => TypedResults.Created((string?)null, v)).Or<Refusals.Conflict>())
            .WithSummary("Add minutes by hand for a day (today if no date).");
        time.MapDelete("/entries/{entryId:guid}", async (Guid spaceId, Guid entryId, QualityTimeService service, CancellationToken ct) =>
                ApiResults.From(await service.RemoveAsync(spaceId, entryId, ct), v => TypedResults.Ok(v)))
            .WithSummary("Remove an entry you logged.");
        return space;
    }
}

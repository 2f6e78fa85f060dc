using System.ComponentModel;
using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Hearth.Web.Api;
using Hearth.Web.Security;

namespace Hearth.Web.Features.Memories;

public static class MemoryEndpoints
{
    public static RouteGroupBuilder MapMemoryApi(this RouteGroupBuilder space)
    {
        var memories = space.MapGroup("/memories").WithTags("Memories").RequireConfirmedSession();
        memories.MapGet("/", async (Guid spaceId, MemoryService service, CancellationToken ct) =>
                ApiResults.From(await service.TimelineAsync(spaceId, ct), v => TypedResults.Ok(v)))
            .WithSummary("The timeline: your memories and the other's shared ones, newest first, with \"on this day\".");
        memories.MapPost("/", async (Guid spaceId, MemoryInput input, [FromHeader(Name = SubmissionGuard.Header), Description(SubmissionGuard.HeaderDescription)] string? idempotencyKey, SubmissionGuard once, MemoryService service, CancellationToken ct) =>
                ApiResults.From(await once.OnceAsync("memory", idempotencyKey, () => service.AddAsync(spaceId, input, ct), ct), v => TypedResults.Created((string?)null, v)).Or<Refusals.Conflict>())
            .WithSummary("Add a memory: date, kind (first, tradition, shared-experience, reflection), title, text, shared.");
        memories.MapGet("/{memoryId:guid}", async (Guid spaceId, Guid memoryId, MemoryService service, CancellationToken ct) =>
                ApiResults.From(await service.GetAsync(spaceId, memoryId, ct), v => TypedResults.Ok(v)))
            .WithSummary("One memory you may see.");
        memories.MapPut("/{memoryId:guid}", async (Guid spaceId, Guid memoryId, MemoryInput input, MemoryService service, CancellationToken ct) =>
                ApiResults.From(await service.UpdateAsync(spaceId, memoryId, input, ct), v => TypedResults.Ok(v)))
            .WithSummary("Change a memory you wrote.");
        memories.MapDelete("/{memoryId:guid}", async (Guid spaceId, Guid memoryId, MemoryService service, CancellationToken ct) =>
                ApiResults.From(await service.DeleteAsync(spaceId, memoryId, ct), _ => TypedResults.NoContent()))
            .WithSummary("Delete a memory you wrote.");
        return space;
    }
}

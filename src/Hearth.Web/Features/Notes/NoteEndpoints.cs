using System.ComponentModel;
using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Hearth.Web.Api;
using Hearth.Web.Security;

namespace Hearth.Web.Features.Notes;

public static class NoteEndpoints
{
    public static RouteGroupBuilder MapNoteApi(this RouteGroupBuilder space)
    {
        var notes = space.MapGroup("/notes").WithTags("Notes").RequireConfirmedSession();
        notes.MapGet("/", async (Guid spaceId, NoteService service, CancellationToken ct) =>
                ApiResults.From(await service.ListAsync(spaceId, ct), v => TypedResults.Ok(v)))
            .WithSummary("Notes you received and sent in this space, with ideas for each way of caring.");
        notes.MapPost("/", async (Guid spaceId, SendNoteInput input, [FromHeader(Name = SubmissionGuard.Header), Description(SubmissionGuard.HeaderDescription)] string? idempotencyKey, SubmissionGuard once, NoteService service, CancellationToken ct) =>
                ApiResults.From(await once.OnceAsync("note", idempotencyKey, () => service.SendAsync(spaceId, input, ct), ct), v => TypedResults.Created((string?)null, v)).Or<Refusals.Conflict>())
            .WithSummary("Send an appreciation or a \"thinking of you\" (kind), optionally tagged with a careWay. 409 while nobody else has joined.");
        notes.MapPost("/{noteId:guid}/read", async (Guid spaceId, Guid noteId, NoteService service, CancellationToken ct) =>
                ApiResults.From(await service.MarkReadAsync(spaceId, noteId, ct), _ => TypedResults.NoContent()))
            .WithSummary("Mark a note you received as read.");
        return space;
    }
}

using System.ComponentModel;
using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Hearth.Web.Api;
using Hearth.Web.Security;

namespace Hearth.Web.Features.Prompts;

public static class PromptEndpoints
{
    public static RouteGroupBuilder MapPromptApi(this RouteGroupBuilder space)
    {
        var prompt = space.MapGroup("/prompt").WithTags("Prompts").RequireConfirmedSession();
        prompt.MapGet("/today", async (Guid spaceId, PromptService service, CancellationToken ct) =>
                ApiResults.From(await service.TodayAsync(spaceId, ct), p => TypedResults.Ok(p)))
            .WithSummary("Today's conversation prompt on the pair's calendar, with why it was chosen. The other's answer shows only once both answered.");
        prompt.MapPost("/days/{date}/answer", async (Guid spaceId, string date, PromptAnswerInput input, [FromHeader(Name = SubmissionGuard.Header), Description(SubmissionGuard.HeaderDescription)] string? idempotencyKey, SubmissionGuard once, PromptService service, CancellationToken ct) =>
                ApiResults.From(await once.OnceAsync("prompt-answer", idempotencyKey, () => service.AnswerAsync(spaceId, date, input, ct), ct), p => TypedResults.Ok(p)).Or<Refusals.Conflict>())
            .WithSummary("Answer the prompt of a day (today, or yesterday until it closes). Answers are final and encrypted.");
        prompt.MapPost("/days/{date}/skip", async (Guid spaceId, string date, PromptService service, CancellationToken ct) =>
                ApiResults.From(await service.SkipAsync(spaceId, date, ct), p => TypedResults.Ok(p)).Or<Refusals.Conflict>())
            .WithSummary("Skip the prompt of a day. Skipping is always fine, and the other person is never told.");
        return space;
    }
}

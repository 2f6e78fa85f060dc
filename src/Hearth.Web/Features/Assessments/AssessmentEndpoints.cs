using Hearth.Web.Security;
using Hearth.Web.Api;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Features.Assessments;

public static class AssessmentEndpoints
{
    public static RouteGroupBuilder MapAssessmentApi(this RouteGroupBuilder space)
    {
        var group = space.MapGroup("/assessment").WithTags("Assessment");

        group.MapGet("/", async (Guid spaceId, AssessmentService service, CancellationToken ct) =>
                ApiResults.From(await service.GetStateAsync(spaceId, ct), s => TypedResults.Ok(s)))
            .RequireConfirmedSession()
            .WithSummary("Your progress with the assessment in this space (never the other member's). After a pause, confirm your passphrase first.");

        group.MapGet("/questions", async (Guid spaceId, bool? sexualOptIn, AssessmentService service, CancellationToken ct) =>
                ApiResults.From(await service.GetStateAsync(spaceId, ct), s =>
                    TypedResults.Ok(new { contentVersion = s.ContentVersion, sections = AssessmentService.SectionsFor(ResolveKind(s), sexualOptIn ?? s.SexualOptIn) })))
            .WithSummary("The questions as you would see them, in your own words for this kind of space.");

        group.MapPost("/start", async (Guid spaceId, StartInput? input, AssessmentService service, CancellationToken ct) =>
                ApiResults.From(await service.StartAsync(spaceId, input ?? new StartInput(false), ct), s => TypedResults.Ok(s)).Or<Refusals.Conflict>())
            .RequireConfirmedSession()
            .WithSummary("Start a new round (the first, or a retake). Earlier rounds stay in your history.");

        group.MapPut("/answers", async (Guid spaceId, SaveAnswersInput input, AssessmentService service, CancellationToken ct) =>
                ApiResults.From(await service.SaveAnswersAsync(spaceId, input, ct), s => TypedResults.Ok(s)).Or<Refusals.Conflict>())
            .RequireConfirmedSession()
            .WithSummary("Save answers of the round in progress: a number on the scale, \"preferNotToSay\", \"notRelevant\", or \"\" to clear.");

        group.MapPost("/complete", async (Guid spaceId, CompleteInput? input, AssessmentService service, CancellationToken ct) =>
                ApiResults.From(await service.CompleteAsync(spaceId, input ?? new CompleteInput(null, null), ct), r => TypedResults.Ok(r)).Or<Refusals.Conflict>())
            .RequireConfirmedSession()
            .WithSummary("Finish the round, choosing which kinds of closeness to share in the map.");

        group.MapGet("/results", async (Guid spaceId, int? round, AssessmentService service, CancellationToken ct) =>
                ApiResults.From(await service.GetResultAsync(spaceId, round, ct), r => TypedResults.Ok(r)))
            .RequireConfirmedSession()
            .WithSummary("Your own results (latest round, or ?round=n). After a pause, confirm your passphrase first.");

        group.MapGet("/map", async (Guid spaceId, AssessmentService service, CancellationToken ct) =>
                ApiResults.From(await service.GetMapAsync(spaceId, ct), m => TypedResults.Ok(m)))
            .RequireConfirmedSession()
            .WithSummary("The closeness map, once you have both finished the same round. After a pause, confirm your passphrase first.");

        group.MapPost("/safety-check", async (Guid spaceId, SafetyCheckInput input, AssessmentService service, IOptions<SafetyOptions> safety, CancellationToken ct) =>
                ApiResults.From(await service.CheckSafetyAsync(spaceId, input, ct), r => TypedResults.Ok(new
                {
                    showSupport = r.ShowSupport,
                    resources = r.ShowSupport ? safety.Value.EffectiveResources : [],
                })))
            .WithSummary("Private safety questions: looked at once, never stored. Answers only whether to show support resources.");

        return space;
    }

    private static Hearth.Core.Spaces.RelationshipKind ResolveKind(AssessmentState state) =>
        Hearth.Core.Spaces.RelationshipKinds.TryParse(state.Kind, out var kind) ? kind : Hearth.Core.Spaces.RelationshipKind.Friends;
}

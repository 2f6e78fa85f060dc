using System.ComponentModel;
using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Hearth.Web.Api;
using Hearth.Web.Features.Invitations;
using Hearth.Web.Hosting;

namespace Hearth.Web.Features.Spaces;

public static class SpaceEndpoints
{
    public static RouteGroupBuilder MapSpaceApi(this RouteGroupBuilder api)
    {
        var spaces = api.MapGroup("/spaces").WithTags("Spaces").RequireAuthorization();

        spaces.MapGet("/", async (SpaceService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)))
            .WithSummary("Your spaces, open ones first; closed ones until you dismiss them.");

        spaces.MapPost("/", async (CreateSpaceInput input, SpaceService service, CancellationToken ct) =>
                ApiResults.From(await service.CreateAsync(input, ct), s => TypedResults.Created($"/api/v1/spaces/{s.Id}", s)).Or<Refusals.Conflict>())
            .WithSummary("Start a space: kind is romantic, friends or family; label is your private name for it.");

        spaces.MapGet("/{spaceId:guid}", async (Guid spaceId, SpaceService service, CancellationToken ct) =>
                ApiResults.From(await service.GetAsync(spaceId, ct), s => TypedResults.Ok(s)))
            .WithSummary("One space. 404 for a space you are not in, exactly as for one that does not exist.");

        api.MapPost("/invitations/accept", async (AcceptInvitationInput input, InvitationService service, CancellationToken ct) =>
                ApiResults.From(await service.AcceptAsync(input, ct), a => TypedResults.Ok(a)).Or<Refusals.ConflictOrGone>())
            .RequireAuthorization()
            .WithTags("Spaces")
            .WithSummary("Join a space with an invitation token.");

        return api;
    }

    /// <summary>What a member does to the space itself, in the one space group (HearthRoutes.Space):
    /// name it, leave it, invite the second person. Same addresses as the rest of the space.</summary>
    public static RouteGroupBuilder MapSpaceMembershipApi(this RouteGroupBuilder space)
    {
        space.MapPut("/label", async (Guid spaceId, LabelInput input, SpaceService service, CancellationToken ct) =>
                ApiResults.From(await service.SetLabelAsync(spaceId, input, ct), s => TypedResults.Ok(s)))
            .WithTags("Spaces")
            .WithSummary("Set your private name for the space (encrypted; the other person never sees it).");

        space.MapPost("/leave", async (Guid spaceId, SpaceService service, CancellationToken ct) =>
                ApiResults.From(await service.LeaveAsync(spaceId, ct), _ => TypedResults.NoContent()))
            .WithTags("Spaces")
            .WithSummary("Leave; the space closes for both. On a closed space, removes it from your list.");

        space.MapPost("/invitations", async (Guid spaceId, CreateInvitationInput? input, [FromHeader(Name = SubmissionGuard.Header), Description(SubmissionGuard.HeaderDescription)] string? idempotencyKey, SubmissionGuard once, InvitationService service, Links links, CancellationToken ct) =>
                ApiResults.From(await once.OnceAsync("invitation", idempotencyKey, () => service.CreateAsync(spaceId, input ?? new CreateInvitationInput(null), links.BaseUrl, ct), ct), i => TypedResults.Created((string?)null, i)).Or<Refusals.ConflictOrTooMany>())
            .WithTags("Spaces")
            .WithSummary("Create a single-use invitation link (seven days); optionally e-mail it. Earlier links stop working.");

        space.MapDelete("/invitations", async (Guid spaceId, InvitationService service, CancellationToken ct) =>
                ApiResults.From(await service.RevokeAsync(spaceId, ct), _ => TypedResults.NoContent()))
            .WithTags("Spaces")
            .WithSummary("Withdraw the space's live invitation link.");

        return space;
    }
}

using Hearth.Web.Api;
using Hearth.Web.Security;

namespace Hearth.Web.Features.Counsellors;

public static class CounsellorEndpoints
{
    /// <summary>The members' side, in the space group: the counsellor of this space.</summary>
    public static RouteGroupBuilder MapSpaceCounsellorApi(this RouteGroupBuilder space)
    {
        var group = space.MapGroup("/counsellor").WithTags("Counsellor").PracticeOnly();
        group.MapGet("/", async (Guid spaceId, CounsellorGrantService service, CancellationToken ct) =>
                ApiResults.From(await service.GetAsync(spaceId, ct), v => TypedResults.Ok(v)))
            .WithSummary("The space's counsellor: the invitation or access, what each of you allowed, until when, and every time the counsellor looked and at what.");
        group.MapPost("/", async (Guid spaceId, InviteCounsellorInput input, CounsellorGrantService service, CancellationToken ct) =>
                ApiResults.From(await service.InviteAsync(spaceId, input, ct), v => TypedResults.Ok(v)).Or<Refusals.Conflict>())
            .WithSummary("Invite a counsellor of this Hearth by their e-mail address, choosing what they may see and for how long. This is your consent; nothing opens until the other member agrees too.");
        group.MapPost("/consent", async (Guid spaceId, CounsellorConsentInput input, CounsellorGrantService service, CancellationToken ct) =>
                ApiResults.From(await service.ConsentAsync(spaceId, input, ct), v => TypedResults.Ok(v)).Or<Refusals.Conflict>())
            .WithSummary("Agree to the invitation the other member made, choosing what the counsellor may see and for how long. The counsellor sees only what you both allowed, for the shorter time.");
        group.MapDelete("/", async (Guid spaceId, CounsellorGrantService service, CancellationToken ct) =>
                ApiResults.From(await service.EndAsync(spaceId, ct), _ => TypedResults.NoContent()))
            .WithSummary("End the counsellor's access (or withdraw the invitation) now, for both of you.");
        group.MapGet("/suggestions", async (Guid spaceId, CounsellorSuggestionService service, CancellationToken ct) =>
                ApiResults.From(await service.ForMemberAsync(spaceId, ct), v => TypedResults.Ok(v)))
            .WithSummary("The practices a counsellor suggested to you both, with their own words, that you have not put away; newest first. They stay yours after the access ended.");
        group.MapPost("/suggestions/{suggestionId:guid}/dismiss", async (Guid spaceId, Guid suggestionId, CounsellorSuggestionService service, CancellationToken ct) =>
                ApiResults.From(await service.DismissAsync(spaceId, suggestionId, ct), _ => TypedResults.NoContent()))
            .WithSummary("Put a suggestion away, for you only: the other member still sees it until they put it away too.");
        return space;
    }

    /// <summary>The counsellor's side: the pairs who invited them, and one pair's sheet.</summary>
    public static RouteGroupBuilder MapCounsellorApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/counsellor").WithTags("Counsellor").RequireAuthorization().PracticeOnly();
        group.MapGet("/pairs", async (CounsellorViewService service, CancellationToken ct) =>
                ApiResults.From(await service.ListAsync(ct), v => TypedResults.Ok(v)))
            .WithSummary("For a counsellor: the pairs whose access is active now (both consented, not ended or expired).");
        group.MapGet("/pairs/{grantId:guid}", async (Guid grantId, CounsellorViewService service, CancellationToken ct) =>
                ApiResults.From(await service.SheetAsync(grantId, ct), v => TypedResults.Ok(v)))
            .RequireConfirmedSession()
            .WithSummary("For a counsellor: one pair's read-only sheet, only what both allowed. Each look is in the pair's access log. 404 for anything ended, expired, not yours or unknown alike.");
        group.MapPost("/pairs/{grantId:guid}/suggestions", async (Guid grantId, SuggestPracticeInput input, CounsellorSuggestionService service, CancellationToken ct) =>
                ApiResults.From(await service.SuggestAsync(grantId, input, ct), v => TypedResults.Created((string?)null, v)).Or<Refusals.Conflict>())
            .RequireConfirmedSession()
            .WithSummary("For a counsellor: suggest a practice of the catalogue to the pair, with a short note in your own words if you like. Both see it as from you. At most 10 waiting at once (409). 404 for anything ended, expired, not yours or unknown alike; nothing is written then.");
        group.MapPost("/redeem", async (RedeemCounsellorCodeInput input, CounsellorCodeService service, CancellationToken ct) =>
                ApiResults.From(await service.RedeemAsync(input, ct), v => TypedResults.Ok(v)).Or<Refusals.Conflict>())
            .WithSummary("Redeem an invitation code from this Hearth's operator: your account becomes a counsellor, so pairs can invite you by your e-mail address. Only for an account in no space of its own; an unknown, used or expired code is the same field error.");
        return api;
    }
}

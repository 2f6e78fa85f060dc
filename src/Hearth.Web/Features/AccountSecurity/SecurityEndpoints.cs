using Hearth.Web.Api;

namespace Hearth.Web.Features.AccountSecurity;

public static class SecurityEndpoints
{
    public static RouteGroupBuilder MapAccountSecurityApi(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/account/sessions").WithTags("Account").RequireAuthorization();

        sessions.MapGet("/", async (SessionService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)))
            .WithSummary("Your signed-in devices, this one first.");

        sessions.MapDelete("/{sessionId:guid}", async (Guid sessionId, SessionService service, CancellationToken ct) =>
                ApiResults.From(await service.EndAsync(sessionId, ct), _ => TypedResults.NoContent()))
            .WithSummary("Sign one device out, at once.");

        sessions.MapPost("/end-others", async (SessionService service, CancellationToken ct) =>
                TypedResults.Ok(new { ended = await service.EndOthersAsync(ct) }))
            .WithSummary("Sign out everywhere else.");

        return api;
    }
}

using Hearth.Web.Security;
using Hearth.Web.Api;

namespace Hearth.Web.Features.AccountSecurity;

public static class SecurityEndpoints
{
    public static RouteGroupBuilder MapAccountSecurityApi(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/account/sessions").WithTags("Account").RequireAuthorization().RequireConfirmedSession();

        sessions.MapGet("/", async (SessionService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)))
            .WithSummary("Your signed-in devices, this one first.");

        sessions.MapDelete("/{sessionId:guid}", async (Guid sessionId, SessionService service, CancellationToken ct) =>
                ApiResults.From(await service.EndAsync(sessionId, ct), _ => TypedResults.NoContent()))
            .WithSummary("Sign one device out, at once.");

        sessions.MapPost("/end-others", async (SessionService service, CancellationToken ct) =>
                TypedResults.Ok(new { ended = await service.EndOthersAsync(ct) }))
            .WithSummary("Sign out everywhere else.");

        var twoFactor = api.MapGroup("/account/two-factor").WithTags("Account").RequireAuthorization().RequireConfirmedSession();
        twoFactor.MapGet("/", async (TwoFactorService service) => TypedResults.Ok(await service.StatusAsync()))
            .WithSummary("Whether an authenticator app is set up, and how many recovery codes are left.");
        twoFactor.MapPost("/setup", async (TwoFactorService service) => ApiResults.From(await service.SetupAsync(), s => TypedResults.Ok(s)).Or<Refusals.Conflict>())
            .WithSummary("The key to add to an authenticator app.");
        twoFactor.MapPost("/enable", async (EnableTwoFactorInput input, TwoFactorService service) =>
                ApiResults.From(await service.EnableAsync(input), c => TypedResults.Ok(c)).Or<Refusals.ConflictOrTooMany>())
            .WithSummary("Turn the second step on with a current code; answers ten one-time recovery codes, shown once.");
        twoFactor.MapPost("/disable", async (DisableTwoFactorInput input, TwoFactorService service) =>
                ApiResults.From(await service.DisableAsync(input), _ => TypedResults.NoContent()).Or<Refusals.TooMany>())
            .WithSummary("Turn the second step off (needs the passphrase).");

        var passkeys = api.MapGroup("/account/passkeys").WithTags("Account").RequireAuthorization().RequireConfirmedSession();
        passkeys.MapGet("/", async (PasskeyService service) => TypedResults.Ok(await service.ListAsync()))
            .WithSummary("Your passkeys: name, when added, last used, whether your passkey provider syncs it.");
        passkeys.MapPost("/creation-options", async (PasskeyService service) =>
                TypedResults.Text(await service.BeginRegistrationAsync(), "application/json"))
            .Produces<System.Text.Json.JsonElement>(StatusCodes.Status200OK, "application/json")
            .WithSummary("Start adding a passkey: options for navigator.credentials.create().");
        passkeys.MapPost("/", async (FinishPasskeyInput input, PasskeyService service) =>
                ApiResults.From(await service.FinishRegistrationAsync(input), p => TypedResults.Created((string?)null, p)))
            .WithSummary("Finish adding a passkey with the browser's credential.");
        passkeys.MapPut("/{passkeyId}/name", async (string passkeyId, PasskeyNameInput input, PasskeyService service) =>
                ApiResults.From(await service.RenameAsync(passkeyId, input), p => TypedResults.Ok(p)))
            .WithSummary("Rename a passkey.");
        passkeys.MapDelete("/{passkeyId}", async (string passkeyId, PasskeyService service) =>
                ApiResults.From(await service.RemoveAsync(passkeyId), _ => TypedResults.NoContent()))
            .WithSummary("Remove a passkey.");
        api.MapPost("/account/passkeys/request-options", async (PasskeyService service) =>
                TypedResults.Text(await service.BeginSignInAsync(), "application/json"))
            .Produces<System.Text.Json.JsonElement>(StatusCodes.Status200OK, "application/json")
            .RequireRateLimiting(Security.RateLimits.Account)
            .AllowAnonymous()
            .WithTags("Account")
            .WithSummary("Start signing in with a passkey (no e-mail needed).");
        api.MapPost("/account/passkeys/sign-in", async (FinishPasskeyInput input, PasskeyService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.FinishSignInAsync(input, http.Request.Headers.UserAgent, ct), v => TypedResults.Ok(v)).Or<Refusals.NotSignedIn>())
            .RequireRateLimiting(Security.RateLimits.Account)
            .AllowAnonymous()
            .WithTags("Account")
            .WithSummary("Finish signing in with the browser's passkey credential.");

        api.MapPost("/account/sign-in/code", async (Accounts.SecondStepInput input, Accounts.AccountService accounts, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await accounts.SignInSecondStepAsync(input, http.Request.Headers.UserAgent, ct), view => TypedResults.Ok(view)).Or<Refusals.NotSignedIn>())
            .RequireRateLimiting(Security.RateLimits.Account)
            .AllowAnonymous()
            .WithTags("Account")
            .WithSummary("Finish signing in with the authenticator (or a recovery) code, after the passphrase.");

        return api;
    }
}

using Hearth.Web.Api;
using Hearth.Web.Hosting;
using Hearth.Web.Security;

namespace Hearth.Web.Features.Accounts;

public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder api)
    {
        var account = api.MapGroup("/account").WithTags("Account");

        account.MapPost("/register", async (RegisterInput input, AccountService accounts, CancellationToken ct) =>
                ApiResults.From(await accounts.RegisterAsync(input, ct), view => TypedResults.Created("/api/v1/me", view)))
            .RequireRateLimiting(RateLimits.Account)
            .AllowAnonymous()
            .WithSummary("Create an account (does not sign in).");

        account.MapPost("/sign-in", async (SignInInput input, AccountService accounts, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await accounts.SignInAsync(input, http.Request.Headers.UserAgent, ct), view => TypedResults.Ok(view)).Or<Refusals.NotSignedIn>())
            .RequireRateLimiting(RateLimits.Account)
            .AllowAnonymous()
            .WithSummary("Sign in; sets the session cookie. 429 with Retry-After when throttled.");

        account.MapPost("/sign-out", async (AccountService accounts, HttpContext http, CancellationToken ct) =>
            {
                await accounts.SignOutAsync(ct);
                http.Response.Headers["Clear-Site-Data"] = "\"cache\", \"cookies\", \"storage\"";
                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .WithSummary("End this session on the server and clear the cookie.");

        account.MapPost("/forgot-password", async (ForgotPasswordInput input, AccountService accounts, Links links, CancellationToken ct) =>
                ApiResults.From(await accounts.RequestPasswordResetAsync(input, links.BaseUrl, ct), _ => TypedResults.Accepted((string?)null)))
            .RequireRateLimiting(RateLimits.Account)
            .AllowAnonymous()
            .WithSummary("E-mail a reset link if the address has an account. Answers the same either way.");

        account.MapPost("/reset-password", async (ResetPasswordInput input, AccountService accounts, CancellationToken ct) =>
                ApiResults.From(await accounts.ResetPasswordAsync(input, ct), _ => TypedResults.NoContent()))
            .RequireRateLimiting(RateLimits.Account)
            .AllowAnonymous()
            .WithSummary("Choose a new passphrase with the token from the e-mail. Ends all sessions.");

        account.MapPost("/confirm", async (ConfirmInput input, AccountService accounts, CancellationToken ct) =>
                ApiResults.From(await accounts.ConfirmAsync(input, ct), _ => TypedResults.NoContent()))
            .RequireAuthorization()
            .RequireRateLimiting(RateLimits.Account)
            .WithSummary("Confirm the passphrase after a pause, so private history opens again.");

        api.MapGet("/me", async (AccountService accounts) =>
                ApiResults.OkOrNotFound(await accounts.MeAsync()))
            .RequireAuthorization()
            .WithTags("Account")
            .WithSummary("The signed-in account.");

        return api;
    }
}

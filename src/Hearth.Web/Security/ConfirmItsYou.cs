using Hearth.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Hearth.Web.Security;

/// <summary>
/// For pages with private history (what counts as history: ADR 14; every page and endpoint is
/// decided in tests/Hearth.Web.Tests/AccountSecurity/HistoryAfterAPauseTests.cs): after the session has been idle for a while (but not long
/// enough to sign out), ask for the passphrase or a passkey again before showing anything, in case
/// the phone was left unlocked in someone else's hands.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ConfirmItsYouAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        if (sessions.NeedsConfirmation)
        {
            var request = context.HttpContext.Request;
            context.Result = new RedirectToPageResult("/Accounts/Confirm", new { returnUrl = request.Path + request.QueryString });
            return;
        }

        await next();
    }
}

/// <summary>The API's version: 401 with a plain reason, until POST /api/v1/account/confirm. It also
/// marks the endpoint (ConfirmItsYouAttribute as metadata), as the attribute marks a page.</summary>
public static class ConfirmItsYouEndpoints
{
    public const string Title = "Please confirm it's you";

    public static TBuilder RequireConfirmedSession<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ConfirmItsYouAttribute()).AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<SessionStore>().NeedsConfirmation
                ? ApiResults.Problem(401, Title, "It's been a while. Please confirm your passphrase (POST /api/v1/account/confirm) to see your history.")
                : await next(context));
}

using Hearth.Web.Hosting;

namespace Hearth.Web.Features.Reminders;

public static class CalendarEndpoints
{
    /// <summary>The member's own feed settings under /api/v1/account/calendar-feed.</summary>
    public static RouteGroupBuilder MapCalendarFeedApi(this RouteGroupBuilder api)
    {
        var feed = api.MapGroup("/account/calendar-feed").WithTags("Account").RequireAuthorization();
        feed.MapGet("/", async (CalendarFeedService service, CancellationToken ct) => TypedResults.Ok(await service.StatusAsync(ct)))
            .WithSummary("Whether your private calendar link is on.");
        feed.MapPost("/", async (CalendarFeedService service, Links links, CancellationToken ct) =>
                TypedResults.Created((string?)null, await service.CreateAsync(links.BaseUrl, ct)))
            .WithSummary("Make a new private calendar link (shown once; any older link stops working).");
        feed.MapDelete("/", async (CalendarFeedService service, CancellationToken ct) =>
            {
                await service.RevokeAsync(ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Switch your calendar link off.");
        return api;
    }

    /// <summary>
    /// The feed itself: anonymous on purpose (calendar apps cannot sign in), found by a long random
    /// token. Unknown and revoked tokens get the same plain 404.
    /// </summary>
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{token}.ics", async (string token, CalendarFeedService service, CancellationToken ct) =>
                await service.FeedAsync(token, ct) is { } ics
                    ? Results.Text(ics, "text/calendar; charset=utf-8")
                    : Results.NotFound())
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}

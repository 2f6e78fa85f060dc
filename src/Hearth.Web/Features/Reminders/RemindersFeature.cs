using Hearth.Web.Hosting;

namespace Hearth.Web.Features.Reminders;

/// <summary>Reminders: the check-in reminders and the private calendar feed.</summary>
public static class RemindersFeature
{
    public static IServiceCollection AddReminders(this IServiceCollection services) =>
        services
            .AddScoped<CheckInReminders>()
            .AddScoped<CalendarFeedService>();

    /// <summary>The member's feed settings in the API, and the feed itself (anonymous on purpose, found by a secret token).</summary>
    public static void MapReminders(this HearthRoutes routes)
    {
        routes.Api.MapCalendarFeedApi();
        routes.App.MapCalendarFeed();
    }
}

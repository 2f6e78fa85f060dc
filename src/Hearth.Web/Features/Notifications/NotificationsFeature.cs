using Hearth.Web.Hosting;

namespace Hearth.Web.Features.Notifications;

/// <summary>
/// Notifications (issue 18): a member's devices for Web Push, this Hearth's VAPID keys and the one
/// sender the reminders dispatcher will use. Its own feature rather than part of AccountSecurity:
/// what may notify, quiet hours, pauses and the delivery log (items 3-6) grow here next.
/// </summary>
public static class NotificationsFeature
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PushOptions>(configuration.GetSection("Push"));
        services.AddSingleton<VapidKeys>();
        services.AddSingleton(_ => PushHttp.Default());
        services.AddScoped<PushDevices>();
        services.AddScoped<IPushSender, PushDelivery>();
        services.AddScoped<ReminderDispatcher>();
        services.AddScoped<NotificationPreferences>();
        services.AddScoped<NotificationExport>();
        services.AddScoped<ThinkingOfYouService>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<PushTestLimit>();
        services.AddScoped<EmailReminders>();
        services.AddHostedService<ReminderService>();
        return services;
    }

    public static void MapNotifications(this HearthRoutes routes)
    {
        routes.Api.MapNotificationsApi();
        routes.Space.MapThinkingOfYouApi();
    }
}

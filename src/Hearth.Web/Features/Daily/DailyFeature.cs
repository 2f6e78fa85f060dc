using Hearth.Web.Hosting;

namespace Hearth.Web.Features.Daily;

/// <summary>Daily connection: the pair's shared settings (the pair itself is the kernel's, Pair/).</summary>
public static class DailyFeature
{
    public static IServiceCollection AddDaily(this IServiceCollection services) =>
        services.AddScoped<SpaceSettingsService>();

    public static void MapDaily(this HearthRoutes routes) => routes.Space.MapSpaceSettingsApi();
}

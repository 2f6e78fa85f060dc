using Hearth.Web.Hosting;

namespace Hearth.Web.Features.Daily;

/// <summary>Daily connection: the pair as each feature sees it (PairSpaces) and the pair's shared settings.</summary>
public static class DailyFeature
{
    public static IServiceCollection AddDaily(this IServiceCollection services) =>
        services
            .AddScoped<Features.Daily.PairSpaces>()
            .AddScoped<SpaceSettingsService>()
            .AddScoped<ISexualContentConsent, NoSexualContentConsent>();

    public static void MapDaily(this HearthRoutes routes) => routes.Space.MapSpaceSettingsApi();
}

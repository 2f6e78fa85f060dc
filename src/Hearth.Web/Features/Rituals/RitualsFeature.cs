using Hearth.Web.Data.Export;
using Hearth.Web.Hosting;

namespace Hearth.Web.Features.Rituals;

/// <summary>The weekly ritual: when the pair checks in, and each member's waking hours.</summary>
public static class RitualsFeature
{
    public static IServiceCollection AddRituals(this IServiceCollection services) =>
        services.AddScoped<RitualService>()
            .AddPersonalDataKind<RitualData>()
            .AddPersonalDataKind<WakingHoursData>();

    public static void MapRituals(this HearthRoutes routes) => routes.Space.MapRitualApi();
}

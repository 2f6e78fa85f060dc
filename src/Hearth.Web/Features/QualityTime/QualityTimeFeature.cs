using Hearth.Web.Data.Export;
using Hearth.Web.Hosting;

namespace Hearth.Web.Features.QualityTime;

/// <summary>Quality time: the pair's timer and the time spent together.</summary>
public static class QualityTimeFeature
{
    public static IServiceCollection AddQualityTime(this IServiceCollection services) =>
        services.AddScoped<QualityTimeService>()
            .AddPersonalDataKind<TimeTogetherData>();

    public static void MapQualityTime(this HearthRoutes routes) => routes.Space.MapQualityTimeApi();
}

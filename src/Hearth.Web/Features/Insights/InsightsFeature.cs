using Hearth.Web.Data.Export;
using Hearth.Web.Hosting;

namespace Hearth.Web.Features.Insights;

/// <summary>Trends, insights and reconnect plans.</summary>
public static class InsightsFeature
{
    public static IServiceCollection AddInsights(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddScoped<InsightService>()
            .AddPersonalDataKind<ReconnectPlanData>()
            .AddPersonalDataKind<InsightFitData>()
            .Configure<CounsellingOptions>(configuration.GetSection(CounsellingOptions.Section));

    public static void MapInsights(this HearthRoutes routes) => routes.Space.MapInsightApi();
}

using Hearth.Web.Hosting;

namespace Hearth.Web.Features.Dashboard;

/// <summary>The pair dashboard.</summary>
public static class DashboardFeature
{
    public static IServiceCollection AddDashboard(this IServiceCollection services) =>
        services.AddScoped<DashboardService>();

    public static void MapDashboard(this HearthRoutes routes) => routes.Space.MapDashboardApi();
}

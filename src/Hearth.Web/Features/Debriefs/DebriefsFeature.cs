using Hearth.Web.Data.Export;
using Hearth.Web.Hosting;

namespace Hearth.Web.Features.Debriefs;

/// <summary>The debrief for two after the shared map, and each member's "saved for a counsellor" list.</summary>
public static class DebriefsFeature
{
    public static IServiceCollection AddDebriefs(this IServiceCollection services) =>
        services.AddScoped<DebriefService>()
            .AddScoped<CounsellorShelf>()
            .AddPersonalDataKind<DebriefData>();

    public static void MapDebriefs(this HearthRoutes routes) => routes.Space.MapDebriefApi();
}

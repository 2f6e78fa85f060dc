using Hearth.Web.Data.Export;
using Hearth.Web.Hosting;

namespace Hearth.Web.Features.CheckIns;

/// <summary>The weekly check-in, revealed to both once both have checked in.</summary>
public static class CheckInsFeature
{
    public static IServiceCollection AddCheckIns(this IServiceCollection services) =>
        services.AddScoped<CheckInService>()
            .AddPersonalDataKind<CheckInData>();

    public static void MapCheckIns(this HearthRoutes routes) => routes.Space.MapCheckInApi();
}

using Hearth.Web.Data.Export;
using Hearth.Web.Hosting;

namespace Hearth.Web.Features.Practices;

/// <summary>Practices: small things to try together, and the ones the pair chose.</summary>
public static class PracticesFeature
{
    public static IServiceCollection AddPractices(this IServiceCollection services) =>
        services.AddScoped<PracticeService>()
            .AddPersonalDataKind<PracticeData>();

    public static void MapPractices(this HearthRoutes routes) => routes.Space.MapPracticeApi();
}

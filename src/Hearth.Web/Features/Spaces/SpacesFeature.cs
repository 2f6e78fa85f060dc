using Hearth.Web.Hosting;

namespace Hearth.Web.Features.Spaces;

/// <summary>Spaces: starting, naming, leaving a space (closed spaces are handled in UseHearth, ClosedSpaces).</summary>
public static class SpacesFeature
{
    public static IServiceCollection AddSpaces(this IServiceCollection services) =>
        services
            .AddScoped<SpaceService>()
            .AddScoped<ISpaceDetails>(sp => sp.GetRequiredService<SpaceService>());

    /// <summary>The list of spaces and each space itself; invitations are made and accepted here too.</summary>
    public static void MapSpaces(this HearthRoutes routes) => routes.Api.MapSpaceApi();
}

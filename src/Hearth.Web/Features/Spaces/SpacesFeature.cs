using Hearth.Web.Hosting;

namespace Hearth.Web.Features.Spaces;

/// <summary>Spaces: starting, naming, leaving a space (closed spaces are handled in UseHearth, ClosedSpaces).</summary>
public static class SpacesFeature
{
    public static IServiceCollection AddSpaces(this IServiceCollection services) =>
        services
            .AddScoped<SpaceService>()
            .AddScoped<ISpaceDetails>(sp => sp.GetRequiredService<SpaceService>());

    /// <summary>The list of spaces and each space itself (with accepting an invitation) under the API;
    /// naming, leaving and inviting in the one space group, like every other feature of a space.</summary>
    public static void MapSpaces(this HearthRoutes routes)
    {
        routes.Api.MapSpaceApi();
        routes.Space.MapSpaceMembershipApi();
    }
}

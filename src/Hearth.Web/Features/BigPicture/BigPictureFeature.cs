using Hearth.Web.Hosting;

namespace Hearth.Web.Features.BigPicture;

/// <summary>Checking in on the big picture: the retake offer (a pair setting) and what changed between two rounds both finished.</summary>
public static class BigPictureFeature
{
    public static IServiceCollection AddBigPicture(this IServiceCollection services) =>
        services.AddScoped<BigPictureService>();

    public static void MapBigPicture(this HearthRoutes routes) => routes.Space.MapBigPictureApi();
}

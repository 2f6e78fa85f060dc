using Hearth.Web.Data.Export;
using Hearth.Web.Hosting;

namespace Hearth.Web.Features.Memories;

/// <summary>Memories: moments the pair keeps.</summary>
public static class MemoriesFeature
{
    public static IServiceCollection AddMemories(this IServiceCollection services) =>
        services.AddScoped<MemoryService>()
            .AddPersonalDataKind<MemoryData>();

    public static void MapMemories(this HearthRoutes routes) => routes.Space.MapMemoryApi();
}

using Hearth.Web.Hosting;

namespace Hearth.Web.Features.TalkThrough;

/// <summary>The talk-through after the weekly check-in: a short agenda once both checked in, and one agreement onto "our list".</summary>
public static class TalkThroughFeature
{
    public static IServiceCollection AddTalkThrough(this IServiceCollection services) =>
        services.AddScoped<TalkThroughService>();

    public static void MapTalkThrough(this HearthRoutes routes) => routes.Space.MapTalkThroughApi();
}

using Hearth.Web.Hosting;

namespace Hearth.Web.Features.Learn;

/// <summary>Learn: short cards about closeness, open to everyone.</summary>
public static class LearnFeature
{
    /// <summary>Learn has no services of its own: its cards come from Core (LearnLibrary).</summary>
    public static void MapLearn(this HearthRoutes routes) => routes.Api.MapLearnApi();
}

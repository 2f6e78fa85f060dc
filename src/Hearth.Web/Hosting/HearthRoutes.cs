using Hearth.Web.Api;

namespace Hearth.Web.Hosting;

/// <summary>
/// The places a feature maps its endpoints into, each built once, here: the app itself (pages, the
/// calendar feed), the JSON API under /api/v1, and the pair's space, /api/v1/spaces/{spaceId},
/// signed in. Every feature's MapX (Features/X/XFeature.cs) takes this and picks its group.
/// </summary>
public sealed class HearthRoutes(IEndpointRouteBuilder app)
{
    private RouteGroupBuilder? space;

    public IEndpointRouteBuilder App { get; } = app;

    public RouteGroupBuilder Api { get; } = app.MapGroup(ApiPaths.Prefix);

    /// <summary>The one group for a space's endpoints, signed in. Made on first use, so its endpoints
    /// sit in the endpoint list (and the OpenAPI document) where the first space feature is mapped.</summary>
    public RouteGroupBuilder Space => space ??= Api.MapGroup("/spaces/{spaceId:guid}").RequireAuthorization();
}

using System.Collections.Concurrent;
using System.Reflection;
using Hearth.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Operations;

/// <summary>
/// Counts each answered request by feature (hearth.requests): the folder under Features/ its page or
/// endpoint lives in, "platform" for Hearth's own (health, OpenAPI), "none" when nothing matched.
/// Only names from the code: never the path, which can carry ids and tokens. Added only with metrics on.
/// </summary>
public sealed class RequestMetrics(RequestDelegate next)
{
    private const string FeaturesNamespace = "Hearth.Web.Features.";

    private static readonly ConcurrentDictionary<Endpoint, string> Features = new();

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        finally
        {
            var endpoint = context.GetEndpoint();
            HearthMetrics.RequestAnswered(endpoint is null ? "none" : Features.GetOrAdd(endpoint, FeatureOf), context.Response.StatusCode);
        }
    }

    internal static string FeatureOf(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
        {
            return page.ViewEnginePath.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var folder, _, ..] ? folder : "platform";
        }

        var type = endpoint.Metadata.GetMetadata<MethodInfo>()?.DeclaringType;
        while (type?.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        var ns = type?.Namespace ?? "";
        return ns.StartsWith(FeaturesNamespace, StringComparison.Ordinal) ? ns[FeaturesNamespace.Length..].Split('.')[0] : "platform";
    }
}

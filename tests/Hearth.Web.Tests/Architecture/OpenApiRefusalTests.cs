using System.Text.Json;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Architecture;

/// <summary>
/// Every API endpoint in the endpoint data source: the OpenAPI document lists exactly the refusals
/// its metadata says it can give (401 when signed in, 403 for a write, 410 under a space that can
/// close, 429 under a rate limit, and the 409/410/429/401 its typed result declares), each as
/// ProblemDetails, and none it cannot give. The rules are stated here again, on their own, from the
/// same facts the app refuses by (sign-in, method, route, rate-limit policy, result type).
/// </summary>
public sealed class OpenApiRefusalTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    private static readonly int[] Refusals = [401, 403, 409, 410, 429];

    [Fact]
    public async Task Every_endpoint_documents_the_refusals_its_metadata_implies_and_no_others()
    {
        var doc = await OpenApiDocument.FetchAsync(factory);
        var operations = OpenApiDocument.Operations(doc).ToDictionary(o => Normalise(o.Key), o => o.Operation, StringComparer.Ordinal);
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => ("/" + e.RoutePattern.RawText!.TrimStart('/')).StartsWith("/api/", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .ToList();
        var tried = 0;
        var seen = Refusals.ToDictionary(s => s, _ => 0);
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            {
                var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
                var key = Normalise($"{method.ToLowerInvariant()} {route}");
                if (!operations.TryGetValue(key, out var operation))
                {
                    failures.Add($"{key}: mapped but not in the document");
                    continue;
                }

                tried++;
                var expected = Expected(method, Normalise(route), endpoint.Metadata);
                var listed = operation.GetProperty("responses").EnumerateObject()
                    .Select(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture))
                    .Where(Refusals.Contains)
                    .ToHashSet();
                foreach (var status in expected.Order())
                {
                    seen[status]++;
                    if (!listed.Contains(status))
                    {
                        failures.Add($"{key}: can answer {status} but the document does not say so");
                    }
                    else if (!operation.GetProperty("responses").GetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture))
                                 .TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out _))
                    {
                        failures.Add($"{key}: {status} is not a ProblemDetails");
                    }
                }

                foreach (var status in listed.Except(expected).Order())
                {
                    failures.Add($"{key}: the document lists {status}, which nothing in its metadata can answer");
                }
            }
        }

        SecurityReport.Record("OpenAPI document lists every refusal an endpoint can give", "-", tried, failures.Count,
            $"{nameof(OpenApiRefusalTests)}.{nameof(Every_endpoint_documents_the_refusals_its_metadata_implies_and_no_others)}",
            $"{tried} API operations from the endpoint data source: 401 signed in, 403 writes, 410 closed space, 429 rate limit, declared 409");
        Assert.True(tried > 70, $"only {tried} API operations found; the enumeration is broken");
        Assert.All(Refusals, s => Assert.True(seen[s] > 0, $"no operation can answer {s}; the rules are not being exercised"));
        Assert.True(failures.Count == 0, $"{failures.Count} differences in {tried} operations:\n" + string.Join("\n", failures));
    }

    /// <summary>What the app refuses with, from what guards the endpoint.</summary>
    private static HashSet<int> Expected(string method, string route, EndpointMetadataCollection metadata)
    {
        var declared = metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>().Select(p => p.StatusCode).Where(Refusals.Contains).ToHashSet();
        var expected = new HashSet<int>(declared);

        // Signed in (the fallback policy or RequireAuthorization): 401, also when a confirmation is due.
        if (metadata.GetMetadata<IAllowAnonymous>() is null)
        {
            expected.Add(401);
        }

        // Writes under /api must come from Hearth itself (SameOriginApi, ADR 13).
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            expected.Add(403);
        }

        // Under a space (ADR 15): all but the space's own view, its dashboard and leaving it.
        const string space = "/api/v1/spaces/{spaceId}";
        if (route.StartsWith(space, StringComparison.Ordinal) && (route.Length == space.Length || route[space.Length] == '/'))
        {
            var rest = route[space.Length..];
            var stillAnswers = (HttpMethods.IsGet(method) && rest is "" or "/dashboard") || (HttpMethods.IsPost(method) && rest == "/leave");
            if (!stillAnswers)
            {
                expected.Add(410);
            }
        }

        // A named rate-limit policy (the test host turns the global per-person limit off).
        if (metadata.GetMetadata<DisableRateLimitingAttribute>() is null && metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName is not null)
        {
            expected.Add(429);
        }

        return expected;
    }

    /// <summary>"post /api/v1/spaces/{spaceId:guid}/notes/" and the document's "post /api/v1/spaces/{spaceId}/notes" are one key.</summary>
    private static string Normalise(string key)
    {
        var stripped = System.Text.RegularExpressions.Regex.Replace(key, @"\{(\w+)(:[^}]*)?\}", "{$1}");
        return stripped.Length > 1 ? stripped.TrimEnd('/') : stripped;
    }
}

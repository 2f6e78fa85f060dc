using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Security;

/// <summary>
/// the OpenAPI document says, for every operation, what the endpoint really
/// needs. Anonymous ones say <c>security: []</c>; every other one names the sign-in cookie scheme,
/// which the document declares. Checked against the app's own endpoint list.
/// </summary>
public sealed class OpenApiSecurityTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task Every_operation_in_the_openapi_document_says_whether_it_needs_a_signed_in_person()
    {
        var doc = await factory.NewClient().GetFromJsonAsync<JsonElement>("/api/v1/openapi.json", TestContext.Current.CancellationToken);
        var schemes = doc.TryGetProperty("components", out var components) && components.TryGetProperty("securitySchemes", out var s)
            ? s.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
            : [];
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (Key: $"{m.ToLowerInvariant()} {Normalise(e.RoutePattern.RawText!)}", Endpoint: e)))
            .ToLookup(x => x.Key, x => x.Endpoint, StringComparer.Ordinal);

        var tried = 0;
        var failures = new List<string>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                tried++;
                var key = $"{operation.Name} {Normalise(path.Name)}";
                var endpoint = endpoints[key].FirstOrDefault();
                if (endpoint is null)
                {
                    failures.Add($"{key}: no such endpoint");
                    continue;
                }

                var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
                var security = operation.Value.TryGetProperty("security", out var value) ? value : (JsonElement?)null;
                var named = security?.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList() ?? [];
                var fits = anonymous
                    ? security is { ValueKind: JsonValueKind.Array } && security.Value.GetArrayLength() == 0
                    : named.Count > 0 && named.All(schemes.Contains);
                if (!fits)
                {
                    failures.Add($"{key}: {(anonymous ? "anonymous" : "needs sign-in")}, but security is {security?.GetRawText() ?? "missing"}");
                }
            }
        }

        SecurityReport.Record("OpenAPI security matches each endpoint's authorization", "-", tried, failures.Count,
            $"{nameof(OpenApiSecurityTests)}.{nameof(Every_operation_in_the_openapi_document_says_whether_it_needs_a_signed_in_person)}",
            $"{tried} operations of /api/v1/openapi.json against the endpoints' authorization metadata");
        Assert.True(tried > 20, $"only {tried} operations in the document");
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} operations:\n" + string.Join("\n", failures));
    }

    /// <summary>"/api/v1/spaces/{spaceId:guid}/" and "api/v1/spaces/{spaceId}" are the same path.</summary>
    private static string Normalise(string template) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(template, @"\{(\w+)(:[^}]*)?\}", "{$1}").Trim('/');
}

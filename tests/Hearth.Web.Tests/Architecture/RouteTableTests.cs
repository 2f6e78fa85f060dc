using Hearth.Web.Security;
using Hearth.Web.Tests.DataRights;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Architecture;

/// <summary>
/// Every page and endpoint the app maps, with what guards it (signed in or anonymous, the rate
/// limit, the "confirm it's you" step, its tags), compared with the reviewed list in routes.txt.
/// Moving the wiring around (each feature's MapX) must leave this list exactly as it was; a route
/// that changes on purpose is reviewed as a diff of routes.txt.
/// </summary>
public sealed class RouteTableTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    private const string UpdateVariable = "HEARTH_UPDATE_SNAPSHOTS";

    private static string SnapshotPath =>
        Path.Combine(DataRightsTests<SqliteHearthFactory>.RepoRoot(), "tests", "Hearth.Web.Tests", "Architecture", "routes.txt");

    [Fact]
    public void The_route_table_and_its_guards_are_exactly_the_reviewed_ones()
    {
        var actual = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(Describe)
            .Order(StringComparer.Ordinal)
            .ToList();

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllLines(SnapshotPath, actual);
        }

        var expected = File.Exists(SnapshotPath) ? File.ReadAllLines(SnapshotPath).Where(l => l.Length > 0).ToList() : [];
        var removed = Subtract(expected, actual);
        var added = Subtract(actual, expected);
        SecurityReport.Record("every route keeps its reviewed sign-in, rate-limit and confirmation rules", "-",
            actual.Count, removed.Count + added.Count,
            $"{nameof(RouteTableTests)}.{nameof(The_route_table_and_its_guards_are_exactly_the_reviewed_ones)}",
            "each endpoint of the EndpointDataSource compared with tests/Hearth.Web.Tests/Architecture/routes.txt");
        Assert.True(removed.Count + added.Count == 0,
            "The route table is not the reviewed one (tests/Hearth.Web.Tests/Architecture/routes.txt).\n"
            + string.Concat(removed.Select(l => "- " + l + "\n")) + string.Concat(added.Select(l => "+ " + l + "\n"))
            + $"If this change is on purpose, regenerate the file with {UpdateVariable}=1 dotnet test tests/Hearth.Web.Tests --filter \"FullyQualifiedName~RouteTableTests\" and review its diff.");
        Assert.True(actual.Count > 100, $"Only {actual.Count} endpoints found; the enumeration is broken.");
    }

    /// <summary>One line per endpoint: route, methods and the metadata that decides who may call it.</summary>
    public static string Describe(RouteEndpoint endpoint)
    {
        var metadata = endpoint.Metadata;
        var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
        var methods = metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m
            ? string.Join(',', m.Order(StringComparer.Ordinal))
            : "*";
        var auth = metadata.GetMetadata<IAllowAnonymous>() is not null ? "anonymous"
            : metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 ? "signed-in"
            : "signed-in(fallback)";
        var policies = metadata.GetOrderedMetadata<IAuthorizeData>()
            .SelectMany(a => new[] { a.Policy, a.Roles, a.AuthenticationSchemes })
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var rate = metadata.GetMetadata<DisableRateLimitingAttribute>() is not null ? "off"
            : metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "-";
        var parts = new List<string> { route, methods, "auth=" + auth + (policies.Count > 0 ? ":" + string.Join('+', policies) : ""), "rate=" + rate };
        if (metadata.GetMetadata<ConfirmItsYouAttribute>() is not null)
        {
            parts.Add("confirm");
        }

        var tags = metadata.GetOrderedMetadata<ITagsMetadata>().SelectMany(t => t.Tags).Distinct(StringComparer.Ordinal).ToList();
        if (tags.Count > 0)
        {
            parts.Add("tags=" + string.Join('+', tags));
        }

        if (metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true })
        {
            parts.Add("hidden");
        }

        if (metadata.GetMetadata<IRequestSizeLimitMetadata>() is { MaxRequestBodySize: { } limit })
        {
            parts.Add("body<=" + limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return string.Join(' ', parts);
    }

    /// <summary>The lines of <paramref name="from"/> not matched by a line of <paramref name="other"/> (counting repeats).</summary>
    private static List<string> Subtract(IEnumerable<string> from, IEnumerable<string> other)
    {
        var left = other.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var line in from)
        {
            if (left.TryGetValue(line, out var n) && n > 0)
            {
                left[line] = n - 1;
            }
            else
            {
                result.Add(line);
            }
        }

        return result;
    }
}

using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hearth.Web.Features.Spaces;
using Hearth.Web.Hosting;
using Hearth.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Hearth.Web.Api;

/// <summary>
/// Marks a string field of the API whose value is the wire name of one of <typeparamref name="TEnum"/>'s
/// members (Core's <c>WireName()</c>): the OpenAPI document then lists those names as the field's
/// enum. Used where the field stays a string in C# on purpose: an input whose unknown value gets the
/// feature's own field error rather than "unreadable JSON".
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class WireValuesAttribute<TEnum> : Attribute, IWireValues
    where TEnum : struct, Enum
{
    public IReadOnlyList<string> Values { get; } = WireNames.Of(typeof(TEnum));
}

public interface IWireValues
{
    IReadOnlyList<string> Values { get; }
}

public static class WireNames
{
    /// <summary>Each member's wire name, from the one <c>WireName(this TEnum)</c> extension beside the enum.</summary>
    public static IReadOnlyList<string> Of(Type enumType)
    {
        var wireName = enumType.Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true })
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Single(m => m.Name == "WireName" && m.GetParameters() is [{ } only] && only.ParameterType == enumType);
        return Enum.GetValues(enumType).Cast<object>().Select(v => (string)wireName.Invoke(null, [v])!).ToList();
    }
}

/// <summary>
/// The OpenAPI document's contract details: every enum is a string with its values (and string
/// fields with a fixed set of wire values list them), and every operation lists the refusals where
/// it is mapped can give, each a ProblemDetails, read from the same endpoint metadata and rules the
/// app refuses with (<see cref="Refusals(string, string, IEnumerable{object}, bool)"/>). Refusals a
/// service gives (409, ...) the endpoint's type declares (<see cref="ApiResult{TOk, TRefusals}"/>).
/// </summary>
public static partial class OpenApiContracts
{
    /// <summary>A route parameter with its constraint ({spaceId:guid}), written as the document writes it ({spaceId}).</summary>
    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex RouteConstraint();

    public static void Configure(OpenApiOptions options)
    {
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(inherit: false).OfType<IWireValues>().FirstOrDefault() is { } wire)
            {
                schema.Enum = wire.Values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
            }

            // An enum's schema (its values, from JsonStringEnumConverter) says what they are: strings.
            if (schema.Enum is { Count: > 0 } values && schema.Type is null && values.All(v => v is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String))
            {
                schema.Type = JsonSchemaType.String;
            }

            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var description = context.Description;
            var globalLimit = context.ApplicationServices.GetRequiredService<IOptions<HearthOptions>>().Value.RateLimits.RequestsPerMinute > 0;
            var route = "/" + RouteConstraint().Replace(description.RelativePath ?? "", "{$1}").TrimStart('/');
            var refusals = Refusals(description.HttpMethod ?? "GET", route, description.ActionDescriptor.EndpointMetadata, globalLimit);
            if (refusals.Count == 0)
            {
                return Task.CompletedTask;
            }

            operation.Responses ??= [];
            foreach (var (status, reason) in refusals)
            {
                var key = status.ToString(CultureInfo.InvariantCulture);
                if (!operation.Responses.ContainsKey(key))
                {
                    operation.Responses[key] = new OpenApiResponse
                    {
                        Description = reason,
                        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                        {
                            [ApiResults.ProblemContentType] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), context.Document) },
                        },
                    };
                }
            }

            // In order of status, as a reader looks for them.
            var ordered = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
            operation.Responses.Clear();
            foreach (var (key, response) in ordered)
            {
                operation.Responses[key] = response;
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// The refusals an operation can get from where and how it is mapped, before or around its own
    /// code: 401 when it needs a signed-in person (or a session confirmed again after a pause), 403
    /// when it may change something (a write must come from Hearth itself, ADR 13), 410 under a space
    /// that has closed (ADR 15, <see cref="ClosedSpaces.AnswersClosed"/>), 429 under a rate limit.
    /// </summary>
    /// <param name="route">The route as the document writes it: /api/v1/spaces/{spaceId}/notes.</param>
    public static IReadOnlyList<(int Status, string Reason)> Refusals(string method, string route, IEnumerable<object> metadata, bool globalRateLimit)
    {
        var list = new List<(int, string)>();
        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            list.Add((StatusCodes.Status401Unauthorized, metadata.OfType<ConfirmItsYouAttribute>().Any()
                ? "Not signed in, or the session must be confirmed again after a pause (POST /api/v1/account/confirm)"
                : "Not signed in"));
        }

        if (ApiPaths.IsApi(route) && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method))
        {
            list.Add((StatusCodes.Status403Forbidden, $"Not sent from Hearth itself: send JSON or the header {SameOriginApi.Header}, from Hearth's own origin"));
        }

        const string space = ApiPaths.Prefix + "/spaces/{spaceId}";
        if (route.StartsWith(space, StringComparison.OrdinalIgnoreCase) && (route.Length == space.Length || route[space.Length] == '/')
            && ClosedSpaces.AnswersClosed(method, route[space.Length..], api: true))
        {
            list.Add((StatusCodes.Status410Gone, ClosedSpaces.Title));
        }

        if (!metadata.OfType<DisableRateLimitingAttribute>().Any()
            && (globalRateLimit || metadata.OfType<EnableRateLimitingAttribute>().Any(a => a.PolicyName is not null)))
        {
            list.Add((StatusCodes.Status429TooManyRequests, "Too many requests: wait for Retry-After seconds"));
        }

        return list;
    }
}

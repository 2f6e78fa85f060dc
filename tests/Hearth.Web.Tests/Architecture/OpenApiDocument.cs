using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Architecture;

/// <summary>Reads the app's own OpenAPI document (/api/v1/openapi.json) the way a generic client would.</summary>
public static class OpenApiDocument
{
    public const string Address = "/api/v1/openapi.json";

    public static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<JsonElement> FetchAsync(HearthFactory factory) =>
        await factory.NewClient().GetFromJsonAsync<JsonElement>(Address, TestContext.Current.CancellationToken);

    /// <summary>The document as committed in docs/openapi.json: indented, LF line ends, a final newline.</summary>
    public static string Normalise(JsonElement document) =>
        JsonSerializer.Serialize(JsonNode.Parse(document.GetRawText()), Pretty).ReplaceLineEndings("\n") + "\n";

    /// <summary>Every operation: ("post /api/v1/spaces", the operation object).</summary>
    public static IEnumerable<(string Key, string Path, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(o => Methods.Contains(o.Name))
                .Select(o => ($"{o.Name} {path.Name}", path.Name, o.Value)));

    /// <summary>Follows a local <c>$ref</c> ("#/components/schemas/X") to the schema it names.</summary>
    public static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        var seen = 0;
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference) && seen++ < 16)
        {
            var target = document;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                target = target.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
            }

            schema = target;
        }

        return schema;
    }

    /// <summary>The schema itself and, for oneOf/anyOf/allOf, each branch (resolved): a nullable enum is a union with "null".</summary>
    public static IEnumerable<JsonElement> Branches(JsonElement document, JsonElement schema)
    {
        var resolved = Resolve(document, schema);
        yield return resolved;
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (resolved.ValueKind == JsonValueKind.Object && resolved.TryGetProperty(combinator, out var list))
            {
                foreach (var branch in list.EnumerateArray())
                {
                    foreach (var inner in Branches(document, branch))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    public static bool HasType(JsonElement schema, string type) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var t) && (t.ValueKind == JsonValueKind.String
            ? t.GetString() == type
            : t.ValueKind == JsonValueKind.Array && t.EnumerateArray().Any(x => x.GetString() == type));

    /// <summary>The repository's root (where Hearth.slnx is), found from the test's own folder.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Hearth.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Hearth.slnx not found above " + AppContext.BaseDirectory);
    }
}

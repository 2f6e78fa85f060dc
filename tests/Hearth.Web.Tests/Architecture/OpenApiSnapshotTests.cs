using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Architecture;

/// <summary>
/// The API's contract is the OpenAPI document, reviewed like code: the committed
/// <c>docs/openapi.json</c> must equal what the app serves, every operation names its success
/// and problem responses with their schemas, and no kind-like field is a free string.
/// </summary>
public sealed partial class OpenApiSnapshotTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    public const string UpdateVariable = "HEARTH_UPDATE_SNAPSHOTS";

    /// <summary>Operations whose success is not a JSON body on purpose.</summary>
    private static readonly Dictionary<string, string> NotJsonOnPurpose = new(StringComparer.Ordinal)
    {
        ["get /api/v1/account/export"] = "a file download (application/json attachment)",
        ["post /api/v1/account/forgot-password"] = "202 and no body: the same answer whether or not the address has an account",
    };

    /// <summary>Kind-like fields that are not (yet) enums, each with its reason.</summary>
    private static readonly Dictionary<string, string> FreeOnPurpose = new(StringComparer.Ordinal)
    {
        ["EvidenceView.source"] = "an open set of stable evidence names (\"checkin.satisfaction\", \"assessment.emotional.experience\"), not a fixed list",
    };

    /// <summary>Property names that name one of a fixed set of values.</summary>
    [GeneratedRegex("(kind|state|status|source|direction|audience)$", RegexOptions.IgnoreCase)]
    private static partial Regex KindLike();

    [Fact]
    public async Task The_openapi_document_is_the_reviewed_one_in_docs()
    {
        var served = OpenApiDocument.Normalise(await OpenApiDocument.FetchAsync(factory));
        var file = Path.Combine(OpenApiDocument.RepositoryRoot(), "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(file, served, TestContext.Current.CancellationToken);
        }

        var committed = File.Exists(file) ? (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n") : "";
        Assert.True(committed == served,
            $"The API's OpenAPI document changed and docs/openapi.json has not been updated.\n" +
            $"If the change is intended, regenerate it and review the diff:\n" +
            $"  {UpdateVariable}=1 dotnet test tests/Hearth.Web.Tests --filter \"FullyQualifiedName~{nameof(OpenApiSnapshotTests)}\"\n\n" +
            (committed.Length == 0 ? "(docs/openapi.json is missing)" : LineDiff(committed, served)));
    }

    [Fact]
    public async Task Every_operation_documents_its_success_and_its_problems_with_schemas()
    {
        var doc = await OpenApiDocument.FetchAsync(factory);
        var tried = 0;
        var failures = new List<string>();
        foreach (var (key, path, operation) in OpenApiDocument.Operations(doc))
        {
            tried++;
            var responses = operation.TryGetProperty("responses", out var r) ? r.EnumerateObject().ToList() : [];
            var successes = responses.Where(x => x.Name.StartsWith('2')).ToList();
            if (successes.Count == 0)
            {
                failures.Add($"{key}: no 2xx response");
            }

            foreach (var success in successes.Where(x => x.Name != "204" && !NotJsonOnPurpose.ContainsKey(key)))
            {
                if (!HasJsonSchema(success.Value, "application/json"))
                {
                    failures.Add($"{key}: {success.Name} has no JSON schema");
                }
            }

            var takesInput = operation.TryGetProperty("requestBody", out _)
                || (operation.TryGetProperty("parameters", out var parameters) && parameters.EnumerateArray().Any(p => p.GetProperty("in").GetString() != "path"));
            if (takesInput && !responses.Any(x => x.Name == "400"))
            {
                failures.Add($"{key}: takes input but does not document 400");
            }

            if (path.Contains('{', StringComparison.Ordinal) && !responses.Any(x => x.Name == "404"))
            {
                failures.Add($"{key}: has an id in its path but does not document 404");
            }

            foreach (var problem in responses.Where(x => x.Name.StartsWith('4') || x.Name.StartsWith('5')))
            {
                if (!HasJsonSchema(problem.Value, "application/problem+json"))
                {
                    failures.Add($"{key}: {problem.Name} has no ProblemDetails schema");
                }
            }
        }

        SecurityReport.Record("OpenAPI document declares every response", "-", tried, failures.Count,
            $"{nameof(OpenApiSnapshotTests)}.{nameof(Every_operation_documents_its_success_and_its_problems_with_schemas)}",
            $"{tried} operations: a 2xx with a schema, 400 for input, 404 for an id, problems as ProblemDetails");
        Assert.True(tried > 40, $"only {tried} operations in the document");
        Assert.True(failures.Count == 0, $"{failures.Count} gaps in {tried} operations:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task No_kind_state_or_status_field_is_a_free_string()
    {
        var doc = await OpenApiDocument.FetchAsync(factory);
        var tried = 0;
        var failures = new List<string>();
        foreach (var (owner, name, schema) in Properties(doc))
        {
            if (!KindLike().IsMatch(name))
            {
                continue;
            }

            tried++;
            var branches = OpenApiDocument.Branches(doc, schema).ToList();
            var number = branches.Any(b => OpenApiDocument.HasType(b, "integer") || OpenApiDocument.HasType(b, "number"));
            var freeString = !number && branches.Any(b => OpenApiDocument.HasType(b, "string") && !b.TryGetProperty("enum", out _));
            var isEnum = branches.Any(b => b.TryGetProperty("enum", out _));
            var isObject = branches.Any(b => OpenApiDocument.HasType(b, "object") || b.TryGetProperty("properties", out _));
            if ((freeString || (!isEnum && !isObject && !number)) && !FreeOnPurpose.ContainsKey($"{owner}.{name}"))
            {
                failures.Add($"{owner}.{name}: {schema.GetRawText()}");
            }
        }

        SecurityReport.Record("OpenAPI kind-like fields are enums", "-", tried, failures.Count,
            $"{nameof(OpenApiSnapshotTests)}.{nameof(No_kind_state_or_status_field_is_a_free_string)}",
            $"{tried} properties and parameters named *Kind/*State/*Status/*Source/*Direction/*Audience");
        Assert.True(tried > 10, $"only {tried} kind-like fields in the document");
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} kind-like fields are free strings:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_enum_is_a_string_with_its_values()
    {
        var doc = await OpenApiDocument.FetchAsync(factory);
        var tried = 0;
        var failures = new List<string>();
        var stack = new Stack<(string Where, JsonElement Node)>();
        stack.Push(("#", doc));
        while (stack.Count > 0)
        {
            var (where, node) = stack.Pop();
            if (node.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in node.EnumerateArray())
                {
                    stack.Push(($"{where}/{i++}", item));
                }
            }
            else if (node.ValueKind == JsonValueKind.Object)
            {
                if (node.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
                {
                    tried++;
                    if (!OpenApiDocument.HasType(node, "string") || values.GetArrayLength() == 0 || values.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
                    {
                        failures.Add($"{where}: {node.GetRawText()}");
                    }
                }

                foreach (var child in node.EnumerateObject())
                {
                    stack.Push(($"{where}/{child.Name}", child.Value));
                }
            }
        }

        SecurityReport.Record("OpenAPI enums say they are strings", "-", tried, failures.Count,
            $"{nameof(OpenApiSnapshotTests)}.{nameof(Every_enum_is_a_string_with_its_values)}",
            $"{tried} enum schemas: \"type\": \"string\" and string values");
        Assert.True(tried > 15, $"only {tried} enums in the document");
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} enums do not say they are strings:\n" + string.Join("\n", failures));
    }

    /// <summary>Every property of every schema, and every parameter, in the document.</summary>
    private static IEnumerable<(string Owner, string Name, JsonElement Schema)> Properties(JsonElement doc)
    {
        var stack = new Stack<(string Owner, string Key, JsonElement Node)>();
        stack.Push(("#", "#", doc));
        while (stack.Count > 0)
        {
            var (owner, key, node) = stack.Pop();
            if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in node.EnumerateArray())
                {
                    stack.Push((owner, key, item));
                }

                continue;
            }

            if (node.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (node.TryGetProperty("in", out var location) && node.TryGetProperty("name", out var parameter) && node.TryGetProperty("schema", out var parameterSchema))
            {
                yield return ($"{owner} ({location.GetString()})", parameter.GetString()!, parameterSchema);
            }

            foreach (var child in node.EnumerateObject())
            {
                if (child.Name == "properties" && child.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in child.Value.EnumerateObject())
                    {
                        yield return (owner, property.Name, property.Value);
                    }
                }

                stack.Push((key is "schemas" or "paths" ? child.Name : owner, child.Name, child.Value));
            }
        }
    }

    private static bool HasJsonSchema(JsonElement response, string mediaType) =>
        response.TryGetProperty("content", out var content)
        && content.TryGetProperty(mediaType, out var media)
        && media.TryGetProperty("schema", out _);

    /// <summary>A short line diff: the changed region between the common start and end, - committed, + served.</summary>
    private static string LineDiff(string committed, string served)
    {
        var a = committed.Split('\n');
        var b = served.Split('\n');
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }

        int endA = a.Length, endB = b.Length;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1])
        {
            endA--;
            endB--;
        }

        var text = new StringBuilder($"@@ docs/openapi.json line {start + 1} @@\n");
        const int Most = 80;
        foreach (var line in a[start..endA].Take(Most))
        {
            text.Append("- ").AppendLine(line);
        }

        foreach (var line in b[start..endB].Take(Most))
        {
            text.Append("+ ").AppendLine(line);
        }

        if (endA - start > Most || endB - start > Most)
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"... ({endA - start} lines before, {endB - start} lines after in the changed region)");
        }

        return text.ToString();
    }
}

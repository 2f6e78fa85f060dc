using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Architecture;

/// <summary>
/// A client that knows nothing but the OpenAPI document: it builds the request body from the
/// operation's schema alone (a choice from each enum, a placeholder for any other string) and
/// gets the success the document promises.
/// </summary>
public sealed class OpenApiClientTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    [Fact]
    public async Task A_generic_client_can_start_a_space_from_the_document_alone()
    {
        var doc = await OpenApiDocument.FetchAsync(factory);
        var (_, path, operation) = OpenApiDocument.Operations(doc).Single(o => o.Key == "post /api/v1/spaces");
        var schema = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var body = Example(doc, schema);
        var documented = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).Where(n => n.StartsWith('2')).ToList();

        var ana = await Person.RegisterAsync(factory, "Ana");
        var response = await ana.Http.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(documented.Contains(status),
            $"sent {body?.ToJsonString()}, got {status} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}; documented successes: {string.Join(", ", documented)}");
    }

    /// <summary>What a generic client fills in from a schema: the first enum value, a placeholder string, the smallest number.</summary>
    private static JsonNode? Example(JsonElement doc, JsonElement schema)
    {
        var branches = OpenApiDocument.Branches(doc, schema).ToList();
        if (branches.FirstOrDefault(b => b.TryGetProperty("enum", out _)) is { ValueKind: JsonValueKind.Object } withEnum)
        {
            return JsonNode.Parse(withEnum.GetProperty("enum").EnumerateArray().First(v => v.ValueKind != JsonValueKind.Null).GetRawText());
        }

        if (branches.FirstOrDefault(b => b.TryGetProperty("properties", out _)) is { ValueKind: JsonValueKind.Object } withProperties)
        {
            var obj = new JsonObject();
            foreach (var property in withProperties.GetProperty("properties").EnumerateObject())
            {
                obj[property.Name] = Example(doc, property.Value);
            }

            return obj;
        }

        if (branches.Any(b => OpenApiDocument.HasType(b, "string")))
        {
            return JsonValue.Create("text");
        }

        if (branches.Any(b => OpenApiDocument.HasType(b, "integer") || OpenApiDocument.HasType(b, "number")))
        {
            return JsonValue.Create(1);
        }

        if (branches.Any(b => OpenApiDocument.HasType(b, "boolean")))
        {
            return JsonValue.Create(false);
        }

        return null;
    }
}

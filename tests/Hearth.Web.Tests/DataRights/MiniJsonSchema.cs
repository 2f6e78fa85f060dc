using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hearth.Web.Tests.DataRights;

/// <summary>
/// A small JSON Schema checker for the subset docs/export-format.schema.json uses: type, const,
/// enum, required, properties, additionalProperties (false or a schema), items, $ref to "#/$defs/...",
/// minLength, maxLength, pattern, minimum, maximum, maxItems. No schema-validator package is available offline,
/// so this is deliberately tiny; any keyword it does not know makes it fail loudly rather than pass.
/// </summary>
public sealed class MiniJsonSchema(JsonElement root)
{
    private static readonly HashSet<string> Known =
    [
        "$schema", "$id", "title", "description", "$defs", "type", "const", "enum", "required", "properties",
        "additionalProperties", "items", "$ref", "minLength", "maxLength", "pattern", "minimum", "maximum", "maxItems",
    ];

    public static MiniJsonSchema Load(string path) => new(JsonDocument.Parse(File.ReadAllText(path)).RootElement);

    public IReadOnlyList<string> Validate(JsonElement instance)
    {
        var problems = new List<string>();
        Check(root, instance, "$", problems);
        return problems;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Known.Contains(keyword.Name))
            {
                throw new NotSupportedException($"MiniJsonSchema does not know '{keyword.Name}' (at {path}).");
            }
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!;
            Assert.StartsWith("#/$defs/", name, StringComparison.Ordinal);
            Check(root.GetProperty("$defs").GetProperty(name["#/$defs/".Length..]), value, path, problems);
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var allowed = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            if (!allowed.Any(t => IsType(value, t)))
            {
                problems.Add($"{path}: expected {string.Join(" or ", allowed)}, found {value.ValueKind}");
                return;
            }
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            problems.Add($"{path}: expected {constant.GetRawText()}");
        }

        if (schema.TryGetProperty("enum", out var choices) && !choices.EnumerateArray().Any(c => JsonElement.DeepEquals(c, value)))
        {
            problems.Add($"{path}: {value.GetRawText()} is not one of {choices.GetRawText()}");
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (schema.TryGetProperty("minLength", out var min) && text.Length < min.GetInt32())
            {
                problems.Add($"{path}: shorter than {min.GetInt32()}");
            }

            if (schema.TryGetProperty("maxLength", out var max) && text.Length > max.GetInt32())
            {
                problems.Add($"{path}: longer than {max.GetInt32()}");
            }

            if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                problems.Add($"{path}: does not match {pattern.GetString()}");
            }
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            var number = value.GetDecimal();
            if (schema.TryGetProperty("minimum", out var min) && number < min.GetDecimal())
            {
                problems.Add($"{path}: below {min.GetDecimal().ToString(CultureInfo.InvariantCulture)}");
            }

            if (schema.TryGetProperty("maximum", out var max) && number > max.GetDecimal())
            {
                problems.Add($"{path}: above {max.GetDecimal().ToString(CultureInfo.InvariantCulture)}");
            }
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                {
                    if (!value.TryGetProperty(name, out _))
                    {
                        problems.Add($"{path}: missing required '{name}'");
                    }
                }
            }

            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            foreach (var property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                {
                    Check(propertySchema, property.Value, $"{path}.{property.Name}", problems);
                }
                else if (schema.TryGetProperty("additionalProperties", out var additional))
                {
                    if (additional.ValueKind == JsonValueKind.False)
                    {
                        problems.Add($"{path}: unexpected property '{property.Name}'");
                    }
                    else if (additional.ValueKind == JsonValueKind.Object)
                    {
                        Check(additional, property.Value, $"{path}.{property.Name}", problems);
                    }
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("maxItems", out var maxItems) && value.GetArrayLength() > maxItems.GetInt32())
        {
            problems.Add($"{path}: more than {maxItems.GetInt32()} items");
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, $"{path}[{i++}]", problems);
            }
        }
    }

    private static bool IsType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        _ => throw new NotSupportedException($"type '{type}'"),
    };
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Hearth.Web.Api;

namespace Hearth.Web.Data.Export;

/// <summary>The JSON conventions of the export format, in one place.</summary>
public static class ExportJson
{
    /// <summary>The most items one kind's list may hold in an imported file.</summary>
    public const int MaxItemsPerList = 10_000;

    /// <summary>Writing: camelCase, nulls kept (a missing value is visible), instants in ISO 8601.</summary>
    public static JsonSerializerOptions Write { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The file as downloaded: the same, indented for people to read.</summary>
    public static JsonSerializerOptions WriteIndented { get; } = new(Write) { WriteIndented = true };

    /// <summary>Reading an import: strict (unknown fields are refused, not ignored) and shallow.</summary>
    public static JsonSerializerOptions Read { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 32,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static JsonElement Element<T>(T value) => JsonSerializer.SerializeToElement(value, Write);

    /// <summary>
    /// Items in a stable order that survives an export, import and export again: by their content
    /// (the serialized item), which has no ids in it. Kinds put their natural date first in their
    /// records, so this is also roughly chronological.
    /// </summary>
    public static IReadOnlyList<T> StableOrder<T>(IEnumerable<T> items) =>
        items.Select(i => (Item: i, Key: JsonSerializer.Serialize(i, Write))).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Item).ToList();

    /// <summary>Instants are kept to the microsecond: what both databases store exactly.</summary>
    public static DateTimeOffset Instant(DateTimeOffset value) =>
        new DateTimeOffset(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    public static DateTimeOffset? Instant(DateTimeOffset? value) => value is { } v ? Instant(v) : null;

    /// <summary>Reads a kind's list of items strictly; a problem is reported at the list, without echoing any value.</summary>
    public static List<T>? ReadList<T>(JsonElement element, string path, FieldErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(path, "This part needs to be a list.");
            return null;
        }

        if (element.GetArrayLength() > MaxItemsPerList)
        {
            errors.Add(path, $"This list is longer than Hearth accepts ({MaxItemsPerList:N0} items).");
            return null;
        }

        try
        {
            var list = element.Deserialize<List<T?>>(Read);
            if (list is null || list.Any(i => i is null))
            {
                errors.Add(path, "An item in this list is empty.");
                return null;
            }

            return list!;
        }
        catch (JsonException ex)
        {
            errors.Add(path, $"An item in this list could not be read (at {Where(ex)}). Check that the file is an unchanged Hearth export.");
            return null;
        }
    }

    /// <summary>Reads a list that holds one item at most (a space's ritual, a person's waking hours); more is reported at the list.</summary>
    public static List<T>? ReadAtMostOne<T>(JsonElement element, string path, FieldErrors errors, string tooMany)
    {
        var items = ReadList<T>(element, path, errors);
        if (items is { Count: > 1 })
        {
            errors.Add(path, tooMany);
            return null;
        }

        return items;
    }

    /// <summary>The JSON path of a problem, without the value itself.</summary>
    public static string Where(JsonException ex) => string.IsNullOrEmpty(ex.Path) ? "the start" : ex.Path!;
}

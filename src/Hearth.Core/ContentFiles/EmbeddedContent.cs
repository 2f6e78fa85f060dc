using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Hearth.Core.Dimensions;
using Hearth.Core.Spaces;

namespace Hearth.Core.ContentFiles;

/// <summary>Small shared helpers for reading and checking the versioned content files embedded in Hearth.Core.</summary>
internal static class EmbeddedContent
{
    /// <summary>Reads an embedded resource of Hearth.Core as text.</summary>
    public static string ReadText(string resourceName)
    {
        using var stream = typeof(EmbeddedContent).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new ContentFileException($"Embedded content '{resourceName}' was not found.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Deserialises a content file, turning JSON errors into <see cref="ContentFileException"/>.</summary>
    public static T Deserialize<T>(string json, JsonTypeInfo<T> typeInfo, string what)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo)
                ?? throw new ContentFileException($"The {what} file is empty.");
        }
        catch (JsonException ex)
        {
            throw new ContentFileException($"The {what} file is not valid JSON of the expected shape.", ex);
        }
    }

    public static string Required(string? value, string what) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new ContentFileException($"The content file is missing the {what}.")
            : value.Trim();

    /// <summary>User-facing sentences end with a full stop, a question mark or an exclamation mark.</summary>
    public static string Sentence(string? value, string what)
    {
        var text = Required(value, what);
        return text[^1] is '.' or '?' or '!'
            ? text
            : throw new ContentFileException($"The {what} must end with punctuation.");
    }

    public static Dimension ParseDimension(string? value, string owner) =>
        DimensionCatalog.TryParse(value, out var dimension)
            ? dimension
            : throw new ContentFileException($"'{owner}' names an unknown dimension '{value}'.");

    public static IReadOnlyList<RelationshipKind> ParseKinds(IReadOnlyList<string>? names, string owner)
    {
        if (names is null)
        {
            throw new ContentFileException($"'{owner}' must list the kinds of space it suits.");
        }

        var kinds = new List<RelationshipKind>();
        foreach (var name in names)
        {
            if (!RelationshipKinds.TryParse(name, out var kind))
            {
                throw new ContentFileException($"'{owner}' names an unknown relationship kind '{name}'.");
            }

            if (!kinds.Contains(kind))
            {
                kinds.Add(kind);
            }
        }

        return kinds.Count > 0 ? kinds : throw new ContentFileException($"'{owner}' suits no kind of space.");
    }

    public static void Unique(HashSet<string> seen, string id)
    {
        if (!seen.Add(id))
        {
            throw new ContentFileException($"Id '{id}' is used twice.");
        }
    }
}

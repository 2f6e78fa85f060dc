using System.Collections.Concurrent;
using System.Text.Json;
using Hearth.Core.ContentFiles;

namespace Hearth.Core.Languages;

/// <summary>
/// One language's wording for one content file. English lives in the content file itself
/// (<c>prompts.v1.json</c>); every other language has a file beside it with the same ids
/// (<c>prompts.v1.de.json</c>) that holds only sentences, keyed <c>"&lt;id&gt;/&lt;field&gt;"</c>:
/// <code>{ "version": "prompts.v1", "culture": "de", "texts": { "prompt.emo.light.01/text": "…" } }</code>
/// Structure (dimensions, kinds, flags, numbers) is never repeated there: it has one home, the
/// English file. A catalog translates itself by asking <see cref="Text"/> for each of its sentences;
/// the same walk with <see cref="Recording"/> lists every key a translation must have.
/// </summary>
public sealed class ContentTranslation
{
    private readonly IReadOnlyDictionary<string, string>? texts;
    private readonly bool pseudo;
    private readonly ConcurrentDictionary<string, string>? recorded;
    private readonly ConcurrentDictionary<string, byte> missing = new(StringComparer.Ordinal);

    private ContentTranslation(string culture, IReadOnlyDictionary<string, string>? texts, bool pseudo, ConcurrentDictionary<string, string>? recorded)
    {
        Culture = culture;
        this.texts = texts;
        this.pseudo = pseudo;
        this.recorded = recorded;
    }

    public string Culture { get; }

    /// <summary>English as written in the content file.</summary>
    public static ContentTranslation English { get; } = new(HearthLanguages.English, null, false, null);

    /// <summary>The pseudo-locale: every English sentence run through <see cref="PseudoText.Of"/>.</summary>
    public static ContentTranslation Pseudo { get; } = new(HearthLanguages.Pseudo, null, true, null);

    /// <summary>A walk that answers English and writes down every key asked for (coverage tests).</summary>
    public static ContentTranslation Recording() => new(HearthLanguages.English, null, false, new ConcurrentDictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The keys (and their English) a <see cref="Recording"/> was asked for.</summary>
    public IReadOnlyDictionary<string, string> Recorded => recorded ?? throw new InvalidOperationException("Only a recording translation keeps its keys.");

    /// <summary>The keys in this translation's file.</summary>
    public IReadOnlyCollection<string> Keys => (IReadOnlyCollection<string>?)texts?.Keys ?? [];

    /// <summary>Keys asked for that the file did not have (answered in English). Coverage tests keep this empty.</summary>
    public IReadOnlyCollection<string> Missing => missing.Keys.ToList();

    /// <summary>The sentence for <paramref name="key"/> in this language.</summary>
    public string Text(string key, string english)
    {
        ArgumentNullException.ThrowIfNull(english);
        if (recorded is not null)
        {
            recorded[key] = english;
            return english;
        }

        if (pseudo)
        {
            return PseudoText.Of(english);
        }

        if (texts is null)
        {
            return english;
        }

        if (texts.TryGetValue(key, out var text))
        {
            return text;
        }

        missing.TryAdd(key, 0);
        return english;
    }

    /// <summary>
    /// The translation for <paramref name="culture"/> of the embedded content file
    /// <paramref name="englishResourceName"/> (".json" replaced by ".&lt;culture&gt;.json"). English for
    /// English or a culture without a file; the pseudo-locale for <see cref="HearthLanguages.Pseudo"/>.
    /// </summary>
    public static ContentTranslation For(string englishResourceName, string expectedVersion, string culture)
    {
        if (string.Equals(culture, HearthLanguages.Pseudo, StringComparison.OrdinalIgnoreCase))
        {
            return Pseudo;
        }

        var language = HearthLanguages.Match(culture);
        if (language is null or HearthLanguages.English)
        {
            return English;
        }

        var name = ResourceNameFor(englishResourceName, language);
        using var stream = typeof(ContentTranslation).Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return English;
        }

        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), expectedVersion, language);
    }

    public static string ResourceNameFor(string englishResourceName, string language) =>
        englishResourceName.EndsWith(".json", StringComparison.Ordinal)
            ? englishResourceName[..^".json".Length] + "." + language + ".json"
            : throw new ArgumentException("Content files end in .json.", nameof(englishResourceName));

    /// <summary>Parses a translation file. Throws <see cref="ContentFileException"/> when it is malformed.</summary>
    public static ContentTranslation Parse(string json, string expectedVersion, string culture)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var version = root.TryGetProperty("version", out var v) ? v.GetString() : null;
            if (!string.Equals(version, expectedVersion, StringComparison.Ordinal))
            {
                throw new ContentFileException($"The {culture} translation is for '{version}', not '{expectedVersion}'.");
            }

            var fileCulture = root.TryGetProperty("culture", out var c) ? c.GetString() : null;
            if (!string.Equals(fileCulture, culture, StringComparison.OrdinalIgnoreCase))
            {
                throw new ContentFileException($"The translation of '{expectedVersion}' says it is '{fileCulture}', not '{culture}'.");
            }

            if (!root.TryGetProperty("texts", out var textsElement) || textsElement.ValueKind != JsonValueKind.Object)
            {
                throw new ContentFileException($"The {culture} translation of '{expectedVersion}' has no texts.");
            }

            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in textsElement.EnumerateObject())
            {
                var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                if (string.IsNullOrWhiteSpace(text))
                {
                    throw new ContentFileException($"The {culture} text '{property.Name}' of '{expectedVersion}' is empty.");
                }

                if (!texts.TryAdd(property.Name, text.Trim()))
                {
                    throw new ContentFileException($"The {culture} translation of '{expectedVersion}' has '{property.Name}' twice.");
                }
            }

            return new ContentTranslation(culture, texts, false, null);
        }
        catch (JsonException ex)
        {
            throw new ContentFileException($"The {culture} translation of '{expectedVersion}' is not valid JSON.", ex);
        }
    }
}

using System.Globalization;
using System.Text.Json;
using Hearth.Core.CheckIns;
using Hearth.Core.ContentFiles;
using Hearth.Core.Dimensions;
using Hearth.Core.Languages;

namespace Hearth.Core.Insights;

/// <summary>
/// The words of insights, their "why" lines and evidence, the trend change messages and the
/// reconnect plan's steps and sentence starters (Insights/Content/insights.v1.json, with a
/// translation beside it per language). <see cref="InsightEngine"/> decides which insight by its
/// rules; the sentences come from here, in the language asked for. Keys are
/// <c>&lt;what&gt;/&lt;field&gt;</c>; placeholders are positional (<c>{0}</c>) and filled with numbers
/// written the language's way.
/// </summary>
public sealed class InsightTexts
{
    public const string DefaultResourceName = "Hearth.Core.Insights.Content.insights.v1.json";

    private static readonly Lazy<InsightTexts> LazyDefault = new(() => Parse(EmbeddedContent.ReadText(DefaultResourceName)));

    private static readonly TranslatedContent<InsightTexts> Translations =
        new(DefaultResourceName, () => Default, t => t.Version, (c, t) => c.Translate(t));

    private readonly IFormatProvider numbers;

    private InsightTexts(string version, string culture, IReadOnlyDictionary<string, string> texts)
    {
        Version = version;
        Culture = culture;
        Texts = texts;
        numbers = HearthLanguages.Match(culture) is { } language && language != HearthLanguages.English
            ? CultureInfo.GetCultureInfo(language)
            : CultureInfo.InvariantCulture;
    }

    /// <summary>The English words, as written in the content file.</summary>
    public static InsightTexts Default => LazyDefault.Value;

    public string Version { get; }

    /// <summary>The language of these words.</summary>
    public string Culture { get; }

    /// <summary>Every sentence by key, in the file's order.</summary>
    public IReadOnlyDictionary<string, string> Texts { get; }

    /// <summary>The words in <paramref name="culture"/>; English for English and any language Hearth does not speak.</summary>
    public static InsightTexts For(string? culture) => Translations.For(culture);

    /// <summary>The same keys with every sentence asked of <paramref name="translation"/> (key as in the file).</summary>
    public InsightTexts Translate(ContentTranslation translation)
    {
        ArgumentNullException.ThrowIfNull(translation);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, english) in Texts)
        {
            texts[key] = translation.Text(key, english);
        }

        return new InsightTexts(Version, translation.Culture, texts);
    }

    /// <summary>The sentence for <paramref name="key"/>, its placeholders filled in.</summary>
    public string Say(string key, params object[] arguments)
    {
        if (!Texts.TryGetValue(key, out var text))
        {
            throw new KeyNotFoundException($"The insight words have no '{key}'.");
        }

        return arguments.Length == 0 ? text : string.Format(numbers, text, arguments);
    }

    /// <summary>A number the way the language writes it, to one decimal ("4.5", in German "4,5").</summary>
    public string Number(double value) => Math.Round(value, 1).ToString("0.#", numbers);

    /// <summary>Items joined two at a time by the pattern <paramref name="key"/> ("{0} and {1}").</summary>
    public string Join(string key, IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        string? joined = null;
        foreach (var item in items)
        {
            joined = joined is null ? item : Say(key, joined, item);
        }

        return joined ?? string.Empty;
    }

    /// <summary>A measure's short name inside a sentence ("how happy you've been together").</summary>
    public string InSentence(CheckInMeasure measure) => Say($"measure:{measure.WireName()}/inSentence");

    /// <summary>The title of a measure's trend chart.</summary>
    public string ChartTitle(CheckInMeasure measure) => Say($"measure:{measure.WireName()}/chartTitle");

    /// <summary>A dimension's title, as it starts a sentence ("Emotional closeness").</summary>
    public string Title(Dimension dimension) => Say($"dimension:{dimension.WireName()}/title");

    /// <summary>A dimension's name inside a sentence ("emotional closeness").</summary>
    public string InSentence(Dimension dimension) => Say($"dimension:{dimension.WireName()}/inSentence");

    /// <summary>The ways to start the honest talk of a reconnect plan.</summary>
    public IReadOnlyList<string> SentenceStarters => Texts.Where(t => t.Key.StartsWith("sentenceStarter/", StringComparison.Ordinal)).Select(t => t.Value).ToList();

    /// <summary>Parses and checks an insight words file. Throws <see cref="ContentFileException"/> when it is malformed.</summary>
    public static InsightTexts Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var version = EmbeddedContent.Required(root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null, "version");
            if (!root.TryGetProperty("texts", out var textsElement) || textsElement.ValueKind != JsonValueKind.Object)
            {
                throw new ContentFileException("The insight words file has no texts.");
            }

            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in textsElement.EnumerateObject())
            {
                var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                if (!texts.TryAdd(property.Name, EmbeddedContent.Required(text, $"text of '{property.Name}'")))
                {
                    throw new ContentFileException($"The insight words file has '{property.Name}' twice.");
                }
            }

            return new InsightTexts(version, HearthLanguages.English, texts);
        }
        catch (JsonException ex)
        {
            throw new ContentFileException("The insight words file is not valid JSON.", ex);
        }
    }
}

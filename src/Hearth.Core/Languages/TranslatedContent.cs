using System.Collections.Concurrent;

namespace Hearth.Core.Languages;

/// <summary>
/// One content catalog in every language, built on first use and kept: English is the catalog as
/// loaded from its file, every other language is that catalog translated by its own
/// <c>Translate(ContentTranslation)</c> walk. Unknown or malformed culture names answer English
/// (never an error: the caller passes whatever the request carried).
/// </summary>
/// <typeparam name="T">The catalog type.</typeparam>
internal sealed class TranslatedContent<T>(
    string englishResourceName,
    Func<T> english,
    Func<T, string> version,
    Func<T, ContentTranslation, T> translate)
    where T : class
{
    private readonly ConcurrentDictionary<string, Lazy<T>> byLanguage = new(StringComparer.Ordinal);

    public T For(string? culture)
    {
        var language = HearthLanguages.Match(culture, pseudoAllowed: true);
        if (language is null or HearthLanguages.English)
        {
            return english();
        }

        return byLanguage.GetOrAdd(language, l => new Lazy<T>(() =>
        {
            var source = english();
            return translate(source, ContentTranslation.For(englishResourceName, version(source), l));
        })).Value;
    }
}

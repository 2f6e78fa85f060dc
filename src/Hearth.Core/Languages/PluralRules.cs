namespace Hearth.Core.Languages;

/// <summary>
/// Which plural form a count takes in a language: the CLDR categories ("one", "other", and for
/// languages that need them "zero", "two", "few", "many"). A small table, not ICU (docs/adr/0034):
/// the shipped languages need only CLDR's rule for whole numbers in English and German, "one" for
/// exactly 1 and "other" for everything else (0, 2, 21, -1). A new language adds its row here, from
/// the CLDR plural rules, with a test.
/// </summary>
public static class PluralRules
{
    public const string One = "one";
    public const string Other = "other";

    private static readonly Dictionary<string, Func<long, string>> Rules =
        new Dictionary<string, Func<long, string>>(StringComparer.OrdinalIgnoreCase)
        {
            [HearthLanguages.English] = OneForExactlyOne,
            [HearthLanguages.German] = OneForExactlyOne,
        };

    /// <summary>The categories a language's resource files must hold for a plural key.</summary>
    public static IReadOnlyList<string> CategoriesOf(string culture) => [One, Other];

    /// <summary>
    /// The category of <paramref name="count"/> in <paramref name="culture"/> ("de-AT" is German).
    /// The pseudo-locale and a language without a row follow English.
    /// </summary>
    public static string Category(string culture, long count)
    {
        var language = HearthLanguages.Match(culture) ?? HearthLanguages.English;
        return Rules.TryGetValue(language, out var rule) ? rule(count) : OneForExactlyOne(count);
    }

    private static string OneForExactlyOne(long count) => count == 1 ? One : Other;
}

namespace Hearth.Core.Languages;

/// <summary>
/// The languages Hearth speaks. English is the source: every other language translates its
/// resource and content files key by key (docs/translating.md). The pseudo-locale is not shipped to
/// people: development and tests switch it on to find text that is not translatable.
/// </summary>
public static class HearthLanguages
{
    public const string English = "en";
    public const string German = "de";

    /// <summary>Every string longer, accented and bracketed: a hard-coded string stands out.</summary>
    public const string Pseudo = "qps-Ploc";

    /// <summary>The languages a member can choose, English first.</summary>
    public static IReadOnlyList<string> Shipped { get; } = [English, German];

    /// <summary>The shipped language a culture name belongs to ("de-AT" is German), or null.</summary>
    public static string? Match(string? culture, bool pseudoAllowed = false)
    {
        if (string.IsNullOrWhiteSpace(culture) || culture.Length > 35)
        {
            return null;
        }

        if (pseudoAllowed && string.Equals(culture, Pseudo, StringComparison.OrdinalIgnoreCase))
        {
            return Pseudo;
        }

        var language = culture.Split('-', '_')[0];
        return Shipped.FirstOrDefault(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase));
    }
}

using System.Globalization;
using Hearth.Core.Languages;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Languages;

/// <summary>
/// The pseudo-locale (<see cref="HearthLanguages.Pseudo"/>) for every <see cref="IStringLocalizer"/>:
/// wraps the framework's resource-file factory, and when the request's UI culture is qps-Ploc answers
/// the English resource through <see cref="PseudoText.Of"/>. IHtmlLocalizer and IViewLocalizer are
/// built on the IStringLocalizerFactory, so they go through it too. A key with no English resource
/// stays as the framework answers it (the key itself, not bracketed), so the pseudo crawl finds it.
/// Registered only when <c>Hearth:Languages:Pseudo</c> is on (<see cref="LanguageServices"/>).
/// </summary>
public sealed class PseudoStringLocalizerFactory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new PseudoStringLocalizer(inner.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new PseudoStringLocalizer(inner.Create(baseName, location));

    /// <summary>True when this request speaks the pseudo-locale.</summary>
    public static bool IsPseudo(CultureInfo culture) =>
        string.Equals(culture.Name, HearthLanguages.Pseudo, StringComparison.OrdinalIgnoreCase);
}

internal sealed class PseudoStringLocalizer(IStringLocalizer inner) : IStringLocalizer
{
    public LocalizedString this[string name] => Pseudo(inner[name]);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            if (!PseudoStringLocalizerFactory.IsPseudo(CultureInfo.CurrentUICulture))
            {
                return inner[name, arguments];
            }

            // The format string is pseudo-localised, not the arguments: a name someone typed stays as typed.
            var format = inner[name];
            if (format.ResourceNotFound)
            {
                return inner[name, arguments];
            }

            var text = string.Format(CultureInfo.CurrentCulture, PseudoText.Of(format.Value), arguments);
            return new LocalizedString(name, text, resourceNotFound: false, searchedLocation: format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        inner.GetAllStrings(includeParentCultures).Select(Pseudo);

    private static LocalizedString Pseudo(LocalizedString english) =>
        english.ResourceNotFound || !PseudoStringLocalizerFactory.IsPseudo(CultureInfo.CurrentUICulture)
            ? english
            : new LocalizedString(english.Name, PseudoText.Of(english.Value), resourceNotFound: false, searchedLocation: english.SearchedLocation);
}

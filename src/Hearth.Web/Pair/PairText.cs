using System.Globalization;
using System.Resources;

namespace Hearth.Web.Pair;

/// <summary>
/// The words of the pair kernel's shared checks (<see cref="DailyText"/>): PairText.resx (English) and
/// its translations, read in the request's language.
/// </summary>
public sealed class PairText
{
    private static readonly ResourceManager Resources = new(typeof(PairText));

    private PairText()
    {
    }

    /// <summary>The sentence for <paramref name="key"/> in the current UI language, its arguments formatted in the current culture.</summary>
    public static string Get(string key, params object[] arguments)
    {
        var format = Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return arguments.Length == 0 ? format : string.Format(CultureInfo.CurrentCulture, format, arguments);
    }
}

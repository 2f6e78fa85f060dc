using System.Text;

namespace Hearth.Core.Languages;

/// <summary>
/// The pseudo-locale's version of an English sentence: accented letters, about 40 % longer, and
/// bracketed, so that text which was not translated, and layouts which break on longer words, are
/// easy to see. Placeholders such as <c>{0}</c> or <c>{name}</c> are kept as they are.
/// </summary>
public static class PseudoText
{
    public const char Open = '[';
    public const char Close = ']';

    private const string Plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Accented = "åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";

    public static string Of(string english)
    {
        ArgumentNullException.ThrowIfNull(english);
        if (english.Length == 0)
        {
            return english;
        }

        var text = new StringBuilder(english.Length * 2);
        text.Append(Open);
        var depth = 0;
        var letters = 0;
        foreach (var c in english)
        {
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
            }

            var at = depth == 0 ? Plain.IndexOf(c, StringComparison.Ordinal) : -1;
            text.Append(at >= 0 ? Accented[at] : c);
            if (at >= 0)
            {
                letters++;
            }
        }

        // About 40 % longer: German and Finnish words run long, and layouts must survive them.
        var padding = (int)Math.Ceiling(letters * 0.4);
        if (padding > 0)
        {
            text.Append(' ');
            for (var i = 0; i < padding; i++)
            {
                text.Append(i % 4 == 3 ? ' ' : '·');
            }
        }

        text.Append(Close);
        return text.ToString();
    }

    /// <summary>True when a text is wholly a pseudo-localised string.</summary>
    public static bool IsPseudo(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length >= 2 && trimmed[0] == Open && trimmed[^1] == Close;
    }
}

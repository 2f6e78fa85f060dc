using System.Globalization;

namespace Hearth.Web.Features.Shared;

/// <summary>
/// The one check for every return address (after sign-in, sign-up, the second step, "is it still
/// you?", and the one handed to passkeys.js): a path on this site, nothing else. It follows
/// Url.IsLocalUrl (a single leading slash, no "//" or "/\") and is stricter: no control characters,
/// whitespace or Unicode spaces (browsers drop tabs and newlines, so "/\t/evil" would become
/// "//evil"), no backslashes, nothing that only turns hostile once percent-decoded, at most 1024
/// characters. Anything else falls back to a page of ours (ADR 12).
/// </summary>
public static class ReturnUrls
{
    public const int MaxLength = 1024;

    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength)
        {
            return false;
        }

        // Percent-decoding must not reveal anything hostile either ("/%2F/evil", "/%09/evil").
        var current = url;
        for (var round = 0; round < 3; round++)
        {
            if (!IsPlainLocalPath(current))
            {
                return false;
            }

            string decoded;
            try
            {
                decoded = Uri.UnescapeDataString(current);
            }
            catch (UriFormatException)
            {
                return false;
            }

            if (decoded == current)
            {
                return true;
            }

            current = decoded;
        }

        return false;
    }

    /// <summary>The address if it is local, otherwise the fallback.</summary>
    public static string OrFallback(string? url, string fallback) => IsLocal(url) ? url! : fallback;

    /// <summary>The address if it is local, otherwise none: what a page keeps and renders.</summary>
    public static string? OrNull(string? url) => IsLocal(url) ? url : null;

    private static bool IsPlainLocalPath(string url)
    {
        if (url.Length == 0 || url[0] != '/' || (url.Length > 1 && url[1] is '/' or '\\'))
        {
            return false;
        }

        foreach (var c in url)
        {
            if (c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c))
            {
                return false;
            }

            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse)
            {
                return false;
            }
        }

        return true;
    }
}

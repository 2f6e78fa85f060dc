using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.AccountSecurity;

/// <summary>
/// The device label of a session is stored as <see cref="Security.ClientLabels"/> writes it
/// ("Firefox on Linux", the same in every language, so the row never depends on who looked), and
/// put into the reader's words only when shown: the product and system names stay, the English
/// joining word and the unknown cases are translated.
/// </summary>
public static class DeviceWords
{
    public static string Show(string stored, IStringLocalizer<AccountSecurityText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(stored) || stored == "Unknown device")
        {
            return text["UnknownDevice"];
        }

        var at = stored.IndexOf(" on ", StringComparison.Ordinal);
        if (at < 0)
        {
            return stored;
        }

        var browser = stored[..at];
        var system = stored[(at + 4)..];
        return text["DeviceOn",
            browser == "A browser or app" ? text["UnknownBrowser"].Value : browser,
            system == "an unknown system" ? text["UnknownSystem"].Value : system];
    }
}

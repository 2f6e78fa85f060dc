using System.Text.RegularExpressions;

namespace Hearth.Web.Tests.Infrastructure;

/// <summary>Page HTML made comparable across requests: the per-request antiforgery tokens blanked.</summary>
public static partial class PageText
{
    public static string WithoutAntiforgery(string html) => AntiforgeryField().Replace(html, "name=\"__af\" value=\"{af}\"");

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"[^\"]+\"|name=\"__af\" value=\"[^\"]+\"")]
    private static partial Regex AntiforgeryField();
}

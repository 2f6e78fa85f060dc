using System.Text.RegularExpressions;

namespace Hearth.Web.Tests.Infrastructure;

/// <summary>Page HTML made comparable across requests: the per-request antiforgery and one-time submission tokens blanked.</summary>
public static partial class PageText
{
    public static string WithoutAntiforgery(string html) =>
        SubmissionTokenField().Replace(AntiforgeryField().Replace(html, "name=\"__af\" value=\"{af}\""), "name=\"SubmissionToken\" value=\"{once}\"");

    [GeneratedRegex("name=\"SubmissionToken\" value=\"[^\"]+\"")]
    private static partial Regex SubmissionTokenField();

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"[^\"]+\"|name=\"__af\" value=\"[^\"]+\"")]
    private static partial Regex AntiforgeryField();
}

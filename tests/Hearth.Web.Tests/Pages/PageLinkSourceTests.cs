using System.Text.RegularExpressions;
using Hearth.Web.Tests.DataRights;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Pages;

/// <summary>
/// Links and redirects to Hearth's own pages are made by the framework from the page's name
/// (asp-page, RedirectToPage), never typed as an address: a moved or renamed page then breaks the
/// build or the link crawl, not a person's tap. Addresses that are not pages stay typed, each with
/// its reason below.
/// </summary>
public sealed partial class PageLinkSourceTests
{
    /// <summary>Typed addresses kept on purpose, as "file: address" with the reason.</summary>
    private static readonly Dictionary<string, string> AllowedOnPurpose = new(StringComparer.Ordinal)
    {
        ["Features/DataRights/Index.cshtml: /api/v1/account/export"] = "an API download, not a page",
    };

    [Fact]
    public void No_page_or_page_model_types_the_address_of_a_Hearth_page()
    {
        var web = Path.Combine(DataRightsTests<SqliteHearthFactory>.RepoRoot(), "src", "Hearth.Web");
        var files = Directory.EnumerateFiles(web, "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(web, "*.cshtml.cs", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(web, "Security"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        var typed = new List<string>();
        var lines = 0;
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(web, file).Replace(Path.DirectorySeparatorChar, '/');
            var pattern = file.EndsWith(".cshtml", StringComparison.Ordinal) ? TypedAttribute() : TypedRedirect();
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                lines++;
                foreach (Match m in pattern.Matches(line))
                {
                    var address = m.Groups["address"].Value;
                    if (!AllowedOnPurpose.ContainsKey($"{relative}: {address}"))
                    {
                        typed.Add($"{relative}:{number}: {m.Value}");
                    }
                }
            }
        }

        SecurityReport.Record(
            "links to pages made from page names, not typed addresses (source)", "-", lines, typed.Count,
            $"{nameof(PageLinkSourceTests)}.{nameof(No_page_or_page_model_types_the_address_of_a_Hearth_page)}",
            $"every line of {files.Count} pages, page models and page filters: href/action/src=\"/...\" and Redirect(\"/...\")");
        Assert.True(files.Count > 40, $"only {files.Count} files read");
        Assert.True(typed.Count == 0, $"{typed.Count} typed addresses (use asp-page / RedirectToPage, or ~/ for a static file):\n" + string.Join('\n', typed));
    }

    /// <summary>An attribute that starts with a site path ("/x", not "//x" or "~/x").</summary>
    [GeneratedRegex("\\b(?:href|action|formaction|src)\\s*=\\s*\"(?<address>/(?!/)[^\"@?]*)[^\"]*\"")]
    private static partial Regex TypedAttribute();

    /// <summary>A redirect whose target is written out as a path.</summary>
    [GeneratedRegex("(?:\\b(?:Redirect|LocalRedirect|RedirectPermanent)\\(|new\\s+RedirectResult\\()\\s*\\$?\"(?<address>/[^\"{?]*)[^\"]*\"")]
    private static partial Regex TypedRedirect();
}

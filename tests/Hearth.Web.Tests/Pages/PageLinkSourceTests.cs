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
            .Concat(Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories).Where(f => !f.EndsWith(".cshtml.cs", StringComparison.Ordinal)))
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

    /// <summary>Page addresses typed in code, kept on purpose, as "file: address" with the reason.</summary>
    private static readonly Dictionary<string, string> AddressesAllowedOnPurpose = new(StringComparer.Ordinal)
    {
        ["Hosting/HearthHosting.cs: /error"] = "the error handler's re-execute path, set in UseHearth before the pages are mapped",
        ["Hosting/HearthHosting.cs: /status/{0}"] = "the status pages' re-execute format, set in UseHearth before the pages are mapped",
        ["Hosting/HearthOptions.cs: /exit"] = "a setting's default (any https address may replace it), bound before the pages exist",
        ["Api/OpenApiContracts.cs: /"] = "the OpenAPI transformer puts a slash before an API route it reads; no page is linked",
        ["Api/OpenApiContracts.cs: /spaces/{spaceId}"] = "part of the API route /api/v1/spaces/{spaceId} the transformer matches; no page is linked",
        ["Features/Notifications/PushDelivery.cs: /"] = "the start page a notification opens when the page it was given is not one of Hearth's own (an outside address is never opened)",
        ["Hosting/RefusedRequestPage.cs: /"] = "written by Kestrel for an address it can't read, before routing: no page names there",
    };

    /// <summary>
    /// Every string in the app's code (any .cs file) or in a page that is the address of one of
    /// Hearth's pages ("/spaces/{id}/notes" matches the page "/spaces/{spaceId:guid}/notes"): such
    /// an address is made from the page's name (Url.Page, LinkGenerator.GetPathByPage,
    /// RedirectToPage, asp-page). Route templates given to Map... and a cookie's Path = "/" are not
    /// addresses of a page.
    /// </summary>
    [Fact]
    public void No_code_or_page_types_the_address_of_a_Hearth_page()
    {
        var web = Path.Combine(DataRightsTests<SqliteHearthFactory>.RepoRoot(), "src", "Hearth.Web");
        var files = Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(web, "*.cshtml", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var pages = files.Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal))
            .SelectMany(File.ReadLines)
            .Select(l => PageDirective().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups["route"].Value.Split('/'))
            .ToList();
        Assert.True(pages.Count > 30, $"only {pages.Count} page routes found");

        var typed = new List<string>();
        var lines = 0;
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(web, file).Replace(Path.DirectorySeparatorChar, '/');
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                lines++;
                var code = line.TrimStart();
                if (code.StartsWith("//", StringComparison.Ordinal) || code.StartsWith("@page", StringComparison.Ordinal) || code.StartsWith("@*", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (Match m in QuotedPath().Matches(line))
                {
                    var address = m.Groups["address"].Value;
                    var before = line[..m.Index];
                    if (RouteTemplateArgument().IsMatch(before) || (address == "/" && CookiePath().IsMatch(before))
                        || AddressesAllowedOnPurpose.ContainsKey($"{relative}: {address}")
                        || AllowedOnPurpose.ContainsKey($"{relative}: {address}"))
                    {
                        continue;
                    }

                    var path = address.Split('?', '#')[0];
                    if (pages.Any(page => IsAddressOf(path, page)))
                    {
                        typed.Add($"{relative}:{number}: {m.Value}");
                    }
                }
            }
        }

        SecurityReport.Record(
            "addresses of pages made from page names, not typed, in any code (source)", "-", lines, typed.Count,
            $"{nameof(PageLinkSourceTests)}.{nameof(No_code_or_page_types_the_address_of_a_Hearth_page)}",
            $"every string of {files.Count} .cs and .cshtml files of the app against {pages.Count} page routes");
        Assert.True(typed.Count == 0, $"{typed.Count} typed page addresses (use Url.Page / LinkGenerator.GetPathByPage / RedirectToPage / asp-page):\n" + string.Join('\n', typed));
    }

    [Theory]
    [InlineData("/spaces/{spaceId}/notes", "/spaces/{spaceId:guid}/notes", true)]
    [InlineData("/spaces/{SpaceId:N}/check-in", "/spaces/{spaceId:guid}/check-in", true)]
    [InlineData("/join/{Uri.EscapeDataString(Token)}", "/join/{token}", true)]
    [InlineData("/account/sign-in", "/account/sign-in", true)]
    [InlineData("/spaces", "/spaces", true)]
    [InlineData("/", "/", true)]
    [InlineData("/Spaces/Space", "/spaces/{spaceId:guid}", false)]
    [InlineData("/Accounts/SignIn", "/account/sign-in", false)]
    [InlineData("/api/v1/spaces", "/spaces", false)]
    [InlineData("/css/site.css", "/", false)]
    public void A_typed_address_is_told_from_a_page_name(string address, string route, bool isAddress) =>
        Assert.Equal(isAddress, IsAddressOf(address, route.Split('/')));

    /// <summary>
    /// Whether a typed path is the address of the page with this route: the same segments, literal
    /// ones written the same (page names are PascalCase, routes are lower case), a route parameter
    /// matching anything.
    /// </summary>
    private static bool IsAddressOf(string path, string[] route)
    {
        var segments = path.Split('/');
        if (segments.Length != route.Length)
        {
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var parameter = route[i].StartsWith('{');
            if (!(parameter ? segments[i].Length > 0 : string.Equals(segments[i], route[i], StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex("^\\s*@page\\s+\"(?<route>/[^\"]*)\"")]
    private static partial Regex PageDirective();

    /// <summary>A string (plain or interpolated) that starts with a site path ("/x" or "/", not "//x").</summary>
    [GeneratedRegex("\\$?@?\"(?<address>/(?!/)[^\"]*)\"")]
    private static partial Regex QuotedPath();

    /// <summary>The route template given to MapGet, MapGroup and the like, relative to its group.</summary>
    [GeneratedRegex("\\bMap\\w*\\(\\s*$")]
    private static partial Regex RouteTemplateArgument();

    /// <summary>A cookie's scope: the whole site.</summary>
    [GeneratedRegex("\\bPath\\s*=\\s*$")]
    private static partial Regex CookiePath();

    /// <summary>An attribute that starts with a site path ("/x", not "//x" or "~/x").</summary>
    [GeneratedRegex("\\b(?:href|action|formaction|src)\\s*=\\s*\"(?<address>/(?!/)[^\"@?]*)[^\"]*\"")]
    private static partial Regex TypedAttribute();

    /// <summary>A redirect whose target is written out as a path.</summary>
    [GeneratedRegex("(?:\\b(?:Redirect|LocalRedirect|RedirectPermanent)\\(|new\\s+RedirectResult\\()\\s*\\$?\"(?<address>/[^\"{?]*)[^\"]*\"")]
    private static partial Regex TypedRedirect();
}

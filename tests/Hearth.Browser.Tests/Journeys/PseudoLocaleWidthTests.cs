using System.Text.RegularExpressions;
using Hearth.Browser.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hearth.Browser.Tests.Journeys;

/// <summary>
/// Every page of the app (from its own endpoint data source, ids filled in for a paired member who
/// has taken the assessment, and as a visitor) opened in the pseudo-locale qps-Ploc (every string
/// about 40 % longer) on a 390 px phone: none is wider than the screen (document scrollWidth).
/// Longer words are where a layout breaks first, so this stands in for every language to come.
/// The pseudo-localisation of the words themselves is PseudoCrawlTests' (Hearth.Web.Tests/Languages).
/// </summary>
public sealed partial class PseudoLocaleWidthTests(PseudoBrowserFixture browser) : IClassFixture<PseudoBrowserFixture>
{
    [Fact]
    public async Task No_page_is_wider_than_a_390_px_phone_in_the_pseudo_locale()
    {
        browser.RequireAvailable();
        await using var anaContext = await browser.NewPersonAsync(forAccessibilityChecks: false);
        await using var benContext = await browser.NewPersonAsync(forAccessibilityChecks: false);
        var ana = await anaContext.NewPageAsync();
        var ben = await benContext.NewPageAsync();
        var space = await Person.PairAsync(ana, ben);
        var spaceId = space.Split('/').Last();

        await using var visitorContext = await browser.NewPersonAsync(forAccessibilityChecks: false);
        var visitor = await visitorContext.NewPageAsync();
        foreach (var context in new[] { anaContext, visitorContext })
        {
            // The language cookie, as the switch sets it (an extra Accept-Language header did not reach the app: 0 pages came in qps-Ploc).
            // Domain and path rather than Url: Chromium refuses a Secure cookie given with an http:// Url.
            await context.AddCookiesAsync([new Cookie { Name = "__Host-hearth-lang", Value = "qps-Ploc", Domain = new Uri(browser.BaseUrl).Host, Path = "/", Secure = true }]);
        }

        var pages = browser.App!.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
            .Select(r => r.Replace("{spaceId:guid}", spaceId, StringComparison.Ordinal).Replace("{section}", "emotional", StringComparison.Ordinal))
            .Where(r => !r.Contains('{', StringComparison.Ordinal) && r is not "/error" and not "/exit" && !r.StartsWith("/account/sign-out", StringComparison.Ordinal)
                && !r.EndsWith("/delete", StringComparison.Ordinal) && !r.EndsWith("/leave", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        var tooWide = new List<string>();
        var pseudo = 0;
        foreach (var (who, page) in new[] { ("Ana", ana), ("a visitor", visitor) })
        {
            foreach (var path in pages)
            {
                await page.GotoAsync(path);
                var lang = await page.Locator("html").GetAttributeAsync("lang");
                pseudo += lang == "qps-Ploc" ? 1 : 0;
                var width = await page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
                if (width > BrowserFixture.Phone.Width)
                {
                    tooWide.Add($"{path} as {who} ({new Uri(page.Url).AbsolutePath}, lang {lang}): {width} px");
                    await page.ScreenshotAsync("pseudo-too-wide-" + Slug().Replace(path, "-"));
                }
            }
        }

        Assert.True(pages.Count >= 25, $"only {pages.Count} pages");
        Assert.True(pseudo >= pages.Count, $"only {pseudo} of {pages.Count * 2} pages came in qps-Ploc: is the pseudo-locale on?");
        Assert.True(tooWide.Count == 0, $"{tooWide.Count} pages wider than {BrowserFixture.Phone.Width} px in qps-Ploc:\n" + string.Join('\n', tooWide));
    }

    [GeneratedRegex("[^a-zA-Z0-9]+")]
    private static partial Regex Slug();
}

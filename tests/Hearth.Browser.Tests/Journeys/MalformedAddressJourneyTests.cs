using System.Text.RegularExpressions;
using Hearth.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hearth.Browser.Tests.Journeys;

/// <summary>
/// A link with a <c>%00</c> in it, opened in Chromium on a phone: Hearth's own page, in our style,
/// with a way back to the start, never the browser's blank error.
/// </summary>
public sealed class MalformedAddressJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_link_with_a_nul_in_it_opens_Hearths_own_page_with_a_way_back()
    {
        browser.RequireAvailable();
        await using var context = await browser.NewPersonAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/invite/abc%00def");

        Assert.Equal(400, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This address can't be opened" })).ToBeVisibleAsync();
        // Our stylesheet applied: the page is laid out like every other Hearth page.
        var brandFont = await page.Locator(".brand").EvaluateAsync<string>("e => getComputedStyle(e).fontWeight");
        Assert.NotEqual("400", brandFont);
        await page.ScreenshotAsync("90-malformed-address");
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to the start page" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$|/spaces$|/account/sign-in"));
    }
}

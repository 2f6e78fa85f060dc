using Hearth.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hearth.Browser.Tests.Journeys;

/// <summary>Links made from page names, tapped on a phone: the header, settings and your data, and the sign-out button at the top.</summary>
public sealed class PageLinksJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_header_and_settings_links_lead_where_they_say_and_sign_out_signs_out()
    {
        browser.RequireAvailable();
        await using var context = await browser.NewPersonAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await page.GetByLabel("What should we call you?").FillAsync("Ana");
        await page.GetByLabel("E-mail").FillAsync($"ana-{Guid.NewGuid():N}@example.org");
        await page.GetByLabel("Passphrase").FillAsync("a lantern by the open window");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your spaces" })).ToBeVisibleAsync();

        var header = page.Locator("header");
        await header.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your settings" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Your data" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your data" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Read it here" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to your data" }).ClickAsync();
        Assert.EndsWith("/account/data", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.ScreenshotAsync("links-01-your-data");

        await header.GetByRole(AriaRole.Link, new() { Name = "Spaces" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a new space" }).ClickAsync();
        Assert.EndsWith("/spaces/new", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        await header.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByText("You're signed out.")).ToBeVisibleAsync();
        await page.ScreenshotAsync("links-02-signed-out");
        await page.GotoAsync("/spaces");
        Assert.EndsWith("/account/sign-in", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }
}

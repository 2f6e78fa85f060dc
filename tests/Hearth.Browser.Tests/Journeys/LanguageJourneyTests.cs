using Hearth.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hearth.Browser.Tests.Journeys;

/// <summary>
/// On a phone, signed out: "Deutsch" at the foot of the page switches Hearth to German, the account
/// made next keeps it, and a fresh browser that signs in sees the settings page in German again.
/// Fields are found by their ids, not their labels, so the journey holds while pages are translated.
/// </summary>
public sealed class LanguageJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Switching_to_Deutsch_signed_out_is_kept_by_the_new_account_on_another_browser()
    {
        browser.RequireAvailable();
        var email = $"ana-{Guid.NewGuid():N}@example.org";
        const string passphrase = "a lantern by the open window";
        await using (var context = await browser.NewPersonAsync())
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/register");
            await page.Locator("footer").GetByRole(AriaRole.Button, new() { Name = "Deutsch" }).ClickAsync();

            // Back on the same page, now in German.
            Assert.EndsWith("/account/register", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
            Assert.Equal("de", await page.Locator("html").GetAttributeAsync("lang"));
            await Assertions.Expect(page.Locator("footer").GetByRole(AriaRole.Button, new() { Name = "Deutsch" })).ToHaveAttributeAsync("aria-current", "true");
            await page.ScreenshotAsync("language-01-register-deutsch");

            await page.Locator("#Input_DisplayName").FillAsync("Ana");
            await page.Locator("#Input_Email").FillAsync(email);
            await page.Locator("#Input_Password").FillAsync(passphrase);
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.WaitForPathAsync(path => path.StartsWith("/spaces", StringComparison.Ordinal));
            await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
        }

        await using (var fresh = await browser.NewPersonAsync())
        {
            var page = await fresh.NewPageAsync();
            await page.GotoAsync("/account/sign-in");
            Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
            await page.Locator("#Input_Email").FillAsync(email);
            await page.Locator("#Input_Password").FillAsync(passphrase);
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.WaitForPathAsync(path => path.StartsWith("/spaces", StringComparison.Ordinal));
            await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();

            await page.GotoAsync("/account/settings");
            Assert.Equal("de", await page.Locator("html").GetAttributeAsync("lang"));
            await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Deine Sprache" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Deutsch" })).ToBeCheckedAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Zum Inhalt springen" })).ToBeAttachedAsync();
            await page.ScreenshotAsync("language-02-settings-deutsch");
            await page.AssertAccessibleAsync("language settings in German");
        }
    }
}

using Hearth.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hearth.Browser.Tests.Journeys;

/// <summary>
/// Quick exit, with the page's own Content Security Policy in force. Runs alone (not beside the
/// other browser journeys): three quick key presses are a timing test, and a starved two-core CI
/// machine makes it flaky when four browsers compete.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class QuickExitTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Quick_exit_by_button_or_three_shift_presses_leaves_no_way_back()
    {
        browser.RequireAvailable();

        // A context with the page's own Content Security Policy in force: the script must work under it.
        await using var context = await browser.NewPersonAsync(forAccessibilityChecks: false);
        var page = await context.NewPageAsync();
        var cspErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                cspErrors.Add(message.Text);
            }
        };

        await Person.SignUpAsync(page, "Kai");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your spaces" })).ToBeVisibleAsync();
        await page.Locator("html[data-quick-exit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var historyBefore = await page.EvaluateAsync<int>("() => history.length");

        // Three Shift presses in quick succession, delivered in one go: on a starved CI machine each
        // separate round trip to the browser can take longer than the 1.5 s the gesture allows.
        await page.EvaluateAsync(@"() => {
            for (let i = 0; i < 3; i++) {
                document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift', bubbles: true }));
                document.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', bubbles: true }));
            }
        }");
        await page.WaitForURLAsync("**/exit", new() { Timeout = 30_000 });
        Assert.Equal("New tab", await page.TitleAsync());
        Assert.Equal(historyBefore, await page.EvaluateAsync<int>("() => history.length"));
        await page.ScreenshotAsync("10-quick-exit");

        await page.GotoAsync("/spaces", new() { WaitUntil = WaitUntilState.Load });
        await page.Locator("html[data-quick-exit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByRole(AriaRole.Link, new() { Name = "Quick exit" }).ClickAsync();
        await page.WaitForURLAsync("**/exit", new() { Timeout = 30_000 });
        Assert.Empty(cspErrors);
    }
}

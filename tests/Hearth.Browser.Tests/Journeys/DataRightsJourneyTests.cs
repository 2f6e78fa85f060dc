using Hearth.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hearth.Browser.Tests.Journeys;

/// <summary>
/// Runs on its own, after the other browser journeys. Running as a fourth browser alongside them, the
/// quick-exit test (three Shift presses that must land within 1.5 seconds) failed in every full run we
/// tried on a busy machine, and passed in every run once this one ran alone; most likely the extra load.
/// </summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;

/// <summary>Your data at a phone viewport: download, read it, and delete the account, with accessibility checks.</summary>
[Collection(nameof(RunsAlone))]
public sealed class DataRightsJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_person_downloads_reads_and_then_deletes_their_data_at_a_phone_viewport()
    {
        browser.RequireAvailable();
        await using var context = await browser.NewPersonAsync();
        var page = await context.NewPageAsync();
        await Person.SignUpAsync(page, "Noor");
        await Person.CreateSpaceAsync(page, "Close friends");

        await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Your data" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your data" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("30-your-data");
        await page.AssertAccessibleAsync("30-your-data");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download my data" }).ClickAsync());
        Assert.StartsWith("hearth-export-", download.SuggestedFilename, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("\"format\": \"hearth-export\"", text, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Read it here" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Everything you gave Hearth" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("31-your-data-to-read");
        await page.AssertAccessibleAsync("31-your-data-to-read");

        await page.GotoAsync("/account/delete");
        await page.ScreenshotAsync("32-delete-account");
        await page.AssertAccessibleAsync("32-delete-account");
        await page.GetByLabel("Your passphrase, to confirm").FillAsync(Person.Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account and everything in it" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account is gone" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("33-account-deleted");
        await page.GotoAsync("/spaces");
        Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);
    }
}

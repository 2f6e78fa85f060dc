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
    private const string Passphrase = "lanterns along the harbour wall";

    [Fact]
    public async Task A_person_downloads_reads_and_then_deletes_their_data_at_a_phone_viewport()
    {
        browser.RequireAvailable();
        await using var context = await browser.NewPersonAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/register");
        await page.GetByLabel("What should we call you?").FillAsync("Noor");
        await page.GetByLabel("E-mail").FillAsync($"noor-{Guid.NewGuid():N}@example.org");
        await page.GetByLabel("Passphrase").FillAsync(Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a new space" }).ClickAsync();
        await page.GetByLabel("Close friends").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the space" }).ClickAsync();

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
        await page.GetByLabel("Your passphrase, to confirm").FillAsync(Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account and everything in it" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account is gone" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("33-account-deleted");
        await page.GotoAsync("/spaces");
        Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);
    }
}

using Hearth.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hearth.Browser.Tests.Journeys;

/// <summary>Two people, two browsers, a phone screen: sign up, start a space, invite, join, leave.</summary>
public sealed class PairingJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Two_people_pair_up_and_one_leaves_at_a_phone_viewport()
    {
        browser.RequireAvailable();
        await using var anaContext = await browser.NewPersonAsync();
        await using var benContext = await browser.NewPersonAsync();
        var ana = await anaContext.NewPageAsync();
        var ben = await benContext.NewPageAsync();

        await ana.GotoAsync("/");
        await ana.ScreenshotAsync("01-home");
        await ana.AssertAccessibleAsync("home");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await ana.AssertAccessibleAsync("register");
        await Person.SignUpHereAsync(ana, "Ana");
        await Assertions.Expect(ana.GetByText("Welcome to Hearth.")).ToBeVisibleAsync();
        await ana.ScreenshotAsync("02-spaces-welcome");
        await ana.AssertAccessibleAsync("spaces");

        await ana.GetByRole(AriaRole.Link, new() { Name = "Start a new space" }).ClickAsync();
        await ana.GetByLabel("Romantic partners").CheckAsync();
        await ana.GetByLabel("A name for this space, just for you (optional)").FillAsync("Ben & me");
        await ana.ScreenshotAsync("03-new-space");
        await ana.AssertAccessibleAsync("new space");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Start the space" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Ben & me" })).ToBeVisibleAsync();
        var spaceUrl = new Uri(ana.Url).AbsolutePath;
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Invite your partner" })).ToBeVisibleAsync();

        await ana.GetByRole(AriaRole.Button, new() { Name = "Create an invitation link" }).ClickAsync();
        var link = await ana.GetByLabel("Your invitation link").InputValueAsync();
        Assert.Contains("/join/", link, StringComparison.Ordinal);
        await ana.ScreenshotAsync("04-solo-space-with-link");
        await ana.AssertAccessibleAsync("solo space");

        await ben.GotoAsync(link);
        await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "You've been invited" })).ToBeVisibleAsync();
        await Assertions.Expect(ben.Locator("main")).Not.ToContainTextAsync("Ana");
        await ben.ScreenshotAsync("05-invitation-signed-out");
        await ben.AssertAccessibleAsync("invitation");
        await ben.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await Person.SignUpHereAsync(ben, "Ben");
        await Assertions.Expect(ben.GetByText("Ana invited you to share a space in Hearth.")).ToBeVisibleAsync();
        await ben.ScreenshotAsync("06-invitation-signed-in");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "You're both here" })).ToBeVisibleAsync();
        await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "You and Ana" })).ToBeVisibleAsync();
        await ben.ScreenshotAsync("07-paired");
        await ben.AssertAccessibleAsync("paired space");

        await ana.GotoAsync(spaceUrl);
        await Assertions.Expect(ana.GetByText("You and Ben share this space.", new() { Exact = false })).ToBeVisibleAsync();

        await ben.GetByRole(AriaRole.Link, new() { Name = "Leave this space" }).ClickAsync();
        await ben.AssertAccessibleAsync("leave");
        await ben.ScreenshotAsync("08-leave-confirm");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Leave and close the space" }).ClickAsync();
        await Assertions.Expect(ben.GetByText("That space is no longer in your list.", new() { Exact = false })).ToBeVisibleAsync();

        await ana.GotoAsync(spaceUrl);
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "This space is closed" })).ToBeVisibleAsync();
        await Assertions.Expect(ana.Locator("main")).Not.ToContainTextAsync("Ben left");
        await ana.ScreenshotAsync("09-closed-for-the-other");
        await ana.AssertAccessibleAsync("closed space");
    }
}

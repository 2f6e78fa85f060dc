using Hearth.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hearth.Browser.Tests.Journeys;

/// <summary>A day of use by two people on phones: today's question, the timer, a note, a memory.</summary>
public sealed class DailyJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>After a pause Hearth asks for the passphrase before it shows history: give it, as a person would.</summary>
    private static async Task ConfirmIfAskedAsync(IPage page)
    {
        if (await page.GetByRole(AriaRole.Heading, new() { Name = "Is it still you?" }).IsVisibleAsync())
        {
            await page.GetByLabel("Passphrase").FillAsync(Person.Passphrase);
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Is it still you?" })).Not.ToBeVisibleAsync();
        }
    }

    private static async Task CheckAsync(IPage page, string screenshot)
    {
        await page.ScreenshotAsync(screenshot);
        await page.AssertAccessibleAsync(screenshot);
    }

    [Fact]
    public async Task Two_people_share_a_day_of_small_moments_at_a_phone_viewport()
    {
        browser.RequireAvailable();
        await using var anaContext = await browser.NewPersonAsync();
        await using var benContext = await browser.NewPersonAsync();
        var ana = await anaContext.NewPageAsync();
        var ben = await benContext.NewPageAsync();

        // Pair up.
        var spaceUrl = await Person.PairAsync(ana, ben);
        await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Today" })).ToBeVisibleAsync();
        await CheckAsync(ben, "20-space-with-today");

        // Today's question: Ana answers first and sees only that Ben's answer will come.
        await ana.GotoAsync(spaceUrl);
        await ana.GetByRole(AriaRole.Link, new() { Name = "Today's question" }).ClickAsync();
        await ana.GetByLabel("Your answer").FillAsync("The lake at dusk, and your terrible singing.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Share my answer" }).ClickAsync();
        await Assertions.Expect(ana.GetByText("It will show here once Ben has answered too.")).ToBeVisibleAsync();
        await CheckAsync(ana, "21-today-waiting");

        await ben.GetByRole(AriaRole.Link, new() { Name = "Today's question" }).ClickAsync();
        await Assertions.Expect(ben.Locator("main")).Not.ToContainTextAsync("terrible singing");
        await ben.GetByLabel("Your answer").FillAsync("Our first snow day.");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Share my answer" }).ClickAsync();
        await Assertions.Expect(ben.GetByText("The lake at dusk, and your terrible singing.")).ToBeVisibleAsync();
        await CheckAsync(ben, "22-today-revealed");

        // Twenty minutes together, timed.
        await ana.GotoAsync(spaceUrl + "/time");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Start our time" }).ClickAsync();
        await Assertions.Expect(ana.GetByText("The timer is running", new() { Exact = false })).ToBeVisibleAsync();
        await CheckAsync(ana, "23-timer-running");
        browser.App!.Clock.Advance(TimeSpan.FromMinutes(22));
        await ana.GetByRole(AriaRole.Button, new() { Name = "Stop and save" }).ClickAsync();
        await Assertions.Expect(ana.GetByText("You've had 22 minutes together today", new() { Exact = false })).ToBeVisibleAsync();
        await CheckAsync(ana, "24-time-together");
        await ana.GetByRole(AriaRole.Link, new() { Name = "See your week" }).ClickAsync();
        await Assertions.Expect(ana.GetByText("You two found 22 minutes together this week.", new() { Exact = false })).ToBeVisibleAsync();
        await CheckAsync(ana, "25-week");

        // A note, and the discreet notice on Ben's side. Twenty-two minutes passed on the timer, so
        // Hearth asks "is it still you?" before showing notes (history after a pause, ADR 14).
        await ana.GotoAsync(spaceUrl + "/notes");
        await ConfirmIfAskedAsync(ana);
        await ana.GetByLabel("Your words").FillAsync("Thank you for making soup when I was tired.");
        await ana.GetByLabel("A way of caring it's about (optional)").SelectOptionAsync("acts");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(ana.GetByText("Sent.", new() { Exact = false })).ToBeVisibleAsync();
        await CheckAsync(ana, "26-note-sent");

        await ben.GotoAsync("/spaces");
        await Assertions.Expect(ben.GetByText("Something new in Hearth.")).ToBeVisibleAsync();
        await Assertions.Expect(ben.Locator("main")).Not.ToContainTextAsync("soup");
        await CheckAsync(ben, "27-something-new");
        await ben.GotoAsync(spaceUrl + "/notes");
        await ConfirmIfAskedAsync(ben);
        await Assertions.Expect(ben.GetByText("Thank you for making soup when I was tired.")).ToBeVisibleAsync();
        await ben.GetByRole(AriaRole.Button, new() { Name = "Mark as read" }).ClickAsync();
        await CheckAsync(ben, "28-note-read");

        // A memory for the timeline.
        await ana.GotoAsync(spaceUrl + "/memories");
        await ana.GetByLabel("Title").FillAsync("The night the power went out");
        await ana.GetByLabel("What kind of memory").SelectOptionAsync("reflection");
        await ana.GetByLabel("The story (optional)").FillAsync("Candles, cards, and far too much laughing.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Keep this memory" }).ClickAsync();
        await ben.GotoAsync(spaceUrl + "/memories");
        await Assertions.Expect(ben.GetByText("The night the power went out")).ToBeVisibleAsync();
        await CheckAsync(ben, "29-memories");

        // And the rest of the daily pages, checked as well.
        await ana.GotoAsync(spaceUrl + "/practices");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Add to our list" }).First.ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Button, new() { Name = "Take off our list" }).First).ToBeVisibleAsync();
        await CheckAsync(ana, "2a-practices");
        await ana.GotoAsync(spaceUrl + "/settings");
        await CheckAsync(ana, "2b-space-settings");
        await ana.GotoAsync("/learn");
        await CheckAsync(ana, "2c-learn");
    }
}

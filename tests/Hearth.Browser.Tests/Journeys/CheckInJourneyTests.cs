using Hearth.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hearth.Browser.Tests.Journeys;

/// <summary>A weekly check-in by two people on phones, then the trends page a week later.</summary>
public sealed class CheckInJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task CheckAsync(IPage page, string screenshot)
    {
        await page.ScreenshotAsync(screenshot);
        await page.AssertAccessibleAsync(screenshot);
    }

    private static async Task AnswerAsync(IPage page, string item, int value) =>
        await page.Locator($"label[for='q-{item}-{value}']").ClickAsync();

    [Fact]
    public async Task Two_people_check_in_for_the_week_and_see_how_things_are_going_at_a_phone_viewport()
    {
        browser.RequireAvailable();
        await using var anaContext = await browser.NewPersonAsync();
        await using var benContext = await browser.NewPersonAsync();
        var ana = await anaContext.NewPageAsync();
        var ben = await benContext.NewPageAsync();

        // Pair up.
        var anaEmail = await Person.SignUpAsync(ana, "Ana");
        var spaceUrl = await Person.CreateSpaceAsync(ana);
        await Person.AcceptAsync(ben, await Person.InviteAsync(ana), "Ben");

        // Ana picks a time for the ritual.
        await ana.GotoAsync(spaceUrl);
        await ana.GetByRole(AriaRole.Link, new() { Name = "Your check-in time" }).ClickAsync();
        await ana.GetByLabel("Day").SelectOptionAsync("sunday");
        await ana.GetByLabel("Time", new() { Exact = true }).FillAsync("19:00");
        await ana.GetByLabel("In the time zone").SelectOptionAsync("Europe/London");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Save the time" }).ClickAsync();
        await Assertions.Expect(ana.GetByText("Every Sunday at 7:00 PM (Europe/London).", new() { Exact = false })).ToBeVisibleAsync();
        await CheckAsync(ana, "3a-ritual");

        // Ana checks in: about a minute.
        await ana.GotoAsync("/spaces");
        await Assertions.Expect(ana.GetByText("Something new in Hearth.")).ToBeVisibleAsync();
        await ana.GotoAsync(spaceUrl + "/check-in");
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Before you talk it through" })).ToBeVisibleAsync();
        await AnswerAsync(ana, "satisfaction", 8);
        await AnswerAsync(ana, "closeness", 5);
        await AnswerAsync(ana, "feltHeard", 6);
        await ana.GetByLabel("phones put away", new() { Exact = false }).FillAsync("240");
        await AnswerAsync(ana, "appreciation", 4);
        await AnswerAsync(ana, "repair", 6);
        await ana.GetByLabel("What could we do more of, or less of?").FillAsync("More slow breakfasts together.");
        await ana.GetByLabel("Kind of closeness (optional)").SelectOptionAsync("experiential");
        await CheckAsync(ana, "3b-check-in-form");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Assertions.Expect(ana.GetByText("That's your check-in for this week.", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(ana.GetByText("They'll show here once you've both checked in this week.")).ToBeVisibleAsync();
        await CheckAsync(ana, "3c-check-in-waiting");

        // Ben sees nothing of Ana's answers until he has checked in too.
        await ben.GotoAsync(spaceUrl + "/check-in");
        await Assertions.Expect(ben.Locator("main")).Not.ToContainTextAsync("slow breakfasts");
        await AnswerAsync(ben, "satisfaction", 7);
        await AnswerAsync(ben, "closeness", 6);
        await ben.GetByText("Things didn't get tense this week").ClickAsync();
        await ben.GetByLabel("What could we do more of, or less of?").FillAsync("Less phone at dinner.");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Assertions.Expect(ben.GetByText("More slow breakfasts together.")).ToBeVisibleAsync();
        await CheckAsync(ben, "3d-check-in-revealed");

        // A week later: how things are going.
        browser.App!.Clock.Advance(TimeSpan.FromDays(7));
        await Person.SignInAsync(ana, anaEmail);
        await ana.GotoAsync(spaceUrl + "/trends");
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "How things are going" })).ToBeVisibleAsync();
        await Assertions.Expect(ana.Locator("svg.chart.trend").First).ToBeVisibleAsync();
        await CheckAsync(ana, "3e-trends");
    }
}

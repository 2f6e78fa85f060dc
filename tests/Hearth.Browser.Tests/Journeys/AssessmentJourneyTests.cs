using Hearth.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hearth.Browser.Tests.Journeys;

/// <summary>Two people take the closeness assessment on their phones and both see the map.</summary>
public sealed class AssessmentJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Answers every question on every step by tapping the option at <paramref name="pick"/> (0-based), then finishes.</summary>
    private static async Task TakeAssessmentAsync(IPage page, int pick, string shotPrefix)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the assessment" }).ClickAsync();
        await page.ScreenshotAsync($"{shotPrefix}-assessment-start");
        await page.AssertAccessibleAsync("assessment start");
        await page.GetByRole(AriaRole.Button, new() { Name = "Begin" }).ClickAsync();
        for (var step = 0; step < 12; step++)
        {
            if (await page.GetByRole(AriaRole.Heading, new() { Name = "What to share" }).IsVisibleAsync())
            {
                await page.ScreenshotAsync($"{shotPrefix}-assessment-share");
                await page.AssertAccessibleAsync("share step");
                await page.GetByRole(AriaRole.Button, new() { Name = "Finish and see my results" }).ClickAsync();
                return;
            }

            var questions = page.Locator("fieldset.question");
            var count = await questions.CountAsync();
            for (var i = 0; i < count; i++)
            {
                var options = questions.Nth(i).Locator(".scale-option label");
                var n = await options.CountAsync();
                await options.Nth(Math.Min(pick, n - 1)).ClickAsync();
            }

            if (step == 1)
            {
                await page.ScreenshotAsync($"{shotPrefix}-assessment-step");
                await page.AssertAccessibleAsync("assessment step");
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        }

        Assert.Fail("The assessment did not reach its last step.");
    }

    [Fact]
    public async Task Two_people_take_the_assessment_and_both_see_the_map()
    {
        browser.RequireAvailable();
        await using var anaContext = await browser.NewPersonAsync();
        await using var benContext = await browser.NewPersonAsync();
        var ana = await anaContext.NewPageAsync();
        var ben = await benContext.NewPageAsync();

        var spacePath = await Person.PairAsync(ana, ben, "Close friends");

        await ana.GotoAsync(spacePath);
        await TakeAssessmentAsync(ana, pick: 1, "20-ana");
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Your results" })).ToBeVisibleAsync();
        await ana.ScreenshotAsync("21-ana-results");
        await ana.AssertAccessibleAsync("results");

        await ana.GetByRole(AriaRole.Link, new() { Name = "See the shared map" }).ClickAsync();
        await Assertions.Expect(ana.GetByText("The map appears here once you have both finished the same round.")).ToBeVisibleAsync();
        await ana.ScreenshotAsync("22-ana-map-waiting");
        await ana.AssertAccessibleAsync("map waiting");

        await TakeAssessmentAsync(ben, pick: 5, "23-ben");
        await ben.GetByRole(AriaRole.Link, new() { Name = "See the shared map" }).ClickAsync();
        await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Your shared map" })).ToBeVisibleAsync();
        await Assertions.Expect(ben.Locator("svg.radar")).ToBeVisibleAsync();
        await Assertions.Expect(ben.Locator(".statement").First).ToBeVisibleAsync();
        await ben.ScreenshotAsync("24-ben-map");
        await ben.AssertAccessibleAsync("map");

        await ana.ReloadAsync();
        await Assertions.Expect(ana.Locator("svg.radar")).ToBeVisibleAsync();
        await Assertions.Expect(ana.Locator("table.data")).ToContainTextAsync("Ben");
        await ana.ScreenshotAsync("25-ana-map");

        // The private safety page, and its support screen.
        await ana.GotoAsync(spacePath + "/assessment/safety");
        await ana.AssertAccessibleAsync("safety");
        await ana.Locator("fieldset.question").First.Locator(".scale-option label").Last.ClickAsync();
        await ana.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "You deserve to feel safe" })).ToBeVisibleAsync();
        await ana.ScreenshotAsync("26-safety-support");
        await ana.AssertAccessibleAsync("safety support");
    }
}

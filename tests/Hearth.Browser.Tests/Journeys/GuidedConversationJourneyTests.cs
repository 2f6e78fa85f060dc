using Hearth.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hearth.Browser.Tests.Journeys;

/// <summary>
/// The guided conversations on phones (390x844): the talk-through after both checked in, with its
/// timer and one agreement onto "our list"; then, three months on, the gentle offer to retake the
/// assessment and what changed for each of them.
/// </summary>
public sealed class GuidedConversationJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task CheckAsync(IPage page, string screenshot)
    {
        await page.ScreenshotAsync(screenshot);
        await page.AssertAccessibleAsync(screenshot);
    }

    private static async Task AnswerAsync(IPage page, string item, int value) =>
        await page.Locator($"label[for='q-{item}-{value}']").ClickAsync();

    /// <summary>Answers every question of every step with the option at <paramref name="pick"/> (0-based), then finishes.</summary>
    private static async Task TakeAssessmentAsync(IPage page, string spaceUrl, int pick)
    {
        await page.GotoAsync(spaceUrl + "/assessment");
        var begin = page.GetByRole(AriaRole.Button, new() { Name = "Begin" });
        await (await begin.CountAsync() > 0 ? begin : page.GetByRole(AriaRole.Button, new() { Name = "Start a new round" })).ClickAsync();
        for (var step = 0; step < 12; step++)
        {
            if (await page.GetByRole(AriaRole.Heading, new() { Name = "What to share" }).IsVisibleAsync())
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Finish and see my results" }).ClickAsync();
                return;
            }

            var questions = page.Locator("fieldset.question");
            var count = await questions.CountAsync();
            for (var i = 0; i < count; i++)
            {
                var options = questions.Nth(i).Locator(".scale-option label");
                await options.Nth(Math.Min(pick, await options.CountAsync() - 1)).ClickAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        }

        Assert.Fail("The assessment did not reach its last step.");
    }

    [Fact]
    public async Task Two_people_talk_their_week_through_and_later_see_what_changed()
    {
        browser.RequireAvailable();
        await using var anaContext = await browser.NewPersonAsync();
        await using var benContext = await browser.NewPersonAsync();
        var ana = await anaContext.NewPageAsync();
        var ben = await benContext.NewPageAsync();
        var anaEmail = await Person.SignUpAsync(ana, "Ana");
        var spaceUrl = await Person.CreateSpaceAsync(ana);
        var benEmail = await Person.AcceptAsync(ben, await Person.InviteAsync(ana), "Ben");

        // Both check in; before Ben does, the talk-through waits and shows nothing of Ana's.
        await ana.GotoAsync(spaceUrl + "/check-in");
        await AnswerAsync(ana, "satisfaction", 8);
        await AnswerAsync(ana, "closeness", 5);
        await AnswerAsync(ana, "feltHeard", 3);
        await ana.GetByLabel("phones put away", new() { Exact = false }).FillAsync("240");
        await ana.GetByLabel("What could we do more of, or less of?").FillAsync("More slow breakfasts together.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await ben.GotoAsync(spaceUrl + "/check-in/talk");
        await Assertions.Expect(ben.GetByText("Once you've both checked in this week", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(ben.Locator("main")).Not.ToContainTextAsync("slow breakfasts");
        await CheckAsync(ben, "talk-through-waiting");
        await ben.GotoAsync(spaceUrl + "/check-in");
        await AnswerAsync(ben, "satisfaction", 7);
        await AnswerAsync(ben, "closeness", 6);
        await ben.GetByLabel("What could we do more of, or less of?").FillAsync("Less phone at dinner.");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Assertions.Expect(ben.GetByText("More slow breakfasts together.")).ToBeVisibleAsync();

        // The talk-through: appreciations first, the optional timer, one agreement onto our list.
        await ben.GotoAsync(spaceUrl);
        await ben.GetByRole(AriaRole.Link, new() { Name = "talk it through together" }).ClickAsync();
        await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Appreciations first" })).ToBeVisibleAsync();
        await Assertions.Expect(ben.GetByText("feeling listened to was harder this week", new() { Exact = false })).ToBeVisibleAsync();
        var timer = ben.Locator("#step-appreciations").GetByRole(AriaRole.Button, new() { Name = "Start a timer" });
        await timer.ClickAsync();
        await Assertions.Expect(ben.Locator("#timer-appreciations")).ToContainTextAsync("left");
        await CheckAsync(ben, "talk-through");
        await ben.Locator("#step-agreement input[type=radio]").First.CheckAsync();
        await ben.GetByRole(AriaRole.Button, new() { Name = "Add to our list" }).ClickAsync();
        await Assertions.Expect(ben.GetByText("is on your list now", new() { Exact = false })).ToBeVisibleAsync();
        await CheckAsync(ben, "talk-through-agreed");

        // The big picture: each takes the assessment; about three months later, the gentle offer.
        await TakeAssessmentAsync(ana, spaceUrl, 2);
        await TakeAssessmentAsync(ben, spaceUrl, 4);
        browser.App!.Clock.Advance(TimeSpan.FromDays(7 * 13));
        await Person.SignInAsync(ana, anaEmail);
        await Person.SignInAsync(ben, benEmail);
        await ana.GotoAsync(spaceUrl);
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Time for a fresh look?" })).ToBeVisibleAsync();
        await ana.Locator("#big-picture-card").GetByRole(AriaRole.Link, new() { Name = "Have a look" }).ClickAsync();
        await CheckAsync(ana, "big-picture-offer");

        await TakeAssessmentAsync(ana, spaceUrl, 5);
        await TakeAssessmentAsync(ben, spaceUrl, 4);
        await ana.GotoAsync(spaceUrl + "/assessment/changes");
        await Assertions.Expect(ana.GetByText("From round 1 to round 2", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(ana.GetByText("About the same for Ben", new() { Exact = false }).First).ToBeVisibleAsync();
        await CheckAsync(ana, "big-picture-changes");
    }
}

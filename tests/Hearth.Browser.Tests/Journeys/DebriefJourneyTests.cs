using System.Text;
using System.Text.RegularExpressions;
using Hearth.Browser.Tests.Infrastructure;
using Hearth.Core.Assessments;
using Hearth.Core.Dimensions;
using Microsoft.Playwright;

namespace Hearth.Browser.Tests.Journeys;

/// <summary>
/// The debrief for two on phones (390x844): after the shared map, strengths first, then a topic with
/// three questions, an "I" sentence and a practice; one item saved for a counsellor; the one-page
/// summary in print; and, on the trends page, an insight set aside with "This doesn't fit us" and brought back.
/// </summary>
public sealed partial class DebriefJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly Dictionary<Dimension, int> AnaFeels = new()
    {
        [Dimension.Emotional] = 7, [Dimension.Physical] = 2, [Dimension.Intellectual] = 7, [Dimension.Spiritual] = 4, [Dimension.Experiential] = 2,
    };

    private static readonly Dictionary<Dimension, int> BenFeels = new()
    {
        [Dimension.Emotional] = 7, [Dimension.Physical] = 6, [Dimension.Intellectual] = 7, [Dimension.Spiritual] = 4, [Dimension.Experiential] = 2,
    };

    private static readonly Dictionary<string, AssessmentItem> ItemsByFieldset =
        AssessmentContent.Baseline.Items.ToDictionary(i => "q-" + i.Id.Replace('.', '-'));

    private static async Task CheckAsync(IPage page, string screenshot)
    {
        await page.ScreenshotAsync(screenshot);
        await page.AssertAccessibleAsync(screenshot);
    }

    /// <summary>
    /// Answers every step by tapping, experience questions by how this person feels each dimension (1-7),
    /// everything else at the third option, as the other journeys do; then finishes and shares everything.
    /// </summary>
    private static async Task TakeAssessmentAsync(IPage page, string spaceUrl, Dictionary<Dimension, int> feels)
    {
        await page.GotoAsync(spaceUrl + "/assessment");
        await page.GetByRole(AriaRole.Button, new() { Name = "Begin" }).ClickAsync();
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
                var question = questions.Nth(i);
                var id = await question.GetAttributeAsync("id") ?? "";
                if (ItemsByFieldset.TryGetValue(id, out var item) && item.Section == AssessmentSection.Experience
                    && item.Dimension is { } d && feels.TryGetValue(d, out var e))
                {
                    await page.Locator($"label[for='{id}-{(item.IsReverseKeyed ? 8 - e : e)}']").ClickAsync();
                    continue;
                }

                var options = question.Locator(".scale-option label");
                await options.Nth(Math.Min(2, await options.CountAsync() - 1)).ClickAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        }

        Assert.Fail("The assessment did not reach its last step.");
    }

    [GeneratedRegex(@"/Type\s*/Page\b")]
    private static partial Regex PdfPage();

    [Fact]
    public async Task Two_people_read_their_debrief_save_one_thing_print_the_summary_and_set_an_insight_aside()
    {
        browser.RequireAvailable();
        await using var anaContext = await browser.NewPersonAsync();
        await using var benContext = await browser.NewPersonAsync();
        var ana = await anaContext.NewPageAsync();
        var ben = await benContext.NewPageAsync();
        var spaceUrl = await Person.PairAsync(ana, ben);

        // Both finish the assessment; they feel physical closeness very differently.
        await TakeAssessmentAsync(ana, spaceUrl, AnaFeels);
        await TakeAssessmentAsync(ben, spaceUrl, BenFeels);

        // From the map, the debrief: strengths first, then a topic.
        await ana.GotoAsync(spaceUrl + "/assessment/map");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Talk it through together" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Talking it through", Exact = true })).ToBeVisibleAsync();
        var headings = await ana.Locator("main h2").AllInnerTextsAsync();
        Assert.Equal(["What is working", "Things to talk about"], headings.Take(2));
        await Assertions.Expect(ana.Locator(".debrief .card .statement").First).ToBeVisibleAsync();

        var topic = ana.Locator("article.debrief-topic").First;
        await Assertions.Expect(topic.Locator(".debrief-questions > li")).ToHaveCountAsync(3);
        await Assertions.Expect(topic.Locator(".debrief-questions > li").First).ToContainTextAsync("Light:");
        await Assertions.Expect(topic.Locator(".starter")).ToHaveTextAsync(new Regex(@"^\s*I "));
        await Assertions.Expect(topic.GetByRole(AriaRole.Heading, new() { Name = "One thing to try this week" })).ToBeVisibleAsync();
        var starter = (await topic.Locator(".starter").InnerTextAsync()).Trim();

        // Ana saves the "I" sentence for a counsellor; the page says so beside it.
        var starterId = await topic.Locator(".starter").GetAttributeAsync("id");
        await ana.Locator($"[id='{starterId}'] + form").GetByRole(AriaRole.Button, new() { Name = "Save for a counsellor" }).ClickAsync();
        await Assertions.Expect(ana.GetByText("Saved for a counsellor.", new() { Exact = true })).ToHaveCountAsync(1);
        await Assertions.Expect(ana.Locator($"[id='{starterId}'] + form .saved-mark")).ToBeVisibleAsync();
        await AssertFitsAsync(ana);
        await CheckAsync(ana, "debrief");

        // The one-page summary, as printed: the words, no saved marks, no buttons, one page.
        await ana.GetByRole(AriaRole.Link, new() { Name = "A one-page summary to print" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Our debrief on one page" })).ToBeVisibleAsync();
        await ana.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(ana.Locator("main")).ToContainTextAsync(starter);
        await Assertions.Expect(ana.Locator("main")).ToContainTextAsync("What is working");
        await Assertions.Expect(ana.Locator("main")).Not.ToContainTextAsync("Saved for a counsellor");
        Assert.Equal(0, await ana.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('button, .saved-mark, .site-header, .quick-exit, .breadcrumb')].filter(e => e.offsetParent !== null || e.getClientRects().length > 0).length"));
        await AssertFitsAsync(ana);
        await CheckAsync(ana, "debrief-summary-print");
        var pdf = await ana.PdfAsync(new() { Format = "A4" });
        var pages = PdfPage().Count(Encoding.Latin1.GetString(pdf));
        Assert.True(pages == 1, $"The printed summary takes {pages} A4 pages.");
        await ana.EmulateMediaAsync(new() { Media = Media.Screen });

        // On the trends page, Ana sets one insight aside, sees it in her own list, and brings it back.
        await ana.GotoAsync(spaceUrl + "/trends");
        var insights = ana.Locator("article.insight");
        var before = await insights.CountAsync();
        Assert.True(before > 0, "The trends page shows no insight to set aside.");
        var message = (await insights.First.Locator(".insight-message").InnerTextAsync()).Trim();
        await insights.First.GetByRole(AriaRole.Button, new() { Name = "This doesn't fit us" }).ClickAsync();
        await Assertions.Expect(insights).ToHaveCountAsync(before - 1);
        var setAside = ana.Locator("details.set-aside");
        await setAside.Locator("summary", new() { HasText = "Insights you set aside" }).ClickAsync();
        await Assertions.Expect(setAside.GetByText(message, new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(setAside.GetByText("Only you see this list.", new() { Exact = false })).ToBeVisibleAsync();
        await AssertFitsAsync(ana);
        await CheckAsync(ana, "not-fitting");

        await setAside.GetByRole(AriaRole.Button, new() { Name = "Show it again" }).ClickAsync();
        await Assertions.Expect(insights).ToHaveCountAsync(before);
        await Assertions.Expect(ana.Locator("article.insight .insight-message", new() { HasText = message })).ToBeVisibleAsync();
        await Assertions.Expect(ana.Locator("details.set-aside")).ToHaveCountAsync(0);

        // Ben's trends page never heard of it.
        await ben.GotoAsync(spaceUrl + "/trends");
        await Assertions.Expect(ben.Locator("details.set-aside")).ToHaveCountAsync(0);
    }

    /// <summary>Nothing on the page is wider than the phone: no sideways scrolling.</summary>
    private static async Task AssertFitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{page.Url} scrolls sideways at {page.ViewportSize?.Width} px.");
}

using Hearth.Browser.Tests.Infrastructure;
using Hearth.Web.Data;
using Hearth.Web.Features.Memories;
using Hearth.Web.Features.Notes;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Hearth.Browser.Tests.Journeys;

/// <summary>One submission, one item (docs/adr/0017), as people on phones really send things: Back then Send again, a double tap.</summary>
public sealed class OneSubmissionJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Back_then_Send_again_stores_one_note()
    {
        browser.RequireAvailable();
        await using var anaContext = await browser.NewPersonAsync();
        await using var benContext = await browser.NewPersonAsync();
        var ana = await anaContext.NewPageAsync();
        var ben = await benContext.NewPageAsync();
        var space = await Person.PairAsync(ana, ben);
        var spaceId = Guid.Parse(space.Split('/')[2]);

        // A note: Send, Back to the form as the browser keeps it, Send again.
        await ana.GotoAsync(space + "/notes");
        await ana.GetByLabel("Your words").FillAsync("Thank you for the soup on Sunday.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(ana.GetByText("Sent.", new() { Exact = false })).ToBeVisibleAsync();
        await ana.GoBackAsync();
        await Assertions.Expect(ana.GetByLabel("Your words")).ToHaveValueAsync("Thank you for the soup on Sunday.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(ana.GetByText("Sent.", new() { Exact = false })).ToBeVisibleAsync();
        await ana.ScreenshotAsync("s1-note-sent-once");
        Assert.Equal(1, await CountAsync(db => db.Set<Note>().IgnoreQueryFilters().CountAsync(n => n.SpaceId == spaceId)));
    }

    [Fact]
    public async Task A_double_tap_on_keep_this_memory_stores_one_memory()
    {
        browser.RequireAvailable();
        await using var anaContext = await browser.NewPersonAsync();
        await using var benContext = await browser.NewPersonAsync();
        var ana = await anaContext.NewPageAsync();
        var ben = await benContext.NewPageAsync();
        var space = await Person.PairAsync(ana, ben);
        var spaceId = Guid.Parse(space.Split('/')[2]);

        // A memory: two taps on "Keep this memory" before the page changes.
        await ana.GotoAsync(space + "/memories");
        await ana.GetByLabel("Title").FillAsync("The bus stop in the rain");
        // The second tap lands while the first is on its way (the page has not changed yet).
        await ana.GetByRole(AriaRole.Button, new() { Name = "Keep this memory" }).EvaluateAsync(
            "button => { button.click(); setTimeout(() => button.click(), 40); }");
        await Assertions.Expect(ana.GetByText("The bus stop in the rain").First).ToBeVisibleAsync();
        await ana.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(1, await CountAsync(db => db.Set<Memory>().IgnoreQueryFilters().CountAsync(m => m.SpaceId == spaceId)));
    }

    private async Task<int> CountAsync(Func<HearthDbContext, Task<int>> count) => await browser.App!.WithDbAsync(count);

}

using Hearth.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hearth.Browser.Tests.Journeys;

/// <summary>
/// A counsellor on phones (390x844, ADR 46, ADR 50): Ana invites Cleo choosing two things, Ben agrees to one,
/// Cleo opens the pair's sheet and prints it (only what both allowed), suggests a practice that both
/// see as from their counsellor, both see the looks in the log, Ben ends it, and Cleo's next request is refused.
/// </summary>
public sealed class CounsellorJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_pair_invite_a_counsellor_both_agree_the_counsellor_reads_and_prints_and_one_ends_it()
    {
        browser.RequireAvailable();
        await using var anaContext = await browser.NewPersonAsync();
        await using var benContext = await browser.NewPersonAsync();
        await using var cleoContext = await browser.NewPersonAsync();
        var ana = await anaContext.NewPageAsync();
        var ben = await benContext.NewPageAsync();
        var cleo = await cleoContext.NewPageAsync();
        var spaceUrl = await Person.PairAsync(ana, ben);
        var cleoEmail = await Person.SignUpAsync(cleo, "Cleo");
        await GiveCounsellorRoleAsync(cleoEmail);

        // Ana, from the space's page: invite Cleo to the map and the weeks.
        await ana.GotoAsync(spaceUrl);
        await ana.GetByRole(AriaRole.Link, new() { Name = "A counsellor, if you want one" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "A counsellor", Exact = true })).ToBeVisibleAsync();
        await ana.GetByLabel("Your counsellor's e-mail address").FillAsync(cleoEmail);
        await ana.GetByLabel("Your shared map and its rounds").CheckAsync();
        await ana.GetByLabel("The weeks you both checked in").CheckAsync();
        await AssertFitsAsync(ana);
        await ana.AssertAccessibleAsync("counsellor-invite");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
        await Assertions.Expect(ana.Locator("#counsellor-state")).ToContainTextAsync("Nothing opens until the other person agrees too.");

        // Cleo sees nothing yet.
        await cleo.GotoAsync("/counsellor");
        await Assertions.Expect(cleo.Locator("#counsellor-pairs")).ToContainTextAsync("No pair has invited you yet");

        // Ben agrees, to the weeks only.
        await ben.GotoAsync(spaceUrl + "/counsellor");
        await Assertions.Expect(ben.Locator("#counsellor-state")).ToContainTextAsync("Ana would like Cleo to see some of what you share.");
        await ben.GetByLabel("The weeks you both checked in").CheckAsync();
        await ben.ScreenshotAsync("counsellor-consent");
        await ben.AssertAccessibleAsync("counsellor-consent");
        await ben.GetByRole(AriaRole.Button, new() { Name = "I agree" }).ClickAsync();
        await Assertions.Expect(ben.Locator("#counsellor-state")).ToContainTextAsync("Cleo can see what you both allowed");

        // Cleo opens the pair and prints the sheet: the weeks, not the map.
        await cleo.GotoAsync("/counsellor");
        await cleo.GetByRole(AriaRole.Link, new() { Name = "Ana and Ben" }).ClickAsync();
        await Assertions.Expect(cleo.GetByRole(AriaRole.Heading, new() { Name = "Session notes: Ana and Ben" })).ToBeVisibleAsync();
        await Assertions.Expect(cleo.GetByRole(AriaRole.Heading, new() { Name = "The weeks both checked in" })).ToBeVisibleAsync();
        await Assertions.Expect(cleo.GetByRole(AriaRole.Heading, new() { Name = "The shared map" })).ToHaveCountAsync(0);
        await AssertFitsAsync(cleo);
        await cleo.AssertAccessibleAsync("counsellor-sheet");
        var sheetUrl = cleo.Url;
        await cleo.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(cleo.Locator(".breadcrumb")).ToBeHiddenAsync();
        await Assertions.Expect(cleo.Locator(".site-header")).ToBeHiddenAsync();
        await Assertions.Expect(cleo.Locator("#suggest-heading")).ToBeHiddenAsync();
        await cleo.ScreenshotAsync("counsellor-sheet-print");
        await cleo.EmulateMediaAsync(new() { Media = Media.Screen });

        // Cleo suggests a practice, with a word of her own (ADR 50 §1); forgetting to choose one is explained beside the field.
        await cleo.GetByLabel("A note from you (optional)").FillAsync("Maybe after Sunday dinner? <3");
        await cleo.GetByRole(AriaRole.Button, new() { Name = "Suggest it" }).ClickAsync();
        await Assertions.Expect(cleo.Locator("[data-valmsg-for='Input.PracticeId']")).ToHaveTextAsync("Please choose a practice.");
        await Assertions.Expect(cleo.GetByLabel("A note from you (optional)")).ToHaveValueAsync("Maybe after Sunday dinner? <3");
        await cleo.GetByLabel("Practice", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Walk and talk" });
        await cleo.GetByRole(AriaRole.Button, new() { Name = "Suggest it" }).ClickAsync();
        await Assertions.Expect(cleo.Locator("ul.suggestions")).ToContainTextAsync("Walk and talk");
        await AssertFitsAsync(cleo);

        // Both see it as from their counsellor: Ana with her practices, Ben on the counsellor page. Ana puts it away, for herself only.
        await ana.GotoAsync(spaceUrl + "/practices");
        var fromCleo = ana.GetByRole(AriaRole.Region, new() { Name = "From your counsellor" });
        await Assertions.Expect(fromCleo).ToContainTextAsync("Walk and talk");
        await Assertions.Expect(fromCleo).ToContainTextAsync("Cleo suggested this on");
        await Assertions.Expect(fromCleo.Locator("blockquote")).ToHaveTextAsync("Maybe after Sunday dinner? <3");
        await AssertFitsAsync(ana);
        await ana.AssertAccessibleAsync("practices-from-counsellor");
        await ana.ScreenshotAsync("practices-from-counsellor");
        await fromCleo.GetByRole(AriaRole.Button, new() { Name = "Put it away" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "From your counsellor" })).ToHaveCountAsync(0);
        await ben.GotoAsync(spaceUrl + "/counsellor");
        await Assertions.Expect(ben.GetByRole(AriaRole.Region, new() { Name = "From your counsellor" })).ToContainTextAsync("Walk and talk");

        // Both see Cleo's looks in the log (the sheet, again after each of her two tries); Ben ends it.
        await ana.GotoAsync(spaceUrl + "/counsellor");
        await Assertions.Expect(ana.Locator("#counsellor-log tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(ben.Locator("#counsellor-log tbody tr")).ToHaveCountAsync(3);
        await ben.GetByRole(AriaRole.Button, new() { Name = "End the counsellor's access now" }).ClickAsync();
        await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Invite a counsellor" })).ToBeVisibleAsync();

        // Cleo's next request is refused, and the pair is gone from her list.
        var refused = await cleo.GotoAsync(sheetUrl);
        Assert.Equal(404, refused!.Status);
        await cleo.GotoAsync("/counsellor");
        await Assertions.Expect(cleo.Locator("#counsellor-pairs")).ToContainTextAsync("No pair has invited you yet");
    }

    /// <summary>What `hearth counsellors add` does (its own test is in Hearth.Web.Tests): the role, in the database.</summary>
    private Task<int> GiveCounsellorRoleAsync(string email) => browser.App!.WithDbAsync(async db =>
    {
        var role = new Microsoft.AspNetCore.Identity.IdentityRole<Guid> { Id = Guid.CreateVersion7(), Name = "counsellor", NormalizedName = "COUNSELLOR", ConcurrencyStamp = Guid.NewGuid().ToString() };
        db.Roles.Add(role);
        var normalized = email.ToUpperInvariant();
        var user = db.Users.Single(u => u.NormalizedEmail == normalized);
        db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = user.Id, RoleId = role.Id });
        return await db.SaveChangesAsync();
    });

    /// <summary>Nothing on the page is wider than the phone: no sideways scrolling.</summary>
    private static async Task AssertFitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{page.Url} scrolls sideways at {page.ViewportSize?.Width} px.");
}

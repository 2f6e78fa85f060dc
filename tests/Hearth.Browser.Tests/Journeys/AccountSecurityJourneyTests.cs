using Hearth.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hearth.Browser.Tests.Journeys;

/// <summary>Passkeys with Chromium's virtual authenticator, and ending a session seen from another browser.</summary>
public sealed class AccountSecurityJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_passkey_is_added_and_then_signs_in_without_a_passphrase()
    {
        browser.RequireAvailable();
        await using var context = await browser.NewPersonAsync();
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });

        await Person.SignUpAsync(page, "Rowan");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your spaces" })).ToBeVisibleAsync();
        await page.GotoAsync("/account/security");
        await page.GetByLabel("Name for a new passkey (optional)").FillAsync("My phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your passkey is ready.", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator(".passkey-list")).ToContainTextAsync("My phone");
        await Assertions.Expect(page.Locator(".passkey-list")).ToContainTextAsync("not used yet");
        await page.ScreenshotAsync("40-security-with-passkey");
        await page.AssertAccessibleAsync("security");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).First.ClickAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your spaces" })).ToBeVisibleAsync(new() { Timeout = 15_000 });

        await page.GotoAsync("/account/security");
        await Assertions.Expect(page.Locator(".passkey-list")).ToContainTextAsync("last used");
        await page.ScreenshotAsync("41-passkey-used");

        // A crafted return address never takes the passkey sign-in off the site (ADR 12): not the
        // review's "/\t/evil.example", and not even if the page handed the script a hostile one.
        var origin = new Uri(page.Url).GetLeftPart(UriPartial.Authority);
        foreach (var tampered in new[] { false, true })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).First.ClickAsync();
            await page.GotoAsync("/account/sign-in?returnUrl=%2F%09%2Fevil.example");
            if (tampered)
            {
                await page.EvalOnSelectorAsync("[data-passkey='sign-in']", "b => b.setAttribute('data-return-url', '/\\t/evil.example')");
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your spaces" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
            Assert.StartsWith(origin + "/spaces", page.Url, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ending_a_session_signs_the_other_browser_out_at_once()
    {
        browser.RequireAvailable();
        await using var laptopContext = await browser.NewPersonAsync();
        await using var phoneContext = await browser.NewPersonAsync();
        var laptop = await laptopContext.NewPageAsync();
        var phone = await phoneContext.NewPageAsync();

        var email = await Person.SignUpAsync(laptop, "Sage");
        await Assertions.Expect(laptop.GetByRole(AriaRole.Heading, new() { Name = "Your spaces" })).ToBeVisibleAsync();
        await Person.SignInAsync(phone, email);

        await laptop.GotoAsync("/account/security");
        await Assertions.Expect(laptop.Locator(".session-list li")).ToHaveCountAsync(2);
        await laptop.ScreenshotAsync("42-two-sessions");
        await laptop.GetByRole(AriaRole.Button, new() { Name = "Sign this device out" }).ClickAsync();
        await Assertions.Expect(laptop.GetByText("That device is signed out.")).ToBeVisibleAsync();

        await phone.ReloadAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Welcome back" })).ToBeVisibleAsync();
    }
}

using Microsoft.Playwright;

namespace Hearth.Browser.Tests.Infrastructure;

/// <summary>
/// One person using Hearth in a browser page, as Hearth.Web.Tests' Person does through the API:
/// intent steps (sign up, start a space, invite, join, pair) so a journey test reads as the journey.
/// Each step waits until its page has really changed, so the next step never races a navigation.
/// </summary>
public static class Person
{
    /// <summary>Everyone's passphrase in the browser tests (long enough without a second factor).</summary>
    public const string Passphrase = "rain on the kitchen window";

    /// <summary>Opens the sign-up form and creates an account; returns its e-mail address.</summary>
    public static async Task<string> SignUpAsync(IPage page, string name)
    {
        await page.GotoAsync("/account/register");
        return await SignUpHereAsync(page, name);
    }

    /// <summary>Creates an account on the sign-up form the page already shows (reached by a link); returns its e-mail address.</summary>
    public static async Task<string> SignUpHereAsync(IPage page, string name)
    {
        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        await page.GetByLabel("What should we call you?").FillAsync(name);
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Passphrase").FillAsync(Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create your account" })).Not.ToBeVisibleAsync();
        return email;
    }

    /// <summary>Signs in on the sign-in page and waits for the list of spaces.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Passphrase").FillAsync(Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your spaces" })).ToBeVisibleAsync();
    }

    /// <summary>Starts a space of the kind with that label ("Romantic partners", "Close friends"...); returns its path.</summary>
    public static async Task<string> CreateSpaceAsync(IPage page, string kind = "Romantic partners", string? label = null)
    {
        await page.GotoAsync("/spaces/new");
        await page.GetByLabel(kind).CheckAsync();
        if (label is not null)
        {
            await page.GetByLabel("A name for this space, just for you (optional)").FillAsync(label);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Start the space" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your space is ready.", new() { Exact = false })).ToBeVisibleAsync();
        return new Uri(page.Url).AbsolutePath;
    }

    /// <summary>On the space's page: creates an invitation link (the first or a new one) and returns it.</summary>
    public static async Task<string> InviteAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Create (an invitation|a new) link$") }).ClickAsync();
        return await page.GetByLabel("Your invitation link").InputValueAsync();
    }

    /// <summary>Someone new opens the invitation link, creates an account from it and joins; returns their e-mail address.</summary>
    public static async Task<string> AcceptAsync(IPage page, string link, string name)
    {
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        var email = await SignUpHereAsync(page, name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You're both here" })).ToBeVisibleAsync();
        return email;
    }

    /// <summary>Ana signs up and starts a space, Ben joins it from her link; returns the space's path.</summary>
    public static async Task<string> PairAsync(IPage ana, IPage ben, string kind = "Romantic partners", string? label = null)
    {
        await SignUpAsync(ana, "Ana");
        var space = await CreateSpaceAsync(ana, kind, label);
        await AcceptAsync(ben, await InviteAsync(ana), "Ben");
        return space;
    }
}

using System.Text.Json;
using Hearth.Browser.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace Hearth.Browser.Tests.Journeys;

/// <summary>
/// Hearth as an app on a phone (issue 18, item 1; ADR 116), in real Chromium with Hearth's own
/// Content Security Policy (no bypass): the manifest and the service worker load, Chromium's own
/// installability check finds nothing missing, the worker's cache holds only versioned static files
/// and the offline page (never a private page), and with the server gone the offline page shows.
/// This class has a server of its own: its last step stops it.
/// </summary>
public sealed class InstallableAppJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Hearth_installs_keeps_no_private_page_and_shows_the_offline_page_when_the_server_is_gone()
    {
        browser.RequireAvailable();
        var profile = Directory.CreateTempSubdirectory("hearth-profile-");
        try
        {
            await using var context = await browser.NewPersonWithProfileAsync(profile.FullName);
            await InstallKeepAndGoOfflineAsync(context);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private async Task InstallKeepAndGoOfflineAsync(IBrowserContext context)
    {
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        var cspViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                cspViolations.Add(message.Text);
            }
        };

        await Person.SignUpAsync(page, "Robin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your spaces" })).ToBeVisibleAsync();
        var state = await page.EvaluateAsync<string>("() => navigator.serviceWorker.ready.then(r => r.active.scriptURL + ' ' + r.scope)");
        Assert.Equal($"{browser.BaseUrl}/sw.js {browser.BaseUrl}/", state);

        // Chromium's own verdict, as its "Install app" menu item uses it.
        var cdp = await context.NewCDPSessionAsync(page);
        var manifest = await cdp.SendAsync("Page.getAppManifest");
        Assert.Equal(0, manifest!.Value.GetProperty("errors").GetArrayLength());
        Assert.Equal($"{browser.BaseUrl}/manifest.webmanifest", manifest.Value.GetProperty("url").GetString());
        var installability = await cdp.SendAsync("Page.getInstallabilityErrors");
        var errors = installability!.Value.GetProperty("installabilityErrors").EnumerateArray()
            .Select(e => e.GetProperty("errorId").GetString()).ToList();
        Assert.True(errors.Count == 0, "Chromium says Hearth cannot be installed: " + string.Join(", ", errors));

        // Private pages, read while the worker controls the page: none of them is kept.
        await page.ReloadAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => navigator.serviceWorker.controller !== null"), "the worker controls the page after a reload");
        foreach (var path in new[] { "/spaces", "/account/settings", "/account/security", "/api/v1/account/settings" })
        {
            await page.GotoAsync(path);
        }

        await page.GotoAsync("/spaces");
        var kept = await page.EvaluateAsync<JsonElement>(
            "async () => { const all = []; for (const name of await caches.keys()) { const c = await caches.open(name); for (const r of await c.keys()) all.push(r.url); } return all; }");
        var urls = kept.EnumerateArray().Select(u => new Uri(u.GetString()!)).ToList();
        Assert.Contains(urls, u => u.AbsolutePath == "/offline");
        Assert.Contains(urls, u => u.AbsolutePath == "/css/site.css" && u.Query.StartsWith("?v=", StringComparison.Ordinal));
        foreach (var url in urls)
        {
            Assert.True(
                url.AbsolutePath == "/offline" || (System.Text.RegularExpressions.Regex.IsMatch(url.AbsolutePath, "^/(css|js|img)/") && url.Query.StartsWith("?v=", StringComparison.Ordinal)),
                $"the service worker kept {url}, which is neither a versioned static file nor the offline page");
        }

        Assert.Empty(cspViolations);

        // The server goes away (the phone is on a train): a page opens as the offline page, in Hearth's own style.
        browser.App!.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        await WaitUntilRefusedAsync(browser.BaseUrl);
        await page.GotoAsync("/spaces/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You're offline" })).ToBeVisibleAsync();
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(251, 247, 242)", background);
        await page.ScreenshotAsync("90-offline");
    }

    private static async Task WaitUntilRefusedAsync(string baseUrl)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                await http.GetAsync(new Uri(baseUrl.Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/health"));
            }
            catch (HttpRequestException)
            {
                return;
            }
            catch (TaskCanceledException)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the server kept answering after it was asked to stop");
    }
}

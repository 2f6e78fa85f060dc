using System.Buffers.Text;
using System.Security.Cryptography;
using Hearth.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hearth.Browser.Tests.Journeys;

/// <summary>
/// Turning notifications on from account settings (issue 18, item 2; ADR 116). Headless Chromium has
/// no push service, so the page's PushManager hands out a subscription made here (a real P-256 key
/// and secret, on a push service host Hearth knows); everything after it is Hearth's own page,
/// script, API and list. Sending to a push service is Hearth.Web.Tests' PushTests, against a local one.
/// </summary>
public sealed class NotificationsJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_device_is_turned_on_from_settings_listed_with_no_notification_yet_and_removed()
    {
        browser.RequireAvailable();
        await using var context = await browser.NewPersonAsync();
        await context.GrantPermissionsAsync(["notifications"]);
        using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var p256dh = Base64Url.EncodeToString(key.PublicKey.ExportSubjectPublicKeyInfo().AsSpan()[^65..]);
        var auth = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var endpoint = "https://fcm.googleapis.com/fcm/send/hearth-test-" + Guid.NewGuid().ToString("N");
        await context.AddInitScriptAsync($$"""
            (() => {
              if (!self.PushManager) { return; }
              const made = { endpoint: "{{endpoint}}", expirationTime: null, keys: { p256dh: "{{p256dh}}", auth: "{{auth}}" } };
              let current = null;
              PushManager.prototype.getSubscription = async function () { return current; };
              PushManager.prototype.subscribe = async function (options) {
                if (!options || !options.userVisibleOnly || !(options.applicationServerKey instanceof Uint8Array) || options.applicationServerKey.length !== 65) {
                  throw new DOMException("bad options", "InvalidAccessError");
                }
                current = { endpoint: made.endpoint, options, toJSON: () => made };
                return current;
              };
            })();
            """);
        var page = await context.NewPageAsync();
        await Person.SignUpAsync(page, "Kai");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your spaces" })).ToBeVisibleAsync();

        await page.GotoAsync("/account/settings");
        await page.GetByRole(AriaRole.Link, new() { Name = "Notifications on your devices" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notifications", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No device gets notifications yet.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on notifications on this device" }).ClickAsync();

        await Assertions.Expect(page.GetByText("This device will get notifications.")).ToBeVisibleAsync();
        var list = page.Locator(".push-device-list");
        await Assertions.Expect(list.Locator("li")).ToHaveCountAsync(1);
        await Assertions.Expect(list).ToContainTextAsync("Chrome on Linux");
        await Assertions.Expect(list).ToContainTextAsync("last notification: none yet");
        await page.ScreenshotAsync("91-notifications-device");
        await page.AssertAccessibleAsync("notifications");

        // Turning it on again on the same device keeps one entry. (The page opens afresh first, so the
        // sentence seen next is the second click's, not the first one's still on the screen.)
        await page.GotoAsync("/account/notifications");
        await Assertions.Expect(page.GetByText("This device will get notifications.")).Not.ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on notifications on this device" }).ClickAsync();
        await Assertions.Expect(page.GetByText("This device will get notifications.")).ToBeVisibleAsync();
        await Assertions.Expect(list.Locator("li")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Stop notifications here" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Notifications to that device are off.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No device gets notifications yet.")).ToBeVisibleAsync();
    }
}

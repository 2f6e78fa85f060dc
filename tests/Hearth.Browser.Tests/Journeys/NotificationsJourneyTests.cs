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

    [Fact]
    public async Task The_choices_are_saved_kept_and_a_wrong_entry_is_explained_beside_its_field_with_nothing_lost()
    {
        browser.RequireAvailable();
        await using var context = await browser.NewPersonAsync();
        var page = await context.NewPageAsync();
        await Person.SignUpAsync(page, "Noor");
        await page.GotoAsync("/account/notifications");
        var weekly = page.GetByLabel("Your weekly check-in, at its time on your own clock");
        var followUp = page.GetByLabel("One gentle nudge the day after your check-in time, only if you haven’t checked in yet");
        var thinking = page.GetByLabel("When someone in your space taps “thinking of you”");
        var question = page.GetByLabel("Today’s question, at the time you chose together in your space’s settings");

        // As nobody chose yet: the weekly check-in and "thinking of you" on, everything else off.
        await Assertions.Expect(weekly).ToBeCheckedAsync();
        await Assertions.Expect(thinking).ToBeCheckedAsync();
        await Assertions.Expect(followUp).Not.ToBeCheckedAsync();
        await Assertions.Expect(question).Not.ToBeCheckedAsync();

        // One choice per line on a phone: each starts below the one before it.
        var boxes = new List<LocatorBoundingBoxResult>();
        foreach (var label in await page.Locator("form label.check").AllAsync())
        {
            boxes.Add((await label.BoundingBoxAsync())!);
        }

        Assert.True(boxes.Count >= 7, $"{boxes.Count} choices");
        for (var i = 1; i < boxes.Count; i++)
        {
            Assert.True(boxes[i].Y >= boxes[i - 1].Y + boxes[i - 1].Height - 1, $"choice {i + 1} is on the line of choice {i}");
        }

        await followUp.CheckAsync();
        await question.CheckAsync();
        await thinking.UncheckAsync();
        await page.GetByLabel("From", new() { Exact = true }).FillAsync("22:00");
        await page.GetByLabel("Until", new() { Exact = true }).FillAsync("07:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).GetByText("Saved.")).ToBeVisibleAsync();

        // Opened afresh, the page shows what was chosen.
        await page.GotoAsync("/account/notifications");
        await Assertions.Expect(followUp).ToBeCheckedAsync();
        await Assertions.Expect(question).ToBeCheckedAsync();
        await Assertions.Expect(thinking).Not.ToBeCheckedAsync();
        await Assertions.Expect(weekly).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("From", new() { Exact = true })).ToHaveValueAsync("22:00");
        await Assertions.Expect(page.GetByLabel("Until", new() { Exact = true })).ToHaveValueAsync("07:00");

        // A pause in the past, and quiet hours with no end: each is explained beside its field, and
        // what was typed is still there to correct.
        await page.GetByLabel("Until", new() { Exact = true }).FillAsync("");
        await page.GetByLabel("Paused until").FillAsync("2020-01-01");
        await question.UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='QuietUntil']")).ToContainTextAsync("Quiet hours need a start and an end, or neither.");
        await Assertions.Expect(page.Locator("[data-valmsg-for='PausedUntil']")).ToContainTextAsync("Please choose a day after today.");
        await Assertions.Expect(page.GetByLabel("From", new() { Exact = true })).ToHaveValueAsync("22:00");
        await Assertions.Expect(page.GetByLabel("Paused until")).ToHaveValueAsync("2020-01-01");
        await page.ScreenshotAsync("92-notification-choices-errors");
        await page.AssertAccessibleAsync("notification-choices-errors");

        // Nothing of the refused form was saved.
        await page.GotoAsync("/account/notifications");
        await Assertions.Expect(question).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Until", new() { Exact = true })).ToHaveValueAsync("07:00");
        await Assertions.Expect(page.GetByLabel("Paused until")).ToHaveValueAsync("");

        // A pause that fits: the page says until when.
        var until = DateTime.UtcNow.Date.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("Paused until").FillAsync(until);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).GetByText("Saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText($"Paused until {until}. Notifications start again that day.")).ToBeVisibleAsync();
        await page.ScreenshotAsync("93-notification-choices");
        await page.AssertAccessibleAsync("notification-choices");
    }

    [Fact]
    public async Task The_pair_choose_a_time_for_todays_question_and_a_wrong_one_is_explained_beside_the_field()
    {
        browser.RequireAvailable();
        await using var anaContext = await browser.NewPersonAsync();
        await using var benContext = await browser.NewPersonAsync();
        var ana = await anaContext.NewPageAsync();
        var ben = await benContext.NewPageAsync();
        var spaceUrl = await Person.PairAsync(ana, ben);
        var time = ana.GetByLabel("A time for today’s question (optional)");

        await ana.GotoAsync(spaceUrl + "/settings");
        await Assertions.Expect(time).ToHaveValueAsync("");
        await time.FillAsync("08:30");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Status)).ToBeVisibleAsync();

        // The pair's setting: Ben sees the same time, and the link to his own choices.
        await ben.GotoAsync(spaceUrl + "/settings");
        await Assertions.Expect(ben.GetByLabel("A time for today’s question (optional)")).ToHaveValueAsync("08:30");
        await ben.GetByRole(AriaRole.Link, new() { Name = "Your notifications" }).ClickAsync();
        await Assertions.Expect(ben.GetByLabel("Today’s question, at the time you chose together in your space’s settings")).Not.ToBeCheckedAsync();

        // A time the browser would not send (typed into the form some other way) is refused beside the
        // field, and the time saved before stays.
        await ana.GotoAsync(spaceUrl + "/settings");
        await time.EvaluateAsync("e => { e.type = 'text'; e.value = '25:00'; }");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(ana.Locator("[data-valmsg-for='Input.QuestionTime']")).ToContainTextAsync("Enter a time like 08:30, or leave it empty.");
        await ana.ScreenshotAsync("94-question-time-error");
        await ana.AssertAccessibleAsync("question-time-error");
        await ana.GotoAsync(spaceUrl + "/settings");
        await Assertions.Expect(time).ToHaveValueAsync("08:30");

        // Emptied, the time is gone.
        await time.FillAsync("");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await ana.GotoAsync(spaceUrl + "/settings");
        await Assertions.Expect(time).ToHaveValueAsync("");
        await ana.ScreenshotAsync("95-space-settings-question-time");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Notifications;

/// <summary>
/// The one-tap "thinking of you" (issue 18, item 5; ADR 47): it reaches the other member as the
/// discreet "Something new in Hearth" opening the space, once; a second within the gap is a 429 with
/// Retry-After (a page message on the page); the receiver can turn the kind off or pause, and the
/// sender's answer is the same either way; nobody alone in a space can send one.
/// </summary>
public abstract class ThinkingOfYouTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory, IPushFactory, new()
{
    private static Task<HttpResponseMessage> TapAsync(Person person, Guid spaceId) =>
        person.Http.PostAsync(new Uri($"/api/v1/spaces/{spaceId}/thinking-of-you", UriKind.Relative), JsonContent.Create(new { }));

    /// <summary>The sender's answer without its times: the status and the names of what it says.</summary>
    private static async Task<string> ShapeAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return $"{(int)response.StatusCode} " + string.Join(",", body.RootElement.EnumerateObject().Select(p => p.Name));
    }

    private async Task RunForAsync(TimeSpan span)
    {
        var until = factory.Clock.GetUtcNow() + span;
        while (factory.Clock.GetUtcNow() < until)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(5));
            await Reminders.RunAsync(factory);
        }
    }

    /// <summary>Noon UTC on the next day, so no ritual or quiet hours of other tests are near.</summary>
    private async Task NextNoonAsync()
    {
        var day = factory.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1);
        await Reminders.MoveClockToAsync(factory, new DateTimeOffset(day.AddHours(12), TimeSpan.Zero));
    }

    [Fact]
    public async Task A_tap_reaches_the_other_member_once_discreetly_and_a_second_too_soon_is_a_429()
    {
        factory.RequireAvailable();
        await NextNoonAsync();
        var (ana, anaPhone) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");
        var (ben, benPhone) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");
        var spaceId = await ana.PairWithAsync(ben);

        await Expect.StatusAsync(HttpStatusCode.OK, await TapAsync(ana, spaceId));
        await RunForAsync(TimeSpan.FromMinutes(30));
        var message = Assert.Single(benPhone.Messages);
        Assert.Empty(anaPhone.Messages);
        using (var payload = JsonDocument.Parse(message))
        {
            Assert.Equal("Something new in Hearth", payload.RootElement.GetProperty("body").GetString());
            Assert.Equal($"/spaces/{spaceId}", payload.RootElement.GetProperty("url").GetString());
        }

        Assert.DoesNotContain(ana.Name, message, StringComparison.Ordinal);
        Assert.DoesNotContain("thinking", message, StringComparison.OrdinalIgnoreCase);

        // Too soon: a 429 with Retry-After, nothing sent; Ben may still send his own.
        var again = await TapAsync(ana, spaceId);
        await Expect.ProblemAsync(HttpStatusCode.TooManyRequests, again);
        Assert.NotNull(again.Headers.RetryAfter?.Delta);
        Assert.True(again.Headers.RetryAfter!.Delta!.Value <= TimeSpan.FromHours(4));
        await ben.SignInAsync();
        await Expect.StatusAsync(HttpStatusCode.OK, await TapAsync(ben, spaceId));
        await RunForAsync(TimeSpan.FromMinutes(30));
        Assert.Single(benPhone.Messages);
        Assert.Single(anaPhone.Messages);

        // Ben's space page says who was thinking of him; the log names the kind.
        await ben.SignInAsync();
        var page = WebUtility.HtmlDecode(await ben.Http.GetStringAsync($"/spaces/{spaceId}"));
        Assert.Contains($"{ana.Name} was thinking of you", page, StringComparison.Ordinal);
        var log = await ben.GetJsonAsync("/api/v1/account/notifications/log");
        Assert.Equal("thinking-of-you", log.EnumerateArray().First().GetProperty("kind").GetString());

        // Four hours on, Ana may send another, and it arrives once more.
        factory.Clock.Advance(TimeSpan.FromHours(4));
        await ana.SignInAsync();
        await Expect.StatusAsync(HttpStatusCode.OK, await TapAsync(ana, spaceId));
        await RunForAsync(TimeSpan.FromMinutes(10));
        Assert.Equal(2, benPhone.Messages.Count);
    }

    [Fact]
    public async Task Turned_off_or_paused_the_receiver_gets_nothing_and_the_sender_cannot_tell()
    {
        factory.RequireAvailable();
        await NextNoonAsync();
        var (ana, _) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");
        var (ben, benPhone) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");
        var spaceId = await ana.PairWithAsync(ben);

        var delivered = await ShapeAsync(await TapAsync(ana, spaceId));
        await RunForAsync(TimeSpan.FromMinutes(15));
        Assert.Single(benPhone.Messages);
        await ben.SignInAsync();

        // Off: the kind is in Ben's choices, on by default.
        var kinds = (await ben.GetJsonAsync("/api/v1/account/notifications")).GetProperty("kinds").EnumerateArray()
            .ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("push").GetBoolean());
        Assert.True(kinds["thinking-of-you"]);
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PutAsJsonAsync("/api/v1/account/notifications", new { kinds = new[] { new { kind = "thinking-of-you", push = false } } }));
        factory.Clock.Advance(TimeSpan.FromHours(4));
        await ana.SignInAsync();
        await ben.SignInAsync();
        var whenOff = await ShapeAsync(await TapAsync(ana, spaceId));
        await RunForAsync(TimeSpan.FromMinutes(30));
        Assert.Single(benPhone.Messages);
        await ben.SignInAsync();

        // Paused (the kind on again): nothing either, and the same answer.
        var inAWeek = factory.Clock.GetUtcNow().AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PutAsJsonAsync("/api/v1/account/notifications", new { kinds = new[] { new { kind = "thinking-of-you", push = true } }, pausedUntil = inAWeek }));
        factory.Clock.Advance(TimeSpan.FromHours(4));
        await ana.SignInAsync();
        var whenPaused = await ShapeAsync(await TapAsync(ana, spaceId));
        await RunForAsync(TimeSpan.FromMinutes(30));
        Assert.Single(benPhone.Messages);

        Assert.Equal(delivered, whenOff);
        Assert.Equal(delivered, whenPaused);
        Assert.Equal("200 sentAt,nextAllowedAt", delivered);
    }

    [Fact]
    public async Task The_space_page_button_sends_one_and_too_soon_says_so_on_the_page()
    {
        factory.RequireAvailable();
        await NextNoonAsync();
        var (ana, _) = await Reminders.MemberAsync(factory, factory.Push, "Europe/Berlin");
        var (ben, benPhone) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");
        var alone = await ana.CreateSpaceAsync("friends");
        await Expect.ProblemAsync(HttpStatusCode.Conflict, await TapAsync(ana, alone));
        Assert.DoesNotContain("thinking-of-you", await ana.Http.GetStringAsync($"/spaces/{alone}"), StringComparison.Ordinal);

        var spaceId = await ana.PairWithAsync(ben);
        var page = $"/spaces/{spaceId}";
        var sent = await ana.Http.SubmitAsync(page, new Dictionary<string, string>(), handler: null, action: $"/spaces/{spaceId}/thinking-of-you");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var back = WebUtility.HtmlDecode(await ana.Http.GetStringAsync(sent.Headers.Location!.OriginalString));
        Assert.Contains("Sent. They'll see it the next time they open this space.", back, StringComparison.Ordinal);
        await RunForAsync(TimeSpan.FromMinutes(10));
        Assert.Single(benPhone.Messages);
        await ana.SignInAsync();

        // Again at once: the page answers 429 and says from when (on Ana's own clock: Berlin).
        var tooSoon = await ana.Http.SubmitAsync(page, new Dictionary<string, string>(), handler: null, action: $"/spaces/{spaceId}/thinking-of-you");
        Assert.Equal(HttpStatusCode.TooManyRequests, tooSoon.StatusCode);
        var berlin = TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow().AddHours(4).AddMinutes(-10), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        var shown = Hearth.Web.Languages.CultureFormats.Time(NodaTime.LocalTime.FromTimeOnly(TimeOnly.FromDateTime(berlin.DateTime)), System.Globalization.CultureInfo.GetCultureInfo(Hearth.Core.Languages.HearthLanguages.English));
        Assert.Contains($"You can send the next one from {shown}", WebUtility.HtmlDecode(await tooSoon.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}

public sealed class ThinkingOfYouOnSqlite(PushSqliteFactory factory) : ThinkingOfYouTests<PushSqliteFactory>(factory);

public sealed class ThinkingOfYouOnPostgres(PushPostgresFactory factory) : ThinkingOfYouTests<PushPostgresFactory>(factory);

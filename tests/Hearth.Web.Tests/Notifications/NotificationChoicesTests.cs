using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Notifications;

/// <summary>
/// A member's own choices (issue 18, item 4; ADR 45), proved with the test clock and the fake push
/// service: the weekly check-in is on by default and can be turned off; quiet hours on their clock
/// hold a reminder until they end, still once; at most two a day; a pause holds and the partner
/// cannot tell; bad input is a 400 beside its field with nothing stored; the log shows what was sent.
/// </summary>
public abstract class NotificationChoicesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory, IPushFactory, new()
{
    private async Task NextSaturdayNoonAsync()
    {
        var day = factory.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Saturday)
        {
            day = day.AddDays(1);
        }

        await Reminders.MoveClockToAsync(factory, new DateTimeOffset(day.AddHours(12), TimeSpan.Zero));
    }

    /// <summary>Runs the dispatcher every 15 minutes for a span, noting when each phone got something.</summary>
    private async Task<Dictionary<FakeDevice, List<DateTimeOffset>>> RunForAsync(TimeSpan span, params FakeDevice[] phones)
    {
        var arrivals = phones.ToDictionary(p => p, p => new List<DateTimeOffset>());
        var counts = phones.ToDictionary(p => p, p => p.Messages.Count);
        var until = factory.Clock.GetUtcNow() + span;
        while (factory.Clock.GetUtcNow() < until)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(15));
            await Reminders.RunAsync(factory);
            foreach (var phone in phones)
            {
                while (counts[phone] < phone.Messages.Count)
                {
                    counts[phone]++;
                    arrivals[phone].Add(factory.Clock.GetUtcNow());
                }
            }
        }

        return arrivals;
    }

    private static Task<HttpResponseMessage> PutAsync(Person person, object body) =>
        person.Http.PutAsJsonAsync("/api/v1/account/notifications", body);

    [Fact]
    public async Task The_weekly_check_in_is_on_by_default_and_off_means_nothing_arrives()
    {
        factory.RequireAvailable();
        await NextSaturdayNoonAsync();
        var (ana, anaPhone) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");
        var (ben, benPhone) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");
        var settings = await ana.GetJsonAsync("/api/v1/account/notifications");
        var kind = settings.GetProperty("kinds").EnumerateArray().First();
        Assert.Equal("weekly-check-in", kind.GetProperty("kind").GetString());
        Assert.True(kind.GetProperty("push").GetBoolean());
        Assert.Equal(2, settings.GetProperty("perDay").GetInt32());

        await Expect.StatusAsync(HttpStatusCode.OK, await PutAsync(ana, new { kinds = new[] { new { kind = "weekly-check-in", push = false } } }));
        var spaceId = await ana.PairWithAsync(ben);
        await Reminders.SetRitualAsync(ana, spaceId, "sunday", "10:00", "Etc/UTC");
        await RunForAsync(TimeSpan.FromDays(1), anaPhone, benPhone);
        Assert.Empty(anaPhone.Messages);
        Assert.Single(benPhone.Messages);
    }

    [Fact]
    public async Task A_reminder_due_in_quiet_hours_waits_until_they_end_and_still_comes_once()
    {
        factory.RequireAvailable();
        await NextSaturdayNoonAsync();
        var (ana, anaPhone) = await Reminders.MemberAsync(factory, factory.Push, "Europe/Berlin");
        var (ben, benPhone) = await Reminders.MemberAsync(factory, factory.Push, "Europe/Berlin");
        await Expect.StatusAsync(HttpStatusCode.OK, await PutAsync(ana, new { quietFrom = "22:00", quietUntil = "07:30" }));
        var spaceId = await ana.PairWithAsync(ben);
        await Reminders.SetRitualAsync(ana, spaceId, "sunday", "23:00", "Europe/Berlin");

        var arrivals = await RunForAsync(TimeSpan.FromDays(2), anaPhone, benPhone);
        var ritual = Assert.Single(arrivals[benPhone]);
        var waited = Assert.Single(arrivals[anaPhone]);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        Assert.Equal(new TimeSpan(23, 0, 0), TimeZoneInfo.ConvertTime(ritual, berlin).TimeOfDay);
        Assert.Equal(new TimeSpan(7, 30, 0), TimeZoneInfo.ConvertTime(waited, berlin).TimeOfDay);
        Assert.Equal(ritual.AddHours(8.5), waited);
    }

    [Fact]
    public async Task At_most_two_a_day_reach_a_member_however_many_are_due()
    {
        factory.RequireAvailable();
        await NextSaturdayNoonAsync();
        var (ana, anaPhone) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");
        var partners = new List<FakeDevice>();
        foreach (var time in new[] { "09:00", "11:00", "13:00" })
        {
            var (other, phone) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");
            var spaceId = await ana.PairWithAsync(other, "friends");
            await Reminders.SetRitualAsync(ana, spaceId, "sunday", time, "Etc/UTC");
            partners.Add(phone);
        }

        var arrivals = await RunForAsync(TimeSpan.FromDays(1.5), [anaPhone, .. partners]);
        Assert.Equal(2, arrivals[anaPhone].Count);
        Assert.All(partners, p => Assert.Single(arrivals[p]));

        // The log on the settings page and in the API: what, when, which channel.
        await ana.SignInAsync();
        var log = await ana.GetJsonAsync("/api/v1/account/notifications/log");
        Assert.Equal(2, log.GetArrayLength());
        Assert.All(log.EnumerateArray(), e => Assert.Equal("push", Assert.Single(e.GetProperty("channels").EnumerateArray()).GetString()));
        Assert.Equal(arrivals[anaPhone].OrderDescending(), log.EnumerateArray().Select(e => e.GetProperty("at").GetDateTimeOffset()));
        var page = WebUtility.HtmlDecode(await ana.Http.GetStringAsync("/account/notifications"));
        Assert.Equal(2, CountOf(page, "Your weekly check-in, at its time on your own clock ·"));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public async Task A_pause_holds_until_its_day_and_the_partner_cannot_tell()
    {
        factory.RequireAvailable();
        await NextSaturdayNoonAsync();
        var (ana, anaPhone) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");
        var (ben, benPhone) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");
        var spaceId = await ana.PairWithAsync(ben);
        await Reminders.SetRitualAsync(ana, spaceId, "sunday", "10:00", "Etc/UTC");

        async Task<string> WhatBenSeesAsync()
        {
            var parts = new List<string>();
            foreach (var url in new[] { "/api/v1/spaces", $"/api/v1/spaces/{spaceId}", $"/api/v1/spaces/{spaceId}/ritual", $"/api/v1/spaces/{spaceId}/dashboard" })
            {
                var response = await ben.Http.GetAsync(url);
                parts.Add($"{url} {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            parts.Add(PageText.WithoutAntiforgery(await ben.Http.GetStringAsync($"/spaces/{spaceId}")));
            return string.Join("\n", parts);
        }

        var before = await WhatBenSeesAsync();
        var inTenDays = factory.Clock.GetUtcNow().AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Expect.StatusAsync(HttpStatusCode.OK, await PutAsync(ana, new { pausedUntil = inTenDays }));
        Assert.Equal(inTenDays, (await ana.GetJsonAsync("/api/v1/account/notifications")).GetProperty("pausedUntil").GetString());
        Assert.Equal(before, await WhatBenSeesAsync());

        // Two Sundays pass: Ben gets both, Ana neither; the third, after the pause, reaches her again.
        await RunForAsync(TimeSpan.FromDays(14), anaPhone, benPhone);
        Assert.Empty(anaPhone.Messages);
        Assert.Equal(2, benPhone.Messages.Count);
        await RunForAsync(TimeSpan.FromDays(7), anaPhone, benPhone);
        Assert.Single(anaPhone.Messages);
    }

    [Fact]
    public async Task Bad_choices_are_a_clear_400_beside_the_field_and_nothing_is_stored()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var before = (await ana.GetJsonAsync("/api/v1/account/notifications")).GetRawText();
        var today = factory.Clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var cases = new (object Body, string? Field)[]
        {
            // A kind Hearth does not have is not valid JSON for the contract (an enum): 400 all the same.
            (new { kinds = new[] { new { kind = "streak", push = true } } }, null),
            (new { kinds = new[] { new { kind = "weekly-check-in", push = (bool?)null } } }, "kinds[0].push"),
            (new { quietFrom = "22:00" }, "quietUntil"),
            (new { quietFrom = "25:00", quietUntil = "07:00" }, "quietFrom"),
            (new { quietFrom = "07:00", quietUntil = "07:00" }, "quietUntil"),
            (new { pausedUntil = "next week" }, "pausedUntil"),
            (new { pausedUntil = today }, "pausedUntil"),
            (new { pausedUntil = "2999-01-01" }, "pausedUntil"),
            (new { pausedUntil = new string('9', 5000) }, "pausedUntil"),
        };
        foreach (var (body, field) in cases)
        {
            var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await PutAsync(ana, body));
            if (field is not null)
            {
                Assert.NotEmpty(problem.FieldErrors(field));
            }
        }

        Assert.Equal(before, (await ana.GetJsonAsync("/api/v1/account/notifications")).GetRawText());

        // The page says it beside the field, in the member's words.
        var page = await ana.Http.GetStringAsync("/account/notifications");
        Assert.Contains("Quiet hours", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }
}

public sealed class NotificationChoicesOnSqlite(PushSqliteFactory factory) : NotificationChoicesTests<PushSqliteFactory>(factory);

public sealed class NotificationChoicesOnPostgres(PushPostgresFactory factory) : NotificationChoicesTests<PushPostgresFactory>(factory);

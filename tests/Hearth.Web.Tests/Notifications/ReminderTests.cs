using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Features.Notifications;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Notifications;

/// <summary>Shared steps: a pair in two zones with a ritual and a phone each, and the dispatcher run as the background service would.</summary>
internal static class Reminders
{
    public static async Task MoveClockToAsync(HearthFactory factory, DateTimeOffset at)
    {
        Assert.True(at >= factory.Clock.GetUtcNow(), "The test clock only moves forward");
        factory.Clock.Advance(at - factory.Clock.GetUtcNow());
        await Task.CompletedTask;
    }

    public static async Task<(Person Person, FakeDevice Phone)> MemberAsync(HearthFactory factory, FakePushService push, string zone)
    {
        var person = await Person.RegisterAsync(factory);
        await Expect.StatusAsync(HttpStatusCode.OK, await person.Http.PutAsJsonAsync("/api/v1/account/settings", new { timeZoneId = zone }));
        var phone = push.NewDevice();
        await Expect.StatusAsync(HttpStatusCode.Created, await person.Http.PostAsJsonAsync("/api/v1/account/push/devices", phone.Subscription));
        return (person, phone);
    }

    public static async Task SetRitualAsync(Person person, Guid spaceId, string day, string time, string zone) =>
        await Expect.StatusAsync(HttpStatusCode.OK, await person.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/ritual", new { day, time, timeZoneId = zone }));

    public static async Task<int> RunAsync(HearthFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderDispatcher>().RunAsync();
    }

    public static void AssertDiscreet(string message, Guid spaceId, params string[] secrets)
    {
        using var payload = JsonDocument.Parse(message);
        Assert.Equal("Hearth", payload.RootElement.GetProperty("title").GetString());
        Assert.Equal("Something new in Hearth", payload.RootElement.GetProperty("body").GetString());
        Assert.Equal($"/spaces/{spaceId}/check-in", payload.RootElement.GetProperty("url").GetString());
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, message, StringComparison.Ordinal);
        }
    }
}

/// <summary>
/// Simulated weeks with the test clock (issue 18, items 4 and 6; ADR 45): the weekly check-in reminder
/// reaches each member once a week at the ritual's day and time on their own clock, in Berlin and in
/// New York, across the European (25 October) and the American (1 November) clock changes.
/// </summary>
public abstract class ReminderWeeksTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory, IPushFactory, new()
{
    [Fact]
    public async Task The_weekly_reminder_arrives_once_a_week_at_each_members_own_ritual_time_across_clock_changes()
    {
        factory.RequireAvailable();
        await Reminders.MoveClockToAsync(factory, new DateTimeOffset(2026, 10, 17, 12, 0, 0, TimeSpan.Zero));
        var (ana, anaPhone) = await Reminders.MemberAsync(factory, factory.Push, "Europe/Berlin");
        var (ben, benPhone) = await Reminders.MemberAsync(factory, factory.Push, "America/New_York");
        var spaceId = await ana.PairWithAsync(ben);
        // Set by Ana with London as the pair's calendar: each still gets it at 19:00 on their own clock.
        await Reminders.SetRitualAsync(ana, spaceId, "sunday", "19:00", "Europe/London");

        var arrivals = new Dictionary<FakeDevice, List<DateTimeOffset>> { [anaPhone] = [], [benPhone] = [] };
        var end = new DateTimeOffset(2026, 11, 9, 1, 0, 0, TimeSpan.Zero);
        while (factory.Clock.GetUtcNow() < end)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(15));
            await Reminders.RunAsync(factory);
            foreach (var (phone, times) in arrivals)
            {
                while (times.Count < phone.Messages.Count)
                {
                    times.Add(factory.Clock.GetUtcNow());
                }
            }
        }

        DateTimeOffset Utc(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);
        // Berlin: 19:00 CEST (17:00 UTC), then 19:00 CET (18:00 UTC) from the day the clocks go back.
        Assert.Equal([Utc(10, 18, 17), Utc(10, 25, 18), Utc(11, 1, 18), Utc(11, 8, 18)], arrivals[anaPhone]);
        // New York: 19:00 EDT (23:00 UTC), then 19:00 EST (00:00 UTC the next day) from 1 November.
        Assert.Equal([Utc(10, 18, 23), Utc(10, 25, 23), Utc(11, 2, 0), Utc(11, 9, 0)], arrivals[benPhone]);
        foreach (var message in anaPhone.Messages.Concat(benPhone.Messages))
        {
            Reminders.AssertDiscreet(message, spaceId, ana.Name, ben.Name, ana.Email, ben.Email);
        }

        Assert.Empty(anaPhone.Problems);
        Assert.Empty(benPhone.Problems);
    }
}

/// <summary>
/// Delivery you can trust (issue 18, item 6; ADR 45): two dispatchers on the same database, as two
/// instances would be, send each reminder once; so does a restart; a reminder Hearth was down for is
/// skipped, not sent hours late; a member who left, or a closed space, gets none.
/// </summary>
public abstract class ReminderOnceTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory, IPushFactory, new()
{
    /// <summary>The next Saturday noon (UTC) after the clock, so each test starts a fresh week.</summary>
    private async Task NextSaturdayNoonAsync()
    {
        var now = factory.Clock.GetUtcNow();
        var day = now.UtcDateTime.Date.AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Saturday)
        {
            day = day.AddDays(1);
        }

        await Reminders.MoveClockToAsync(factory, new DateTimeOffset(day.AddHours(12), TimeSpan.Zero));
    }

    [Fact]
    public async Task Two_dispatchers_on_the_same_database_send_each_reminder_once_and_so_does_a_restart()
    {
        factory.RequireAvailable();
        await NextSaturdayNoonAsync();
        var (ana, anaPhone) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");
        var (ben, benPhone) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");
        var spaceId = await ana.PairWithAsync(ben);
        await Reminders.SetRitualAsync(ana, spaceId, "sunday", "10:00", "Etc/UTC");
        factory.Clock.Advance(TimeSpan.FromHours(22) + TimeSpan.FromMinutes(1));

        // Two instances, each polling a few times, at the same moment.
        // (Other tests' pairs share the database, so what counts is what these two phones receive.)
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Reminders.RunAsync(factory))));
        Assert.Single(anaPhone.Messages);
        Assert.Single(benPhone.Messages);

        // A restart a little later: the claims are in the database, nothing goes again.
        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        await Reminders.RunAsync(factory);
        Assert.Single(anaPhone.Messages);
        Assert.Single(benPhone.Messages);

        await ana.SignInAsync();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Hearth.Web.Data.HearthDbContext>();
        var anaId = (await ana.GetJsonAsync("/api/v1/me")).GetProperty("id").GetGuid();
        var sent = await db.Set<NotificationSend>().Where(s => s.UserId == anaId).SingleAsync();
        Assert.Equal(NotificationKinds.WeeklyCheckIn, sent.Kind);
        Assert.Equal(NotificationChannels.Push, sent.Channel);
        Assert.Equal(1, sent.Delivered);
        Assert.NotNull(sent.SentAt);
    }

    [Fact]
    public async Task A_reminder_hearth_was_down_for_is_skipped_and_one_who_left_gets_none()
    {
        factory.RequireAvailable();
        await NextSaturdayNoonAsync();
        var (ana, anaPhone) = await Reminders.MemberAsync(factory, factory.Push, "Europe/Lisbon");
        var (ben, benPhone) = await Reminders.MemberAsync(factory, factory.Push, "Europe/Lisbon");
        var spaceId = await ana.PairWithAsync(ben);
        await Reminders.SetRitualAsync(ana, spaceId, "sunday", "09:00", "Europe/Lisbon");

        // Down from Saturday noon to Sunday well past the late limit (three hours by default).
        factory.Clock.Advance(TimeSpan.FromHours(25));
        await Reminders.RunAsync(factory);
        Assert.Empty(anaPhone.Messages);
        Assert.Empty(benPhone.Messages);

        // The next week it comes, once each.
        await RunForAsync(TimeSpan.FromDays(7));
        Assert.Single(anaPhone.Messages);
        Assert.Single(benPhone.Messages);

        // Once Ben has left, the space is closed: neither of them is reminded of it again.
        await ben.SignInAsync();
        await Expect.StatusAsync(HttpStatusCode.NoContent, await ben.LeaveAsync(spaceId));
        await RunForAsync(TimeSpan.FromDays(7));
        Assert.Single(anaPhone.Messages);
        Assert.Single(benPhone.Messages);
    }

    private async Task RunForAsync(TimeSpan span)
    {
        var until = factory.Clock.GetUtcNow() + span;
        while (factory.Clock.GetUtcNow() < until)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(30));
            await Reminders.RunAsync(factory);
        }
    }
}

public sealed class ReminderWeeksOnSqlite(PushSqliteFactory factory) : ReminderWeeksTests<PushSqliteFactory>(factory);

public sealed class ReminderWeeksOnPostgres(PushPostgresFactory factory) : ReminderWeeksTests<PushPostgresFactory>(factory);

public sealed class ReminderOnceOnSqlite(PushSqliteFactory factory) : ReminderOnceTests<PushSqliteFactory>(factory);

public sealed class ReminderOnceOnPostgres(PushPostgresFactory factory) : ReminderOnceTests<PushPostgresFactory>(factory);

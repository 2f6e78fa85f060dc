using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Tests.CheckIns;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Notifications;

/// <summary>
/// The last kinds of issue 18, item 4 (ADR 51), each off by default and each read on the member's own
/// clock: the weekly check-in's one gentle follow-up (only for who has not checked in, whatever the
/// other did), today's question at the time the pair chose (not once answered), and the first day of
/// each new week of a reconnect plan (only for who can see the plan, and not once its steps are done).
/// </summary>
public abstract class GentleKindsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory, IPushFactory, new()
{
    /// <summary>Runs the dispatcher every <paramref name="step"/> for <paramref name="span"/>, noting when each phone's messages arrived.</summary>
    private async Task RunForAsync(TimeSpan span, Dictionary<FakeDevice, List<DateTimeOffset>> arrivals, TimeSpan? step = null)
    {
        var until = factory.Clock.GetUtcNow() + span;
        while (factory.Clock.GetUtcNow() < until)
        {
            factory.Clock.Advance(step ?? TimeSpan.FromMinutes(15));
            await Reminders.RunAsync(factory);
            foreach (var (phone, times) in arrivals)
            {
                while (times.Count < phone.Messages.Count)
                {
                    times.Add(factory.Clock.GetUtcNow());
                }
            }
        }
    }

    /// <summary>Moves the clock to the next <paramref name="day"/> at <paramref name="hour"/>:00 UTC, so each test starts on fresh days.</summary>
    private async Task<DateTimeOffset> NextAsync(DayOfWeek day, int hour)
    {
        var date = factory.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1);
        while (date.DayOfWeek != day)
        {
            date = date.AddDays(1);
        }

        var at = new DateTimeOffset(date.AddHours(hour), TimeSpan.Zero);
        await Reminders.MoveClockToAsync(factory, at);
        return at;
    }

    private static async Task TurnOnAsync(Person person, string kind) =>
        await Expect.StatusAsync(HttpStatusCode.OK, await person.Http.PutAsJsonAsync("/api/v1/account/notifications", new { kinds = new[] { new { kind, push = true } } }));

    /// <summary>The UTC instant of <paramref name="hour"/>:<paramref name="minute"/> on <paramref name="date"/> on the clock of <paramref name="zone"/>.</summary>
    private static DateTimeOffset At(string zone, DateTimeOffset date, int hour, int minute = 0) =>
        NodaTime.DateTimeZoneProviders.Tzdb[zone].AtStrictly(new NodaTime.LocalDateTime(date.Year, date.Month, date.Day, hour, minute)).ToDateTimeOffset().ToUniversalTime();

    private static string Url(string message)
    {
        using var payload = JsonDocument.Parse(message);
        Assert.Equal("Something new in Hearth", payload.RootElement.GetProperty("body").GetString());
        return payload.RootElement.GetProperty("url").GetString()!;
    }

    [Fact]
    public async Task The_new_kinds_are_off_until_a_member_turns_them_on()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var kinds = (await ana.GetJsonAsync("/api/v1/account/notifications")).GetProperty("kinds").EnumerateArray()
            .ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("push").GetBoolean());
        Assert.False(kinds["check-in-follow-up"]);
        Assert.False(kinds["todays-question"]);
        Assert.False(kinds["plan-step-day"]);
        Assert.True(kinds["weekly-check-in"]);
    }

    [Fact]
    public async Task The_one_follow_up_comes_a_day_later_only_to_who_has_not_checked_in_and_only_once()
    {
        factory.RequireAvailable();
        var saturday = await NextAsync(DayOfWeek.Saturday, 12);
        var (ana, anaPhone) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");
        var (ben, benPhone) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");
        var spaceId = await ana.PairWithAsync(ben);
        await Reminders.SetRitualAsync(ana, spaceId, "sunday", "19:00", "Etc/UTC");
        await TurnOnAsync(ana, "check-in-follow-up");
        await TurnOnAsync(ben, "check-in-follow-up");
        var arrivals = new Dictionary<FakeDevice, List<DateTimeOffset>> { [anaPhone] = [], [benPhone] = [] };

        // Sunday 19:00: the check-in reminder for both. Ana checks in an hour later; Ben does not.
        await RunForAsync(TimeSpan.FromHours(32), arrivals);
        await ana.SignInAsync();
        await ana.CheckInOkAsync(spaceId, new { satisfaction = 7, closeness = 6 });

        // The whole week after: one follow-up, Monday 19:00, for Ben alone; nothing more for anyone.
        await RunForAsync(TimeSpan.FromDays(6), arrivals);
        var sunday = saturday.AddDays(1).AddHours(7);
        Assert.Equal([sunday], arrivals[anaPhone]);
        Assert.Equal([sunday, sunday.AddDays(1)], arrivals[benPhone]);
        Assert.Equal($"/spaces/{spaceId}/check-in", Url(benPhone.Messages.Last()));
        Assert.Empty(anaPhone.Problems);
        Assert.Empty(benPhone.Problems);
    }

    [Fact]
    public async Task Todays_question_comes_at_the_pairs_time_on_each_clock_and_not_once_answered()
    {
        factory.RequireAvailable();
        var monday = await NextAsync(DayOfWeek.Monday, 0);
        var (ana, anaPhone) = await Reminders.MemberAsync(factory, factory.Push, "Europe/Berlin");
        var (ben, benPhone) = await Reminders.MemberAsync(factory, factory.Push, "America/New_York");
        var spaceId = await ana.PairWithAsync(ben);
        var settings = $"/api/v1/spaces/{spaceId}/settings";

        // Bad times are refused beside the field and change nothing.
        foreach (var bad in new[] { "8h30", "25:00", "08:30:00:00", "tomorrow" })
        {
            var refused = await ana.Http.PutAsJsonAsync(settings, new { questionTime = bad });
            await Expect.StatusAsync(HttpStatusCode.BadRequest, refused);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("questionTime", out _), bad);
        }

        Assert.Equal(JsonValueKind.Null, (await ana.GetJsonAsync(settings)).GetProperty("questionTime").ValueKind);
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync(settings, new { questionTime = "08:30" }));
        Assert.Equal("08:30", (await ben.GetJsonAsync(settings)).GetProperty("questionTime").GetString());

        // Chosen by the pair, but only Ana and Ben's own choice turns it on for each of them.
        await TurnOnAsync(ana, "todays-question");
        await TurnOnAsync(ben, "todays-question");
        var arrivals = new Dictionary<FakeDevice, List<DateTimeOffset>> { [anaPhone] = [], [benPhone] = [] };
        await RunForAsync(TimeSpan.FromHours(28), arrivals);

        // Tuesday, before her time: Ana answers the day's question, so she is not told of it; Ben still is.
        await ana.SignInAsync();
        var date = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/prompt/today")).GetProperty("date").GetString();
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/prompt/days/{date}/answer", new { text = "Our walk by the river" }));
        await RunForAsync(TimeSpan.FromHours(20), arrivals);

        // 08:30 in Berlin, and 08:30 in New York.
        Assert.Equal([At("Europe/Berlin", monday, 8, 30)], arrivals[anaPhone]);
        Assert.Equal([At("America/New_York", monday, 8, 30), At("America/New_York", monday.AddDays(1), 8, 30)], arrivals[benPhone]);
        Assert.All(anaPhone.Messages.Concat(benPhone.Messages), m => Assert.Equal($"/spaces/{spaceId}/today", Url(m)));
        Assert.All(benPhone.Messages, m => Assert.DoesNotContain("river", m, StringComparison.Ordinal));

        // No time any more: nothing on Wednesday.
        await ben.SignInAsync();
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PutAsJsonAsync(settings, new { questionTime = "" }));
        await RunForAsync(TimeSpan.FromDays(1), arrivals);
        Assert.Single(anaPhone.Messages);
        Assert.Equal(2, benPhone.Messages.Count);
    }

    [Fact]
    public async Task Each_new_week_of_a_shared_plan_is_told_to_both_at_nine_on_their_clocks_unless_its_steps_are_done()
    {
        factory.RequireAvailable();
        await NextAsync(DayOfWeek.Wednesday, 12);
        var (ana, anaPhone) = await Reminders.MemberAsync(factory, factory.Push, "Europe/Berlin");
        var (ben, benPhone) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");
        var spaceId = await ana.PairWithAsync(ben);
        var steady = new { satisfaction = 8, closeness = 6, feltHeard = 6, phoneFreeMinutes = 200, appreciation = 4, repair = 6 };
        var low = new { satisfaction = 3, closeness = 2, feltHeard = 5, phoneFreeMinutes = 20, appreciation = 2, noTension = true };
        for (var week = 1; week <= 8; week++)
        {
            await ana.CheckInOkAsync(spaceId, week <= 5 ? steady : low);
            await ben.CheckInOkAsync(spaceId, week <= 5 ? steady : low);
            if (week < 8)
            {
                await CheckInDriver.NextWeekAsync(factory, ana, ben);
            }
        }

        await TurnOnAsync(ana, "plan-step-day");
        await TurnOnAsync(ben, "plan-step-day");
        await Expect.StatusAsync(HttpStatusCode.Created, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/reconnect-plan", new { weeks = 3 }));
        var plan = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/insights")).GetProperty("plan");
        Assert.Equal("both", plan.GetProperty("audience").GetString());
        var start = DateOnly.Parse(plan.GetProperty("startWeek").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var weekTwo = new DateTimeOffset(start.AddDays(7).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        // Until the third week begins: week two is told once to each, at 9:00 on their own clock.
        var arrivals = new Dictionary<FakeDevice, List<DateTimeOffset>> { [anaPhone] = [], [benPhone] = [] };
        await RunForAsync(weekTwo.AddDays(6) - factory.Clock.GetUtcNow(), arrivals, TimeSpan.FromMinutes(30));
        Assert.Equal([At("Europe/Berlin", weekTwo, 9)], arrivals[anaPhone]);
        Assert.Equal([At("Etc/UTC", weekTwo, 9)], arrivals[benPhone]);
        Assert.All(anaPhone.Messages.Concat(benPhone.Messages), m => Assert.Equal($"/spaces/{spaceId}/trends", Url(m)));

        // Ana marks the third week's steps done early: its first day passes without a word.
        await ana.SignInAsync();
        var third = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/insights")).GetProperty("plan").GetProperty("steps").EnumerateArray()
            .Where(s => s.GetProperty("week").GetInt32() == 3).Select(s => s.GetProperty("id").GetString()!).ToList();
        Assert.NotEmpty(third);
        foreach (var step in third)
        {
            await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/reconnect-plan/steps/{step}", new { done = true }));
        }

        await RunForAsync(TimeSpan.FromDays(3), arrivals, TimeSpan.FromMinutes(30));
        Assert.Single(anaPhone.Messages);
        Assert.Single(benPhone.Messages);
    }
}

public sealed class GentleKindsOnSqlite(PushSqliteFactory factory) : GentleKindsTests<PushSqliteFactory>(factory);

public sealed class GentleKindsOnPostgres(PushPostgresFactory factory) : GentleKindsTests<PushPostgresFactory>(factory);

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Tests.DataRights;
using Hearth.Web.Tests.Infrastructure;
using Hearth.Core.Rituals;
using Hearth.Web.Features.CheckIns;
using Hearth.Web.Features.Rituals;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Hearth.Web.Tests.CheckIns;

/// <summary>
/// A check-in belongs for ever to the week in which it was sent: changing the ritual (day, time or
/// zone) never moves, merges or reveals a stored check-in, and never asks for a second one in a week
/// already done. Each test runs in its own world, because the clock moves.
/// </summary>
[Slow("a property test: long random sequences of ritual changes and check-ins")]
public abstract class CheckInWeekInvariantTests
{
    /// <summary>A new world whose sessions outlast the months the clock travels (no sign-in after every step).</summary>
    protected abstract HearthFactory NewWorld();

    protected abstract string Provider { get; }

    [Fact]
    public async Task Changing_the_ritual_back_and_forth_never_reveals_a_week_the_other_person_skipped()
    {
        await using var world = NewWorld();
        world.RequireAvailable();
        var ana = await Person.RegisterAsync(world, "Ana");
        var ben = await Person.RegisterAsync(world, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        var api = $"/api/v1/spaces/{spaceId}/check-in";

        // Monday 1 June 2026: the ritual is Monday, and Ben checks in.
        await ben.SetRitualAsync(spaceId, "monday", "19:00", "UTC");
        var bens = await ben.CheckInOkAsync(spaceId, new { satisfaction = 4, needs = "Ben-monday" });
        Assert.Equal("2026-06-01", bens.GetProperty("week").GetProperty("week").GetString());

        // Saturday: Ben moves the ritual to Sunday. The next Friday Ana checks in; Ben skipped that week.
        Travel(world, new DateTimeOffset(2026, 6, 6, 12, 0, 0, TimeSpan.Zero));
        await ben.SetRitualAsync(spaceId, "sunday", "19:00", "UTC");
        Travel(world, new DateTimeOffset(2026, 6, 12, 12, 0, 0, TimeSpan.Zero));
        var anas = await ana.CheckInOkAsync(spaceId, new { satisfaction = 9, needs = "Ana-friday-canary" });
        var anaWeek = anas.GetProperty("week").GetProperty("week").GetString();
        Assert.Equal("2026-06-07", anaWeek);
        Assert.False((await ben.GetJsonAsync($"{api}/weeks/{anaWeek}")).GetProperty("theirs").GetProperty("revealed").GetBoolean());

        // Ben sets it back to Monday. Nothing of Ana's Friday may reach Ben, and Ana is not asked again.
        await ben.SetRitualAsync(spaceId, "monday", "19:00", "UTC");
        var bensWeek = await ben.GetJsonAsync($"{api}/weeks/2026-06-01");
        Assert.Equal("Ben-monday", bensWeek.GetProperty("yours").GetProperty("needs").GetString());
        var leaks = new List<string>();
        string[] views = [$"{api}/weeks/2026-06-01", $"{api}/weeks/2026-06-07", $"{api}/weeks/2026-06-08", api, $"/api/v1/spaces/{spaceId}/trends", $"/api/v1/spaces/{spaceId}/dashboard"];
        foreach (var url in views)
        {
            if ((await ben.Http.GetStringAsync(new Uri(url, UriKind.Relative))).Contains("Ana-friday-canary", StringComparison.Ordinal))
            {
                leaks.Add(url);
            }
        }

        var (_, benExport, _) = await DataWorld.ExportAsync(ben);
        if (benExport.Contains("Ana-friday-canary", StringComparison.Ordinal))
        {
            leaks.Add("Ben's export");
        }

        var anasNow = await ana.GetJsonAsync(api);
        var again = await ana.CheckInAsync(spaceId, new { satisfaction = 1 });
        bool[] asked = [anasNow.GetProperty("canCheckIn").GetBoolean(), again.StatusCode == HttpStatusCode.Created];
        SecurityReport.Record(
            "check-in week invariant under ritual changes", Provider, views.Length + 1 + asked.Length,
            leaks.Count + asked.Count(a => a),
            $"{GetType().Name}.{nameof(Changing_the_ritual_back_and_forth_never_reveals_a_week_the_other_person_skipped)}",
            "Monday -> Sunday -> Monday with a week one member skipped: six views and the export, the other's status and a second check-in");
        Assert.Empty(leaks);
        Assert.False(bensWeek.GetProperty("theirs").GetProperty("revealed").GetBoolean());
        Assert.False(anasNow.GetProperty("canCheckIn").GetBoolean());
        Assert.Equal("Ana-friday-canary", anasNow.GetProperty("yours").GetProperty("needs").GetString());
        await Expect.ProblemAsync(HttpStatusCode.Conflict, again);
        Assert.DoesNotContain("Something new in Hearth", await ana.Http.GetStringAsync(new Uri("/spaces", UriKind.Relative)), StringComparison.Ordinal);
    }

    /// <summary>
    /// A zone change can put the other's stored week after this week's start (their Monday in Auckland
    /// is still Sunday in New York). That week is still theirs and stays where it was sent: opening it
    /// by its own first day shows it, unrevealed, instead of "that week hasn't started yet".
    /// </summary>
    [Fact]
    public async Task The_others_week_is_found_by_its_first_day_after_a_zone_change_puts_it_ahead()
    {
        await using var world = NewWorld();
        world.RequireAvailable();
        var ana = await Person.RegisterAsync(world, "Ana");
        var ben = await Person.RegisterAsync(world, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        var api = $"/api/v1/spaces/{spaceId}/check-in";

        // Sunday 7 June 2026, 13:00 UTC: already Monday 8 June, 01:00 in Auckland, where the week starts.
        Travel(world, new DateTimeOffset(2026, 6, 7, 13, 0, 0, TimeSpan.Zero));
        await ben.SetRitualAsync(spaceId, "monday", "00:00", "Pacific/Auckland");
        var anas = await ana.CheckInOkAsync(spaceId, new { satisfaction = 7, needs = "Ana-auckland-canary" });
        Assert.Equal("2026-06-08", anas.GetProperty("week").GetProperty("week").GetString());

        // Ben moves the ritual to New York, where it is still Sunday: this week began on 1 June.
        await ben.SetRitualAsync(spaceId, "monday", "00:00", "America/New_York");
        var response = await ben.Http.GetAsync(new Uri($"{api}/weeks/2026-06-08", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var week = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-06-08", week.GetProperty("week").GetString());
        Assert.False(week.GetProperty("theirs").GetProperty("revealed").GetBoolean());
        Assert.DoesNotContain("Ana-auckland-canary", week.GetRawText(), StringComparison.Ordinal);

        // A week nobody has sent anything in, after this week's start, has still not started.
        var ahead = await ben.Http.GetAsync(new Uri($"{api}/weeks/2026-06-15", UriKind.Relative));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, ahead);
    }

    /// <summary>
    /// The property: over random sequences of ritual changes (day, time, zone, across clock changes) and
    /// check-ins by either member at random instants, every view, the dashboard, the reminder, the
    /// export and the stored rows agree with a model in which a check-in keeps the week it was sent in.
    /// The seed is printed with any failure; set HEARTH_PROPERTY_SEED to replay one.
    /// </summary>
    [Fact]
    public async Task Random_ritual_changes_and_check_ins_keep_every_check_in_in_the_week_it_was_sent()
    {
        await using var world = NewWorld();
        world.RequireAvailable();
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HEARTH_PROPERTY_SEED"), System.Globalization.CultureInfo.InvariantCulture, out var fixedSeed) ? fixedSeed : Random.Shared.Next();
        var random = new Random(seed);
        var violations = new List<string>();
        var checks = 0;

        // Each sequence starts a few days before a clock change (Europe in autumn and spring, the US in between).
        DateTimeOffset[] clockChanges = [new(2026, 10, 25, 1, 0, 0, TimeSpan.Zero), new(2026, 11, 1, 6, 0, 0, TimeSpan.Zero), new(2027, 3, 14, 7, 0, 0, TimeSpan.Zero), new(2027, 3, 28, 1, 0, 0, TimeSpan.Zero)];
        for (var sequence = 0; sequence < Sequences; sequence++)
        {
            var start = clockChanges[sequence % clockChanges.Length].AddDays(-random.Next(0, 8)).AddMinutes(-random.Next(0, 24 * 60));
            if (start > world.Clock.GetUtcNow())
            {
                Travel(world, start);
            }

            var run = new ModelRun(world, random, seed, sequence, violations);
            await run.PairAsync();
            for (var step = 0; step < StepsPerSequence; step++)
            {
                await run.StepAsync(step);
                checks += await run.CheckAsync(step, withExport: step % 6 == 5 || step == StepsPerSequence - 1);
            }
        }

        SecurityReport.Record(
            "check-in week invariant under ritual changes", Provider, checks, violations.Count,
            $"{GetType().Name}.{nameof(Random_ritual_changes_and_check_ins_keep_every_check_in_in_the_week_it_was_sent)}",
            $"{Sequences} random sequences of {StepsPerSequence} ritual changes (day, time, zone), clock moves across DST and check-ins by either member; week views, this week, dashboard, reminder, export and rows (seed {seed})");
        Assert.True(violations.Count == 0, $"Seed {seed} (HEARTH_PROPERTY_SEED={seed} replays it):\n" + string.Join('\n', violations.Take(20)));
    }

    private const int Sequences = 3;

    private const int StepsPerSequence = 18;

    /// <summary>Moves the world's clock to <paramref name="to"/> (never backwards).</summary>
    internal static void Travel(HearthFactory world, DateTimeOffset to)
    {
        Assert.True(to >= world.Clock.GetUtcNow(), "The clock only moves forward.");
        world.Clock.Advance(to - world.Clock.GetUtcNow());
    }

    /// <summary>Sessions that last as long as the test's travels: the clock moves months in a few seconds.</summary>
    internal static void LongSessions(IWebHostBuilder builder)
    {
        builder.UseSetting("Hearth:Security:IdleTimeoutMinutes", "10000000");
        builder.UseSetting("Hearth:Security:ConfirmAfterIdleMinutes", "10000000");
    }
}

public sealed class CheckInWeekInvariantOnSqlite : CheckInWeekInvariantTests
{
    protected override string Provider => "sqlite";

    protected override HearthFactory NewWorld() => new LongSqlite();

    private sealed class LongSqlite : SqliteHearthFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            LongSessions(builder);
        }
    }
}

public sealed class CheckInWeekInvariantOnPostgres : CheckInWeekInvariantTests
{
    protected override string Provider => "postgres";

    protected override HearthFactory NewWorld() => new LongPostgres();

    private sealed class LongPostgres : PostgresHearthFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            LongSessions(builder);
        }
    }
}

/// <summary>
/// One random sequence against a small model of the rule: a check-in keeps the week key it was sent
/// in; the other's answers show only where both keys are equal; a member is asked to check in only
/// when none of theirs is this week's or was sent while this week ran.
/// </summary>
internal sealed class ModelRun(HearthFactory world, Random random, int seed, int sequence, List<string> violations)
{
    private static readonly string[] Zones = ["Europe/Berlin", "America/New_York", "UTC", "Pacific/Auckland", "Asia/Kolkata"];
    private static readonly string[] Times = ["00:00", "00:30", "01:30", "02:30", "03:00", "09:15", "19:00", "23:30", "23:59"];
    private static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private readonly Dictionary<string, List<Sent>> sent = new(StringComparer.Ordinal) { ["Ana"] = [], ["Ben"] = [] };
    private Person ana = null!;
    private Person ben = null!;
    private Guid spaceId;
    private Ritual rule = null!;
    private int made;
    private string step = "";

    private string Api => $"/api/v1/spaces/{spaceId}/check-in";

    public async Task PairAsync()
    {
        ana = await Person.RegisterAsync(world, "Ana");
        ben = await Person.RegisterAsync(world, "Ben");
        spaceId = await ana.PairWithAsync(ben);
        await ChangeRitualAsync(ana);
    }

    /// <summary>One random move: the clock, the ritual, or a check-in by either member.</summary>
    public async Task StepAsync(int number)
    {
        var who = random.Next(2) == 0 ? ana : ben;
        var roll = random.Next(10);
        if (roll < 3)
        {
            // From an hour to four days, so weeks pass, end mid-way and cross the clock changes.
            var by = TimeSpan.FromMinutes(random.Next(60, 4 * 24 * 60));
            step = $"step {number}: clock +{by}";
            world.Clock.Advance(by);
        }
        else if (roll < 6)
        {
            await ChangeRitualAsync(who);
            step = $"step {number}: {who.Name} set the ritual to {rule}";
        }
        else
        {
            step = $"step {number}: {who.Name} checks in";
            await CheckInAsync(who);
        }
    }

    private async Task ChangeRitualAsync(Person who)
    {
        var day = Days[random.Next(Days.Length)];
        var time = Times[random.Next(Times.Length)];
        var zone = Zones[random.Next(Zones.Length)];
        await who.SetRitualAsync(spaceId, day, time, zone);
        rule = Ritual.TryCreate(day, time, zone, out _)!;
    }

    private async Task CheckInAsync(Person who)
    {
        var now = Now;
        var (done, _) = Done(who.Name);
        var marker = $"m-{sequence}-{++made}-{who.Name}";
        var response = await who.CheckInAsync(spaceId, new { satisfaction = made % 11, needs = marker });
        if (done is not null)
        {
            Expect(response.StatusCode == HttpStatusCode.Conflict, $"{who.Name} was let check in twice in a week already done (their {Iso(done.Week)} check-in): {(int)response.StatusCode}");
            return;
        }

        if (!Expect(response.StatusCode == HttpStatusCode.Created, $"{who.Name} could not check in in a week not yet done: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"))
        {
            return;
        }

        var week = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("week").GetProperty("week").GetString();
        var expected = PairWeek.WeekOf(now, rule).Key;
        Expect(week == Iso(expected), $"{who.Name}'s check-in went to week {week}, not {Iso(expected)}, the week it was sent in");
        sent[who.Name].Add(new Sent(expected, world.Clock.GetUtcNow(), marker));
    }

    /// <summary>Checks everything each member can see against the model; returns how many checks ran.</summary>
    public async Task<int> CheckAsync(int number, bool withExport)
    {
        var checks = 0;
        foreach (var (me, other) in new[] { (ana, ben), (ben, ana) })
        {
            var mine = sent[me.Name];
            var theirs = sent[other.Name];

            // This week: asked only if not done; shown as the week the check-in that does it was sent in.
            var (done, current) = Done(me.Name);
            var view = await me.GetJsonAsync(Api);
            checks++;
            Expect(view.GetProperty("canCheckIn").GetBoolean() == (done is null), $"{me.Name} canCheckIn={view.GetProperty("canCheckIn").GetBoolean()} with {(done is null ? "no check-in" : $"the {Iso(done.Week)} check-in sent {done.At:u}")} in the week {Iso(current.Key)}");
            Expect(view.GetProperty("week").GetString() == Iso(done?.Week ?? current.Key), $"{me.Name}'s current week is {view.GetProperty("week").GetString()}, expected {Iso(done?.Week ?? current.Key)}");
            checks += Sound(me, other, view, "this week");

            // Every check-in of theirs, in exactly its own week; and the other's weeks looked up by date.
            foreach (var key in mine.Select(s => s.Week).Concat(theirs.Select(s => s.Week)).Distinct())
            {
                var week = await me.GetJsonAsync($"{Api}/weeks/{Iso(key)}");
                checks++;
                if (mine.Any(s => s.Week == key))
                {
                    Expect(week.GetProperty("week").GetString() == Iso(key), $"{me.Name}'s check-in of {Iso(key)} is shown in the week {week.GetProperty("week").GetString()}");
                }

                checks += Sound(me, other, week, $"weeks/{Iso(key)}");
            }

            // The dashboard (the service's glance) and the discreet reminder say the same as this week.
            var glance = (await me.GetJsonAsync($"/api/v1/spaces/{spaceId}/dashboard")).GetProperty("thisWeek");
            var both = done is not null && theirs.Any(t => t.Week == done.Week);
            Expect(glance.GetProperty("youCheckedIn").GetBoolean() == (done is not null), $"{me.Name}'s dashboard youCheckedIn={glance.GetProperty("youCheckedIn").GetBoolean()}");
            Expect(glance.GetProperty("bothCheckedIn").GetBoolean() == both, $"{me.Name}'s dashboard bothCheckedIn={glance.GetProperty("bothCheckedIn").GetBoolean()}, expected {both}");
            var reminded = (await me.Http.GetStringAsync(new Uri("/spaces", UriKind.Relative))).Contains("Something new in Hearth", StringComparison.Ordinal);
            Expect(reminded == (done is null), $"{me.Name} reminded={reminded} with{(done is null ? "out" : "")} this week's check-in");
            checks += 3;

            if (withExport)
            {
                checks += await ExportAsync(me, mine, theirs);
            }
        }

        // Nothing moved or merged where it is kept: the rows are exactly the check-ins sent, in their weeks.
        var rows = await world.WithDbAsync(db => db.Set<WeeklyCheckIn>().All().Where(c => c.SpaceId == spaceId).Select(c => c.Week).ToListAsync());
        var expectedRows = sent.Values.SelectMany(v => v).Select(s => PairCalendar.ToDateOnly(s.Week)).Order().ToList();
        Expect(rows.Order().SequenceEqual(expectedRows), $"stored weeks [{string.Join(", ", rows.Order())}] are not the weeks sent [{string.Join(", ", expectedRows)}]");
        return checks + 1;
    }

    private async Task<int> ExportAsync(Person me, List<Sent> mine, List<Sent> theirs)
    {
        var (_, _, doc) = await DataWorld.ExportAsync(me);
        var space = Assert.Single(doc.GetProperty("spaces").EnumerateArray(), s => s.GetProperty("state").GetString() == "paired");
        var exported = space.GetProperty("mine").GetProperty("checkIns").EnumerateArray().Select(c => $"{c.GetProperty("week").GetString()}/{c.GetProperty("needs").GetString()}").Order(StringComparer.Ordinal).ToList();
        var expected = mine.Select(s => $"{Iso(s.Week)}/{s.Marker}").Order(StringComparer.Ordinal).ToList();
        Expect(exported.SequenceEqual(expected), $"{me.Name}'s export has [{string.Join(", ", exported)}], sent [{string.Join(", ", expected)}]");
        var shared = space.TryGetProperty("sharedWithMe", out var s) && s.ValueKind == JsonValueKind.Object && s.GetProperty("items").TryGetProperty("checkIns", out var c)
            ? c.EnumerateArray().Select(x => $"{x.GetProperty("week").GetString()}/{x.GetProperty("needs").GetString()}").Order(StringComparer.Ordinal).ToList()
            : [];
        var revealed = theirs.Where(t => mine.Any(m => m.Week == t.Week)).Select(t => $"{Iso(t.Week)}/{t.Marker}").Order(StringComparer.Ordinal).ToList();
        Expect(shared.SequenceEqual(revealed), $"{me.Name}'s export shows theirs [{string.Join(", ", shared)}], revealed are [{string.Join(", ", revealed)}]");
        return 2;
    }

    /// <summary>A week view shows your check-in stored in exactly that week, and theirs only if you both have one there.</summary>
    private int Sound(Person me, Person other, JsonElement view, string where)
    {
        var key = view.GetProperty("week").GetString();
        var mine = sent[me.Name].FirstOrDefault(s => Iso(s.Week) == key);
        var theirs = sent[other.Name].FirstOrDefault(s => Iso(s.Week) == key);
        var yours = view.GetProperty("yours");
        Expect((yours.ValueKind == JsonValueKind.Null ? null : yours.GetProperty("needs").GetString()) == mine?.Marker, $"{me.Name} {where} (week {key}) shows yours={yours}, expected {mine?.Marker ?? "none"}");
        var shown = view.GetProperty("theirs");
        var revealed = shown.GetProperty("revealed").GetBoolean();
        var expected = mine is not null && theirs is not null;
        Expect(revealed == expected, $"{me.Name} {where} (week {key}) revealed={revealed}, expected {expected}");
        var answers = shown.GetProperty("answers");
        Expect((answers.ValueKind == JsonValueKind.Null ? null : answers.GetProperty("needs").GetString()) == (expected ? theirs!.Marker : null), $"{me.Name} {where} (week {key}) shows theirs={answers}");
        return 3;
    }

    /// <summary>The member's check-in that does this week in the model, and this week.</summary>
    private (Sent? Done, PairWeek Current) Done(string name)
    {
        var current = PairWeek.WeekOf(Now, rule);
        var mine = sent[name];
        var done = mine.Where(s => s.Week == current.Key).OrderBy(s => s.At).FirstOrDefault()
            ?? mine.Where(s => current.Contains(Instant.FromDateTimeOffset(s.At))).OrderBy(s => s.At).FirstOrDefault();
        return (done, current);
    }

    private Instant Now => Instant.FromDateTimeOffset(world.Clock.GetUtcNow());

    private bool Expect(bool holds, string what)
    {
        if (!holds)
        {
            violations.Add($"seed {seed}, sequence {sequence}, {step} at {world.Clock.GetUtcNow():u}, ritual {rule}: {what}");
        }

        return holds;
    }

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Sent(LocalDate Week, DateTimeOffset At, string Marker);
}

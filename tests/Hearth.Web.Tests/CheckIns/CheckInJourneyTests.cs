using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hearth.Web.Features.CheckIns;
using Hearth.Web.Features.Insights;
using Hearth.Web.Tests.Assessments;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Tests.CheckIns;

/// <summary>The weekly check-in through the API, on each database: ritual, check-ins, reveal, trends, insights, plans.</summary>
public abstract class CheckInJourneyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    private static readonly object Steady = new { satisfaction = 8, closeness = 6, feltHeard = 6, phoneFreeMinutes = 200, appreciation = 4, repair = 6 };
    private static readonly object Low = new { satisfaction = 3, closeness = 2, feltHeard = 4, phoneFreeMinutes = 200, appreciation = 2, noTension = true };

    private async Task<(Person Ana, Person Ben, Guid SpaceId)> PairAsync()
    {
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        return (ana, ben, spaceId);
    }

    [Fact]
    public async Task A_ritual_is_set_in_a_members_zone_and_shown_on_each_members_clock()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        await ana.SetTimeZoneAsync("Europe/London");
        await ben.SetTimeZoneAsync("America/New_York");

        var bad = await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/ritual", new { day = "someday", time = "25:00", timeZoneId = "Mars/Olympus_Mons" });
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, bad);
        Assert.Contains("isn't a day of the week", problem.FieldErrors("day")[0], StringComparison.Ordinal);
        Assert.Contains("isn't a time of day", problem.FieldErrors("time")[0], StringComparison.Ordinal);
        Assert.Contains("don't know the time zone", problem.FieldErrors("timeZoneId")[0], StringComparison.Ordinal);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/ritual", new { day = "sunday", time = "10:61" }));
        Assert.False((await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}/ritual")).GetProperty("isSet").GetBoolean());

        var ritual = await ana.SetRitualAsync(spaceId, "sunday", "19:00");
        Assert.Equal("Europe/London", ritual.GetProperty("timeZoneId").GetString());
        var seenByBen = await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}/ritual");
        var next = seenByBen.GetProperty("next").EnumerateArray().ToList();
        Assert.Equal(4, next.Count);
        Assert.EndsWith("2:00 PM (America/New_York)", next[0].GetProperty("forYou").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("7:00 PM (Europe/London)", next[0].GetProperty("forOther").GetString(), StringComparison.Ordinal);
        Assert.Equal("Sunday", seenByBen.GetProperty("weekStartsOn").GetString());
    }

    [Fact]
    public async Task Pairs_living_apart_see_when_both_are_awake_and_times_inside_it()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        await ana.SetTimeZoneAsync("Europe/Berlin");
        await ben.SetTimeZoneAsync("America/Los_Angeles");
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/settings", new { livingApart = true }));

        var tooShort = await ben.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/ritual/waking-hours", new { from = "22:00", to = "22:30" });
        Assert.Equal("Your waking hours from 10:00 PM to 10:30 PM are shorter than an hour. Please give at least an hour.", (await Expect.ProblemAsync(HttpStatusCode.BadRequest, tooShort)).FieldErrors("to")[0]);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ben.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/ritual/waking-hours", new { from = "24:00", to = "08:00" }));
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/ritual/waking-hours", new { from = "06:00", to = "23:00" }));

        var view = await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/ritual");
        Assert.Equal("06:00", view.GetProperty("otherWaking").GetProperty("from").GetString());
        Assert.True(view.GetProperty("overlapMinutesThisWeek").GetInt32() > 0);
        var proposals = view.GetProperty("proposals").EnumerateArray().ToList();
        Assert.NotEmpty(proposals);
        // The page and the API's sentences write the times as an English reader's clock does; the wire values stay "06:00".
        var page = (await ana.Http.GetPageAsync($"/spaces/{spaceId}/ritual")).QuerySelector("main")!.TextContent;
        Assert.Contains("is awake from 6:00 AM to 11:00 PM (America/Los_Angeles)", page, StringComparison.Ordinal);
        Assert.Matches(@" \d{1,2}:\d\d [AP]M$", proposals[0].GetProperty("forYou").GetString());

        // A proposal can be taken as it is.
        var first = proposals[0];
        var taken = await ana.SetRitualAsync(spaceId, first.GetProperty("day").GetString()!, first.GetProperty("time").GetString()!, first.GetProperty("timeZoneId").GetString());
        Assert.True(taken.GetProperty("isSet").GetBoolean());
    }

    [Fact]
    public async Task Both_check_in_and_only_then_see_each_others_answers()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        var url = $"/api/v1/spaces/{spaceId}/check-in";
        var benBefore = await ben.Http.GetStringAsync(new Uri(url, UriKind.Relative));
        var benPageBefore = PageText.WithoutAntiforgery(await ben.Http.GetStringAsync(new Uri($"/spaces/{spaceId}/check-in", UriKind.Relative)));

        const string words = "Ana-canary-4417: more walks after dinner";
        var mine = await ana.CheckInOkAsync(spaceId, new { satisfaction = 7, closeness = 5, needs = words, needsDimension = "experiential", safetyPulse = new Dictionary<string, bool?> { ["pulse.afraid"] = false } });
        Assert.False(mine.GetProperty("showSupport").GetBoolean());
        Assert.Empty(mine.GetProperty("resources").EnumerateArray());
        Assert.Equal(words, mine.GetProperty("week").GetProperty("yours").GetProperty("needs").GetString());
        Assert.False(mine.GetProperty("week").GetProperty("theirs").GetProperty("revealed").GetBoolean());

        // Ben learns nothing, not even that Ana checked in.
        Assert.Equal(benBefore, await ben.Http.GetStringAsync(new Uri(url, UriKind.Relative)));
        Assert.Equal(benPageBefore, PageText.WithoutAntiforgery(await ben.Http.GetStringAsync(new Uri($"/spaces/{spaceId}/check-in", UriKind.Relative))));
        Assert.DoesNotContain("canary-4417", await ben.Http.GetStringAsync(new Uri($"/api/v1/spaces/{spaceId}/trends", UriKind.Relative)), StringComparison.Ordinal);

        // Once per week: a second try is a clear 409 and nothing changes.
        var again = await ana.CheckInAsync(spaceId, new { satisfaction = 1 });
        Assert.Contains("already checked in", (await Expect.ProblemAsync(HttpStatusCode.Conflict, again)).Detail(), StringComparison.Ordinal);

        var bens = await ben.CheckInOkAsync(spaceId, new { satisfaction = 6, closeness = 6, needs = "<b>less</b> screen time & more tea" });
        var revealed = bens.GetProperty("week").GetProperty("theirs");
        Assert.True(revealed.GetProperty("revealed").GetBoolean());
        Assert.Equal(words, revealed.GetProperty("answers").GetProperty("needs").GetString());
        Assert.Equal(7, revealed.GetProperty("answers").GetProperty("satisfaction").GetInt32());
        var forAna = (await ana.GetJsonAsync(url)).GetProperty("theirs");
        Assert.Equal("<b>less</b> screen time & more tea", forAna.GetProperty("answers").GetProperty("needs").GetString());
        var anaPage = await ana.Http.GetStringAsync(new Uri($"/spaces/{spaceId}/check-in", UriKind.Relative));
        Assert.Contains("&lt;b&gt;less&lt;/b&gt; screen time &amp; more tea", anaPage, StringComparison.Ordinal);

        // The same week read by date; and the pair's trend uses only this shared week.
        var week = mine.GetProperty("week").GetProperty("week").GetString();
        Assert.True((await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}/check-in/weeks/{week}")).GetProperty("theirs").GetProperty("revealed").GetBoolean());
        var together = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/trends")).GetProperty("together").EnumerateArray().First(t => t.GetProperty("measure").GetString() == "satisfaction");
        Assert.Equal(6.5, together.GetProperty("points")[0].GetProperty("value").GetDouble());

        // Stored once each, only as ciphertext.
        var rows = await factory.WithDbAsync(db => db.Set<WeeklyCheckIn>().All().Where(c => c.SpaceId == spaceId).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.DoesNotContain("canary-4417", Encoding.UTF8.GetString(r.AnswersCiphertext), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_check_ins_get_a_clear_4xx_and_nothing_is_stored()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        var week = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/check-in")).GetProperty("week").GetString()!;
        var nextWeek = DateOnly.Parse(week, System.Globalization.CultureInfo.InvariantCulture).AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var lastWeek = DateOnly.Parse(week, System.Globalization.CultureInfo.InvariantCulture).AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains("hasn't started yet", (await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.CheckInAsync(spaceId, new { week = nextWeek, satisfaction = 5 }))).FieldErrors("week")[0], StringComparison.Ordinal);
        Assert.Contains("is over", (await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.CheckInAsync(spaceId, new { week = lastWeek, satisfaction = 5 }))).FieldErrors("week")[0], StringComparison.Ordinal);
        var range = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.CheckInAsync(spaceId, new { satisfaction = 11, closeness = 0, phoneFreeMinutes = 20000, appreciation = 6 }));
        Assert.NotEmpty(range.FieldErrors("satisfaction"));
        Assert.NotEmpty(range.FieldErrors("closeness"));
        Assert.Contains("minutes in a week", range.FieldErrors("phoneFreeMinutes")[0], StringComparison.Ordinal);
        Assert.NotEmpty(range.FieldErrors("appreciation"));
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.CheckInAsync(spaceId, new { repair = 5, noTension = true }))).FieldErrors("repair"));
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.CheckInAsync(spaceId, new { needsDimension = "emotional" }))).FieldErrors("needsDimension"));
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.CheckInAsync(spaceId, new { needs = "x", needsDimension = "cosmic" }))).FieldErrors("needsDimension"));
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.CheckInAsync(spaceId, new { needs = new string('a', 1001) }))).FieldErrors("needs"));
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.CheckInAsync(spaceId, new { safetyPulse = new Dictionary<string, bool?> { ["pulse.unknown"] = true } }))).FieldErrors("safetyPulse.pulse.unknown"));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsync(new Uri($"/api/v1/spaces/{spaceId}/check-in", UriKind.Relative), new StringContent("""{"satisfaction":"lots"}""", Encoding.UTF8, "application/json")));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.GetAsync(new Uri($"/api/v1/spaces/{spaceId}/check-in/weeks/{nextWeek}", UriKind.Relative)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<WeeklyCheckIn>().All().CountAsync(c => c.SpaceId == spaceId)));

        // A closed space takes no check-ins: the one who stayed is told it is closed (410).
        await Expect.StatusAsync(HttpStatusCode.NoContent, await ben.LeaveAsync(spaceId));
        await Expect.ProblemAsync(HttpStatusCode.Gone, await ana.CheckInAsync(spaceId, new { satisfaction = 5 }));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<WeeklyCheckIn>().All().CountAsync(c => c.SpaceId == spaceId)));
    }

    [Fact]
    public async Task Assessment_trends_show_the_last_year_however_long_the_history()
    {
        factory.RequireAvailable();
        var (ana, _, spaceId) = await PairAsync();
        await ana.TakeAsync(spaceId, AssessmentDriver.Uniform(3));
        factory.Clock.Advance(TimeSpan.FromDays(7 * 60));
        await ana.SignInAsync();
        await ana.TakeAsync(spaceId, AssessmentDriver.Uniform(6));

        // Like the check-in charts: a year of weeks, with this round's answers and not the one of 60 weeks ago.
        var dimensions = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/trends")).GetProperty("yourDimensions").EnumerateArray().ToList();
        Assert.NotEmpty(dimensions);
        Assert.All(dimensions, d =>
        {
            var points = d.GetProperty("points").EnumerateArray().ToList();
            Assert.InRange(points.Count, 1, InsightService.ChartWeeks);
            var values = points.Where(p => p.GetProperty("value").ValueKind == JsonValueKind.Number).Select(p => p.GetProperty("value").GetDouble()).ToList();
            Assert.Equal([6.0], values);
        });
    }

    [Fact]
    public async Task Eight_weeks_with_a_clear_drop_bring_a_shared_fading_insight_and_a_reconnect_plan()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        for (var week = 1; week <= 8; week++)
        {
            await ana.CheckInOkAsync(spaceId, week <= 5 ? Steady : Low);
            await ben.CheckInOkAsync(spaceId, week <= 5 ? Steady : Low);
            if (week == 5)
            {
                var steady = await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/insights");
                Assert.DoesNotContain("fading", CheckInDriver.Kinds(steady, "both"));
                Assert.Null(steady.GetProperty("planOffer").GetString());
            }

            if (week < 8)
            {
                await CheckInDriver.NextWeekAsync(factory, ana, ben);
            }
        }

        var anaSees = await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/insights");
        var benSees = await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}/insights");
        Assert.Contains("fading", CheckInDriver.Kinds(anaSees, "both"));
        Assert.Contains("fading", CheckInDriver.Kinds(benSees, "both"));
        var fading = anaSees.GetProperty("insights").EnumerateArray().First(i => i.GetProperty("kind").GetString() == "fading");
        Assert.False(string.IsNullOrWhiteSpace(fading.GetProperty("why").GetString()));
        Assert.NotEmpty(fading.GetProperty("evidence").EnumerateArray());
        Assert.Contains(fading.GetProperty("practices").EnumerateArray(), p => p.GetProperty("id").GetString() == "practice.i-statement-talk" && p.GetProperty("title").GetString()!.Length > 0);
        Assert.Equal("both", anaSees.GetProperty("planOffer").GetString());

        // The member's own trend names the drop gently.
        var own = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/trends")).GetProperty("yours").EnumerateArray().First(t => t.GetProperty("measure").GetString() == "satisfaction");
        Assert.Equal("decline", own.GetProperty("change").GetProperty("direction").GetString());
        Assert.Equal(8, own.GetProperty("points").GetArrayLength());

        // Ana starts the plan; it is the pair's, so Ben sees it and his progress shows to Ana.
        var bad = await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/reconnect-plan", new { weeks = 6 });
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, bad)).FieldErrors("weeks"));
        // Both tap "start" at the same moment: one plan starts, the other hears it already has (409).
        var started = await Task.WhenAll(
            ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/reconnect-plan", new { weeks = 3 }),
            ben.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/reconnect-plan", new { weeks = 3 }),
            ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/reconnect-plan", new { weeks = 3 }));
        Assert.Single(started, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(started.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<Hearth.Web.Features.Insights.ReconnectPlanRecord>().IgnoreQueryFilters().CountAsync(p => p.SpaceId == spaceId)));
        await Expect.ProblemAsync(HttpStatusCode.Conflict, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/reconnect-plan", new { weeks = 2 }));
        var plan = (await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}/insights")).GetProperty("plan");
        Assert.Equal("both", plan.GetProperty("audience").GetString());
        Assert.Equal(3, plan.GetProperty("weeks").GetInt32());
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/reconnect-plan/steps/reconnect.honest-talk", new { done = true }));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await ben.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/reconnect-plan/steps/reconnect.nothing", new { done = true }));
        Assert.Equal(1, (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/insights")).GetProperty("plan").GetProperty("done").GetInt32());

        // The plan's "revisit a memory" step points to what brought them close: each sees their own
        // reflections and the ones shared with them, never the other's private ones.
        await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/memories", new { title = "Ana's private reflection", kind = "reflection", date = "2026-05-01", shared = false }));
        await Expect.StatusAsync(HttpStatusCode.Created, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/memories", new { title = "The night market walk", kind = "reflection", date = "2026-05-02", shared = true }));
        var anaPlanPage = (await ana.Http.GetPageAsync($"/spaces/{spaceId}/trends")).QuerySelector("main")!.TextContent;
        var benPlanPage = (await ben.Http.GetPageAsync($"/spaces/{spaceId}/trends")).QuerySelector("main")!.TextContent;
        Assert.Contains("The night market walk", anaPlanPage, StringComparison.Ordinal);
        Assert.Contains("Ana's private reflection", anaPlanPage, StringComparison.Ordinal);
        Assert.Contains("The night market walk", benPlanPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana's private reflection", benPlanPage, StringComparison.Ordinal);

        // A ninth week only Ana has answered so far: private to her, so Ben's insights and trends stay exactly as they were.
        await CheckInDriver.NextWeekAsync(factory, ana, ben);
        var benInsights = await ben.Http.GetStringAsync(new Uri($"/api/v1/spaces/{spaceId}/insights", UriKind.Relative));
        var benTrends = await ben.Http.GetStringAsync(new Uri($"/api/v1/spaces/{spaceId}/trends", UriKind.Relative));
        await ana.CheckInOkAsync(spaceId, new { satisfaction = 0, closeness = 1, feltHeard = 1, repair = 1 });
        Assert.Equal(benInsights, await ben.Http.GetStringAsync(new Uri($"/api/v1/spaces/{spaceId}/insights", UriKind.Relative)));
        Assert.Equal(benTrends, await ben.Http.GetStringAsync(new Uri($"/api/v1/spaces/{spaceId}/trends", UriKind.Relative)));
    }

    [Fact]
    public async Task A_drop_only_one_member_reported_stays_private_and_so_does_their_plan()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        for (var week = 1; week <= 8; week++)
        {
            // Ana checks in every week; Ben only in the first three, so the drop is Ana's alone.
            await ana.CheckInOkAsync(spaceId, week <= 5 ? Steady : Low);
            if (week <= 3)
            {
                await ben.CheckInOkAsync(spaceId, Steady);
            }

            if (week < 8)
            {
                await CheckInDriver.NextWeekAsync(factory, ana, ben);
            }
        }

        var anaSees = await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/insights");
        Assert.Contains("fading", CheckInDriver.Kinds(anaSees, "you"));
        Assert.DoesNotContain("fading", CheckInDriver.Kinds(anaSees, "both"));
        Assert.Equal("you", anaSees.GetProperty("planOffer").GetString());
        var benBefore = await ben.Http.GetStringAsync(new Uri($"/api/v1/spaces/{spaceId}/insights", UriKind.Relative));
        Assert.DoesNotContain("fading", benBefore, StringComparison.Ordinal);

        await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/reconnect-plan", new { weeks = 2 }));
        Assert.Equal("you", (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/insights")).GetProperty("plan").GetProperty("audience").GetString());
        Assert.Equal(benBefore, await ben.Http.GetStringAsync(new Uri($"/api/v1/spaces/{spaceId}/insights", UriKind.Relative)));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await ben.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/reconnect-plan/steps/reconnect.honest-talk", new { done = true }));
    }

    [Fact]
    public async Task Low_ratings_of_feeling_heard_bring_a_private_counselling_card()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        for (var week = 1; week <= 3; week++)
        {
            // Ben checks in only in the first week: Ana's later answers are not revealed, so the card is hers alone.
            await ana.CheckInOkAsync(spaceId, new { satisfaction = 5, feltHeard = 2 });
            if (week == 1)
            {
                await ben.CheckInOkAsync(spaceId, new { satisfaction = 7, feltHeard = 6 });
            }

            if (week < 3)
            {
                await CheckInDriver.NextWeekAsync(factory, ana, ben);
            }
        }

        var anaSees = await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/insights");
        Assert.True(anaSees.GetProperty("showCounselling").GetBoolean());
        Assert.Contains("counselling", CheckInDriver.Kinds(anaSees, "you"));
        Assert.NotEmpty(anaSees.GetProperty("counsellingResources").EnumerateArray());
        var benSees = await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}/insights");
        Assert.False(benSees.GetProperty("showCounselling").GetBoolean());
        Assert.DoesNotContain("counselling", CheckInDriver.Kinds(benSees, "both").Concat(CheckInDriver.Kinds(benSees, "you")));

        var page = await ana.Http.GetStringAsync(new Uri($"/spaces/{spaceId}/trends", UriKind.Relative));
        Assert.Contains("What a first session is like", page, StringComparison.Ordinal);
        Assert.Contains(CounsellingOptions.Defaults[1].Name, page, StringComparison.Ordinal);
        Assert.DoesNotContain("What a first session is like", await ben.Http.GetStringAsync(new Uri($"/spaces/{spaceId}/trends", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Low_ratings_both_can_see_bring_a_shared_counselling_card()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        for (var week = 1; week <= 3; week++)
        {
            await ana.CheckInOkAsync(spaceId, new { satisfaction = 5, feltHeard = 2 });
            await ben.CheckInOkAsync(spaceId, new { satisfaction = 7, feltHeard = 6 });
            if (week < 3)
            {
                await CheckInDriver.NextWeekAsync(factory, ana, ben);
            }
        }

        foreach (var person in new[] { ana, ben })
        {
            var sees = await person.GetJsonAsync($"/api/v1/spaces/{spaceId}/insights");
            Assert.True(sees.GetProperty("showCounselling").GetBoolean());
            Assert.Equal("counselling", CheckInDriver.Kinds(sees, "both").First());
            Assert.DoesNotContain("counselling", CheckInDriver.Kinds(sees, "you"));
            Assert.NotEmpty(sees.GetProperty("counsellingResources").EnumerateArray());
            var page = System.Net.WebUtility.HtmlDecode(await person.Http.GetStringAsync(new Uri($"/spaces/{spaceId}/trends", UriKind.Relative)));
            Assert.Contains("You both see this. Seeing a counsellor together", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Only you see this. Seeing a counsellor", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_safety_pulse_shows_support_only_to_its_owner_and_stores_nothing()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        var result = await ana.CheckInOkAsync(spaceId, new { satisfaction = 6, safetyPulse = new Dictionary<string, bool?> { ["pulse.afraid"] = true, ["pulse.controlled"] = null } });
        Assert.True(result.GetProperty("showSupport").GetBoolean());
        Assert.NotEmpty(result.GetProperty("resources").EnumerateArray());

        // The pulse changes nothing the check-in stores: the row decrypts to the six answers alone.
        var row = await factory.WithDbAsync(db => db.Set<WeeklyCheckIn>().All().SingleAsync(c => c.SpaceId == spaceId));
        Assert.True(row.AnswersCiphertext.Length < 200);
        var columns = await factory.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().SelectMany(t => t.GetProperties()).Select(p => p.Name).ToList()));
        Assert.DoesNotContain(columns, c => c.Contains("pulse", StringComparison.OrdinalIgnoreCase) || c.Contains("safety", StringComparison.OrdinalIgnoreCase));
        await ben.CheckInOkAsync(spaceId, new { satisfaction = 6 });
        Assert.DoesNotContain("pulse", await ben.Http.GetStringAsync(new Uri($"/api/v1/spaces/{spaceId}/check-in", UriKind.Relative)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_reminder_is_discreet_and_only_about_the_members_own_check_in()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        var spaces = "/spaces";
        Assert.DoesNotContain("Something new in Hearth", await ana.Http.GetStringAsync(new Uri(spaces, UriKind.Relative)), StringComparison.Ordinal);

        await ana.SetRitualAsync(spaceId, "monday", "19:00");
        Assert.Contains("Something new in Hearth", await ana.Http.GetStringAsync(new Uri(spaces, UriKind.Relative)), StringComparison.Ordinal);
        var benBefore = await ben.Http.GetStringAsync(new Uri(spaces, UriKind.Relative));
        Assert.Contains("Something new in Hearth", benBefore, StringComparison.Ordinal);

        await ana.CheckInOkAsync(spaceId, new { satisfaction = 7 });
        var anaAfter = await ana.Http.GetStringAsync(new Uri(spaces, UriKind.Relative));
        Assert.DoesNotContain("Something new in Hearth", anaAfter, StringComparison.Ordinal);
        Assert.DoesNotContain("check-in", anaAfter, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(PageText.WithoutAntiforgery(benBefore), PageText.WithoutAntiforgery(await ben.Http.GetStringAsync(new Uri(spaces, UriKind.Relative))));
    }

    [Fact]
    public async Task The_calendar_feed_is_valid_icalendar_says_nothing_personal_and_can_be_switched_off()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        await ana.SetTimeZoneAsync("Europe/London");
        await ana.SetRitualAsync(spaceId, "sunday", "19:30");
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/label", new { label = "Label-canary-9931" }));
        await ana.CheckInOkAsync(spaceId, new { satisfaction = 7, needs = "Needs-canary-5512" });
        Assert.False((await ana.GetJsonAsync("/api/v1/account/calendar-feed")).GetProperty("active").GetBoolean());

        var created = await ana.Http.PostAsync(new Uri("/api/v1/account/calendar-feed", UriKind.Relative), null);
        await Expect.StatusAsync(HttpStatusCode.Created, created);
        var url = new Uri((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!);
        Assert.True((await ana.GetJsonAsync("/api/v1/account/calendar-feed")).GetProperty("active").GetBoolean());

        var anonymous = factory.NewClient();
        var feed = await anonymous.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative));
        await Expect.StatusAsync(HttpStatusCode.OK, feed);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var ics = await feed.Content.ReadAsStringAsync();
        IcsChecks.AssertValid(ics);
        Assert.Contains("DTSTART;TZID=Europe/London:", ics, StringComparison.Ordinal);
        Assert.Contains("T193000\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("RRULE:FREQ=WEEKLY;BYDAY=SU\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Hearth\r\n", ics, StringComparison.Ordinal);
        foreach (var secret in new[] { "Ana", "Ben", "canary", "Label", "romantic", "partner", spaceId.ToString(), "check-in" })
        {
            Assert.DoesNotContain(secret, ics, StringComparison.OrdinalIgnoreCase);
        }

        // Regenerating switches the old link off; revoking switches everything off. Unknown tokens look the same.
        var again = await ana.Http.PostAsync(new Uri("/api/v1/account/calendar-feed", UriKind.Relative), null);
        var newUrl = new Uri((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(newUrl.PathAndQuery, UriKind.Relative))).StatusCode);
        await Expect.StatusAsync(HttpStatusCode.NoContent, await ana.Http.DeleteAsync(new Uri("/api/v1/account/calendar-feed", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(newUrl.PathAndQuery, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri("/calendar/not-a-token.ics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri("/calendar/" + new string('A', 43) + ".ics", UriKind.Relative))).StatusCode);

        // Leaving a space takes its ritual out of the feed.
        var third = new Uri((await (await ana.Http.PostAsync(new Uri("/api/v1/account/calendar-feed", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!);
        await Expect.StatusAsync(HttpStatusCode.NoContent, await ben.LeaveAsync(spaceId));
        var empty = await anonymous.GetStringAsync(new Uri(third.PathAndQuery, UriKind.Relative));
        IcsChecks.AssertValid(empty);
        Assert.DoesNotContain("BEGIN:VEVENT", empty, StringComparison.Ordinal);
    }
}

public sealed class CheckInJourneyOnSqlite(SqliteHearthFactory factory) : CheckInJourneyTests<SqliteHearthFactory>(factory);

public sealed class CheckInJourneyOnPostgres(PostgresHearthFactory factory) : CheckInJourneyTests<PostgresHearthFactory>(factory);

/// <summary>RFC 5545 basics every feed must meet.</summary>
public static class IcsChecks
{
    public static void AssertValid(string ics)
    {
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nVERSION:2.0\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nPRODID:", ics, StringComparison.Ordinal);
        Assert.DoesNotMatch("[^\r]\n", ics);
        Assert.DoesNotMatch("\r[^\n]", ics);
        var lines = ics[..^2].Split("\r\n");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"line longer than 75 octets: {l}"));
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Equal(Count(unfolded, "BEGIN:VEVENT"), Count(unfolded, "END:VEVENT"));
        Assert.Equal(Count(unfolded, "BEGIN:VTIMEZONE"), Count(unfolded, "END:VTIMEZONE"));
        foreach (var line in unfolded.Split("\r\n").Where(l => l.StartsWith("DTSTART", StringComparison.Ordinal) && !l.StartsWith("DTSTART:19", StringComparison.Ordinal)))
        {
            Assert.Matches("^DTSTART(;TZID=[A-Za-z_/+-]+)?:\\d{8}T\\d{6}$", line);
        }

        Assert.All(unfolded.Split("\r\n").Where(l => l.StartsWith("DTSTAMP:", StringComparison.Ordinal)), l => Assert.Matches("^DTSTAMP:\\d{8}T\\d{6}Z$", l));
    }

    private static int Count(string text, string what) =>
        text.Split("\r\n").Count(l => l == what);
}

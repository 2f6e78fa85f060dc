using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Tests.Assessments;
using Hearth.Web.Tests.CheckIns;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.BigPicture;

/// <summary>
/// Checking in on the big picture, on each database: the retake offer week by week with the test
/// clock (after about three months, not before, not when turned off, gone after a retake), and
/// "what changed" only between rounds both finished.
/// </summary>
public abstract class BigPictureJourneyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    private async Task<(Person Ana, Person Ben, Guid SpaceId)> PairAsync()
    {
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        return (ana, ben, spaceId);
    }

    private static async Task<bool> OfferedAsync(Person person, Guid spaceId) =>
        (await person.GetJsonAsync($"/api/v1/spaces/{spaceId}/assessment/retake-offer")).GetProperty("offered").GetBoolean();

    private static Task<HttpResponseMessage> SetOfferAsync(Person person, Guid spaceId, object body) =>
        person.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/retake-offer", body);

    [Fact]
    public async Task The_retake_offer_appears_after_about_three_months_not_before_not_when_off_and_goes_after_a_retake()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        Assert.False(await OfferedAsync(ana, spaceId));
        await ana.TakeAsync(spaceId, AssessmentDriver.Uniform(4));
        var view = await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/assessment/retake-offer");
        Assert.True(view.GetProperty("enabled").GetBoolean());
        Assert.Equal(13, view.GetProperty("weeks").GetInt32());

        // Week by week: nothing for twelve weeks, then the offer. Ben never took it, so he is never offered one.
        var firstOffered = 0;
        for (var week = 1; week <= 14; week++)
        {
            await CheckInDriver.NextWeekAsync(factory, ana, ben);
            if (await OfferedAsync(ana, spaceId) && firstOffered == 0)
            {
                firstOffered = week;
            }

            Assert.False(await OfferedAsync(ben, spaceId));
        }

        Assert.Equal(13, firstOffered);

        // Either member may change the pair's choice: Ben turns it off, and Ana's offer goes.
        await Expect.StatusAsync(HttpStatusCode.OK, await SetOfferAsync(ben, spaceId, new { enabled = false }));
        Assert.False(await OfferedAsync(ana, spaceId));
        Assert.False((await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/assessment/retake-offer")).GetProperty("enabled").GetBoolean());
        await CheckInDriver.NextWeekAsync(factory, ana, ben);
        Assert.False(await OfferedAsync(ana, spaceId));

        // On again after 20 weeks: 15 weeks have passed, so not yet; at 20 it is back.
        await Expect.StatusAsync(HttpStatusCode.OK, await SetOfferAsync(ana, spaceId, new { enabled = true, weeks = 20 }));
        Assert.False(await OfferedAsync(ana, spaceId));
        for (var week = 16; week <= 20; week++)
        {
            await CheckInDriver.NextWeekAsync(factory, ana, ben);
        }

        Assert.True(await OfferedAsync(ana, spaceId));

        // Bad input: said beside the field, nothing changed.
        var bad = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await SetOfferAsync(ana, spaceId, new { weeks = 2 }));
        Assert.Contains("between 4 and 52 weeks", bad.FieldErrors("weeks")[0], StringComparison.Ordinal);
        Assert.Equal(20, (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/assessment/retake-offer")).GetProperty("weeks").GetInt32());

        // A retake: the offer goes as soon as it starts, and stays away after it is finished.
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/start", new { sexualOptIn = false }));
        Assert.False(await OfferedAsync(ana, spaceId));
        await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/complete", new { });
        Assert.False(await OfferedAsync(ana, spaceId));
        await CheckInDriver.NextWeekAsync(factory, ana, ben);
        Assert.False(await OfferedAsync(ana, spaceId));
    }

    [Fact]
    public async Task What_changed_shows_each_persons_own_change_only_between_rounds_both_finished()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        var url = $"/api/v1/spaces/{spaceId}/assessment/changes";
        Assert.False((await ana.GetJsonAsync(url)).GetProperty("ready").GetBoolean());

        await ana.TakeAsync(spaceId, AssessmentDriver.Uniform(3));
        await ben.TakeAsync(spaceId, AssessmentDriver.Uniform(5));
        Assert.False((await ana.GetJsonAsync(url)).GetProperty("ready").GetBoolean());
        var benBefore = (await ben.GetJsonAsync(url)).GetRawText();

        // Ana retakes; Ben's view says nothing about it until he has finished a second round too.
        await CheckInDriver.NextWeekAsync(factory, ana, ben);
        await ana.TakeAsync(spaceId, AssessmentDriver.Uniform(6));
        Assert.Equal(benBefore, (await ben.GetJsonAsync(url)).GetRawText());
        var anaWaiting = await ana.GetJsonAsync(url);
        Assert.False(anaWaiting.GetProperty("ready").GetBoolean());
        Assert.Empty(anaWaiting.GetProperty("dimensions").EnumerateArray());

        // Ben shares only emotional closeness in his second round: only that is compared.
        await ben.TakeAsync(spaceId, AssessmentDriver.Uniform(5), share: ["emotional"]);
        var changes = await ana.GetJsonAsync(url);
        Assert.True(changes.GetProperty("ready").GetBoolean());
        Assert.Equal(1, changes.GetProperty("from").GetInt32());
        Assert.Equal(2, changes.GetProperty("to").GetInt32());
        var emotional = Assert.Single(changes.GetProperty("dimensions").EnumerateArray());
        Assert.Equal("emotional", emotional.GetProperty("dimension").GetString());
        Assert.Equal("reliablyHigher", emotional.GetProperty("you").GetProperty("kind").GetString());
        Assert.True(emotional.GetProperty("you").GetProperty("reliable").GetBoolean());
        Assert.Equal(50, emotional.GetProperty("you").GetProperty("change").GetDouble());
        Assert.Equal("steady", emotional.GetProperty("them").GetProperty("kind").GetString());
        Assert.Contains("Feels stronger for Ana now", (await ben.GetJsonAsync(url)).GetProperty("dimensions")[0].GetProperty("them").GetProperty("words").GetString(), StringComparison.Ordinal);
        Assert.Contains("about 24.8 points of 100", changes.GetProperty("why").GetString(), StringComparison.Ordinal);

        // Bad input: clear, beside the field.
        Assert.Contains("1 or more", (await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.GetAsync(new Uri($"{url}?from=0", UriKind.Relative)))).FieldErrors("from")[0], StringComparison.Ordinal);
        Assert.Contains("higher number", (await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.GetAsync(new Uri($"{url}?from=2&to=1", UriKind.Relative)))).FieldErrors("to")[0], StringComparison.Ordinal);
        Assert.False((await ana.GetJsonAsync($"{url}?from=1&to=3")).GetProperty("ready").GetBoolean());
    }

    [Fact]
    public async Task The_page_offers_a_fresh_look_shows_what_changed_and_keeps_the_pairs_choice()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        var page = $"/spaces/{spaceId}/assessment/changes";
        Assert.Contains("Once you've taken the closeness assessment", Read(await ana.Http.GetPageAsync(page)), StringComparison.Ordinal);

        await ana.TakeAsync(spaceId, AssessmentDriver.Uniform(3));
        await ben.TakeAsync(spaceId, AssessmentDriver.Uniform(5));
        factory.Clock.Advance(TimeSpan.FromDays(7 * 13));
        await ana.SignInAsync();
        await ben.SignInAsync();
        Assert.Contains("Time for a fresh look?", Read(await ana.Http.GetPageAsync($"/spaces/{spaceId}")), StringComparison.Ordinal);
        Assert.Contains("Time for a fresh look?", Read(await ana.Http.GetPageAsync(page)), StringComparison.Ordinal);

        var bad = await ana.Http.SubmitAsync(page, new Dictionary<string, string> { ["Input.Weeks"] = "100" }, handler: "Offer");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("between 4 and 52 weeks", (await bad.ParseAsync()).FieldError("Input.Weeks"), StringComparison.Ordinal);

        var off = await ben.Http.SubmitAsync(page, new Dictionary<string, string> { ["Input.Enabled"] = "false", ["Input.Weeks"] = "13" }, handler: "Offer");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        var anaPage = Read(await ana.Http.GetPageAsync(page));
        Assert.Contains("The offer is turned off", anaPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Time for a fresh look?", Read(await ana.Http.GetPageAsync($"/spaces/{spaceId}")), StringComparison.Ordinal);

        await ana.TakeAsync(spaceId, AssessmentDriver.Uniform(6));
        await ben.TakeAsync(spaceId, AssessmentDriver.Uniform(5));
        var changes = Read(await ana.Http.GetPageAsync(page));
        Assert.Contains("From round 1 to round 2", changes, StringComparison.Ordinal);
        Assert.Contains("Feels stronger for you now", changes, StringComparison.Ordinal);
        Assert.Contains("About the same for Ben", changes, StringComparison.Ordinal);
        Assert.Contains("see what changed for each of you", Read(await ben.Http.GetPageAsync($"/spaces/{spaceId}")), StringComparison.Ordinal);
    }

    private static string Read(AngleSharp.Html.Dom.IHtmlDocument page) =>
        System.Text.RegularExpressions.Regex.Replace(page.QuerySelector("main")!.TextContent, "\\s+", " ");
}

public sealed class BigPictureJourneyOnSqlite(SqliteHearthFactory factory) : BigPictureJourneyTests<SqliteHearthFactory>(factory);

public sealed class BigPictureJourneyOnPostgres(PostgresHearthFactory factory) : BigPictureJourneyTests<PostgresHearthFactory>(factory);

using System.Net;
using AngleSharp.Html.Dom;
using Hearth.Web.Features.Memories;
using Hearth.Web.Features.Notes;
using Hearth.Web.Features.QualityTime;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Tests.Daily;

/// <summary>The daily pages as a browser without JavaScript uses them: forms, messages beside fields, nothing half-written.</summary>
public sealed class DailyPageTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    [Fact]
    public async Task Every_daily_page_has_a_neutral_title_and_a_quick_exit_and_the_space_page_links_them()
    {
        var (ana, _, spaceId) = await PairAsync();
        var space = await ana.Http.GetPageAsync($"/spaces/{spaceId}");
        var links = space.QuerySelectorAll(".today-links a").Select(a => a.GetAttribute("href")).ToList();
        foreach (var path in new[] { "today", "time", "notes", "memories", "practices", "settings" })
        {
            var url = $"/spaces/{spaceId}/{path}";
            Assert.Contains(url, links);
            var page = await ana.Http.GetPageAsync(url);
            Assert.Equal("Hearth", page.Title);
            Assert.NotNull(page.QuerySelector("a[data-quick-exit]"));
        }

        foreach (var url in new[] { $"/spaces/{spaceId}/time/week", "/learn", "/account/settings" })
        {
            Assert.Equal("Hearth", (await ana.Http.GetPageAsync(url)).Title);
        }
    }

    [Fact]
    public async Task Answering_on_the_today_page_shows_messages_beside_the_field()
    {
        var (ana, _, spaceId) = await PairAsync();
        var url = $"/spaces/{spaceId}/today";

        var empty = await ana.Http.SubmitAsync(url, new Dictionary<string, string> { ["Text"] = "  " }, handler: "Answer");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Skipping is always fine", (await empty.ParseAsync()).FieldError("Text"), StringComparison.Ordinal);

        var ok = await ana.Http.SubmitAsync(url, new Dictionary<string, string> { ["Text"] = "Tea <em>first</em>" }, handler: "Answer");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var page = await ana.Http.GetPageAsync(url);
        Assert.Equal("Tea <em>first</em>", page.QuerySelector(".answer")!.TextContent);
        Assert.Null(page.QuerySelector(".answer em"));
        Assert.Contains("once Ben has answered too", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Time_together_pages_start_stop_and_refuse_bad_minutes()
    {
        var (ana, _, spaceId) = await PairAsync();
        var url = $"/spaces/{spaceId}/time";

        Assert.Equal(HttpStatusCode.Redirect, (await ana.Http.SubmitAsync(url, new Dictionary<string, string>(), handler: "Start")).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.Redirect, (await ana.Http.SubmitAsync(url, new Dictionary<string, string>(), handler: "Stop")).StatusCode);
        Assert.Contains("15 minutes", (await ana.Http.GetPageAsync(url)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Stopping again (a second tab): a clear message, nothing recorded twice.
        var twice = await PostWithTokenAsync(ana.Http, url, "Stop");
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("not running", (await twice.ParseAsync()).PageError(), StringComparison.Ordinal);

        var negative = await ana.Http.SubmitAsync(url, new Dictionary<string, string> { ["Input.Minutes"] = "-10" }, handler: "Add");
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("can't be negative", (await negative.ParseAsync()).FieldError("Input.Minutes"), StringComparison.Ordinal);
        var future = await ana.Http.SubmitAsync(url, new Dictionary<string, string> { ["Input.Minutes"] = "10", ["Input.Date"] = "2999-01-01" }, handler: "Add");
        Assert.Contains("not happened yet", (await future.ParseAsync()).FieldError("Input.Date"), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<TimeTogether>().All().CountAsync(t => t.SpaceId == spaceId)));

        var week = await ana.Http.GetPageAsync($"{url}/week");
        Assert.Contains("You two found 15 minutes together this week.", week.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("streak", week.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Notes_and_memories_pages_keep_bad_input_beside_the_field_and_write_nothing()
    {
        var (ana, ben, spaceId) = await PairAsync();

        var emptyNote = await ana.Http.SubmitAsync($"/spaces/{spaceId}/notes", new Dictionary<string, string> { ["Input.Kind"] = "appreciation", ["Input.Text"] = "" }, handler: "Send");
        Assert.Equal(HttpStatusCode.BadRequest, emptyNote.StatusCode);
        Assert.Contains("what you appreciate", (await emptyNote.ParseAsync()).FieldError("Input.Text"), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Note>().All().CountAsync(n => n.SpaceId == spaceId)));

        var sent = await ana.Http.SubmitAsync($"/spaces/{spaceId}/notes", new Dictionary<string, string> { ["Input.Kind"] = "appreciation", ["Input.Text"] = "Thanks for the lift.", ["Input.CareWay"] = "acts" }, handler: "Send");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var received = await ben.Http.GetPageAsync($"/spaces/{spaceId}/notes");
        Assert.Contains("Thanks for the lift.", received.QuerySelector(".note.is-new")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ben.Http.SubmitAsync($"/spaces/{spaceId}/notes", new Dictionary<string, string>(), handler: "Read")).StatusCode);
        Assert.Null((await ben.Http.GetPageAsync($"/spaces/{spaceId}/notes")).QuerySelector(".note.is-new"));

        var emptyMemory = await ana.Http.SubmitAsync($"/spaces/{spaceId}/memories", new Dictionary<string, string> { ["Input.Title"] = "", ["Input.Kind"] = "first" });
        Assert.Equal(HttpStatusCode.BadRequest, emptyMemory.StatusCode);
        Assert.Contains("short title", (await emptyMemory.ParseAsync()).FieldError("Input.Title"), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Memory>().All().CountAsync(m => m.SpaceId == spaceId)));

        var added = await ana.Http.SubmitAsync($"/spaces/{spaceId}/memories", new Dictionary<string, string> { ["Input.Title"] = "First picnic", ["Input.Kind"] = "first", ["Input.Visibility"] = "private" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.DoesNotContain("First picnic", (await ben.Http.GetPageAsync($"/spaces/{spaceId}/memories")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var editLink = (await ana.Http.GetPageAsync($"/spaces/{spaceId}/memories")).QuerySelector(".memory a")!.GetAttribute("href")!;
        var edited = await ana.Http.SubmitAsync(editLink, new Dictionary<string, string> { ["Input.Title"] = "Our first picnic", ["Input.Kind"] = "first", ["Input.Visibility"] = "shared" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("Our first picnic", (await ben.Http.GetPageAsync($"/spaces/{spaceId}/memories")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_practices_and_a_time_zone_from_sign_up()
    {
        var (ana, _, spaceId) = await PairAsync();
        var badGoal = await ana.Http.SubmitAsync($"/spaces/{spaceId}/settings", new Dictionary<string, string> { ["Input.DailyGoalMinutes"] = "500", ["Input.TimeZoneId"] = "Europe/Lisbon" });
        Assert.Equal(HttpStatusCode.BadRequest, badGoal.StatusCode);
        Assert.Contains("between 10 and 120", (await badGoal.ParseAsync()).FieldError("Input.DailyGoalMinutes"), StringComparison.Ordinal);
        var saved = await ana.Http.SubmitAsync($"/spaces/{spaceId}/settings", new Dictionary<string, string> { ["Input.DailyGoalMinutes"] = "30", ["Input.TimeZoneId"] = "Europe/Lisbon", ["Input.LivingApart"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var apart = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/settings"));
        Assert.True(apart.GetProperty("livingApart").GetBoolean());
        Assert.Equal("Europe/Lisbon", apart.GetProperty("timeZoneId").GetString());

        var added = await ana.Http.SubmitAsync($"/spaces/{spaceId}/practices", new Dictionary<string, string>(), handler: "Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var practices = await ana.Http.GetPageAsync($"/spaces/{spaceId}/practices");
        Assert.Contains("Take off our list", practices.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Sign-up carries the browser's zone (filled by a small script); anything unknown becomes UTC.
        var http = factory.NewClient();
        var response = await http.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Zed",
            ["Input.Email"] = $"{Guid.NewGuid():N}@example.org",
            ["Input.Password"] = Person.DefaultPassword,
            ["Input.TimeZone"] = "Asia/Kolkata",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var settings = await http.GetPageAsync("/account/settings");
        Assert.Equal("Asia/Kolkata", ((IHtmlSelectElement)settings.QuerySelector("select")!).Value);
        var bad = await http.SubmitAsync("/account/settings", new Dictionary<string, string> { ["TimeZoneId"] = "Nowhere/Land" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.ParseAsync()).FieldError("TimeZoneId"));
    }

    private async Task<(Person Ana, Person Ben, Guid SpaceId)> PairAsync()
    {
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        return (ana, ben, await ana.PairWithAsync(ben));
    }

    private static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient http, string url, string handler)
    {
        var page = await http.GetPageAsync(url);
        var token = page.QuerySelector("input[name='__af']")!.GetAttribute("value")!;
        return await http.PostAsync(new Uri($"{url}?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = token }));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Core.Assessments;
using Hearth.Core.Dimensions;
using Hearth.Web.Features.Debriefs;
using Hearth.Web.Tests.Assessments;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Debriefs;

/// <summary>The debrief for two after the shared map, through the API and the pages.</summary>
public abstract class DebriefJourneyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    /// <summary>Experience answers by dimension (1-7), everything else mid-scale.</summary>
    public static Func<AssessmentItem, int> ByDimension(IReadOnlyDictionary<Dimension, int> experience) => item =>
        item.Section == AssessmentSection.Experience && item.Dimension is { } d && experience.TryGetValue(d, out var e)
            ? (item.IsReverseKeyed ? 8 - e : e)
            : AssessmentDriver.Uniform(4)(item);

    /// <summary>Two people close in some dimensions and far apart in others: a debrief with strengths and topics.</summary>
    internal static readonly Dictionary<Dimension, int> AnaFeels = new()
    {
        [Dimension.Emotional] = 7, [Dimension.Physical] = 2, [Dimension.Intellectual] = 7, [Dimension.Spiritual] = 4, [Dimension.Experiential] = 2,
    };

    internal static readonly Dictionary<Dimension, int> BenFeels = new()
    {
        [Dimension.Emotional] = 7, [Dimension.Physical] = 6, [Dimension.Intellectual] = 7, [Dimension.Spiritual] = 4, [Dimension.Experiential] = 2,
    };

    private async Task<(Person Ana, Person Ben, Guid SpaceId)> PairAsync(string kind = "romantic")
    {
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        return (ana, ben, await ana.PairWithAsync(ben, kind));
    }

    private static string Url(Guid spaceId, string rest = "") => $"/api/v1/spaces/{spaceId}/assessment/debrief{rest}";

    /// <summary>The debrief as both read it: strengths and topics, without anyone's saved marks.</summary>
    private static string Shape(JsonElement debrief) => string.Join("\n",
        debrief.GetProperty("strengths").EnumerateArray().Select(s => s.GetProperty("id").GetString())
            .Concat(debrief.GetProperty("topics").EnumerateArray().Select(t =>
                $"{t.GetProperty("dimension").GetString()}:{t.GetProperty("reason").GetString()}:{string.Join(",", t.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetString()))}:{t.GetProperty("starter").GetProperty("id").GetString()}:{t.GetProperty("practice").GetProperty("id").GetString()}")));

    [Fact]
    public async Task The_debrief_opens_only_when_both_finished_and_both_read_the_same_strengths_first_then_topics()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        await ana.TakeAsync(spaceId, ByDimension(AnaFeels));
        foreach (var person in new[] { ana, ben })
        {
            var waiting = await person.GetJsonAsync(Url(spaceId));
            Assert.False(waiting.GetProperty("ready").GetBoolean());
            Assert.Empty(waiting.GetProperty("topics").EnumerateArray());
        }

        var early = await Expect.ProblemAsync(HttpStatusCode.Conflict, await ana.Http.PutAsync(new Uri(Url(spaceId, "/saved/debrief.strength.emotional"), UriKind.Relative), null));
        Assert.Contains("both finished", early.Detail(), StringComparison.Ordinal);

        await ben.TakeAsync(spaceId, ByDimension(BenFeels));
        var hers = await ana.GetJsonAsync(Url(spaceId));
        var his = await ben.GetJsonAsync(Url(spaceId));
        Assert.True(hers.GetProperty("ready").GetBoolean());
        Assert.Equal(Shape(hers), Shape(his));

        // Strengths first: emotional and intellectual feel strong to both.
        Assert.Equal(["debrief.strength.emotional", "debrief.strength.intellectual"], hers.GetProperty("strengths").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        // Physical: 17 vs 83 differ; experiential: both thin (room for more); spiritual: alike and middling, left alone.
        var topics = hers.GetProperty("topics").EnumerateArray().ToList();
        Assert.Equal(["physical:differ", "experiential:roomForMore"], topics.Select(t => $"{t.GetProperty("dimension").GetString()}:{t.GetProperty("reason").GetString()}"));
        Assert.All(topics, t =>
        {
            Assert.Equal(["light", "medium", "deep"], t.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("depth").GetString()));
            Assert.StartsWith("I ", t.GetProperty("starter").GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(t.GetProperty("practice").GetProperty("title").GetString()));
        });
    }

    [Fact]
    public async Task Only_what_both_shared_reaches_the_debrief()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        await ana.TakeAsync(spaceId, ByDimension(AnaFeels), share: ["emotional", "physical"]);
        await ben.TakeAsync(spaceId, ByDimension(BenFeels), share: ["emotional", "experiential"]);
        var debrief = await ana.GetJsonAsync(Url(spaceId));
        Assert.Equal(["debrief.strength.emotional"], debrief.GetProperty("strengths").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Empty(debrief.GetProperty("topics").EnumerateArray());
    }

    [Fact]
    public async Task Saving_for_a_counsellor_is_each_members_own_and_changes_nothing_the_other_sees()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        await ana.TakeAsync(spaceId, ByDimension(AnaFeels));
        await ben.TakeAsync(spaceId, ByDimension(BenFeels));
        var benBefore = await ben.Http.GetStringAsync(new Uri(Url(spaceId), UriKind.Relative));
        var benPageBefore = PageText.WithoutAntiforgery(await ben.Http.GetStringAsync(new Uri($"/spaces/{spaceId}/assessment/debrief", UriKind.Relative)));

        var saved = await ana.Http.PutAsync(new Uri(Url(spaceId, "/saved/debrief.q.physical.romantic.deep"), UriKind.Relative), null);
        await Expect.StatusAsync(HttpStatusCode.OK, saved);
        Assert.Equal(["debrief.q.physical.romantic.deep"], (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("itemIds").EnumerateArray().Select(i => i.GetString()));
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsync(new Uri(Url(spaceId, "/saved/debrief.q.physical.romantic.deep"), UriKind.Relative), null));

        var hers = await ana.GetJsonAsync(Url(spaceId));
        var question = hers.GetProperty("topics")[0].GetProperty("questions")[2];
        Assert.True(question.GetProperty("saved").GetBoolean());
        Assert.Equal(benBefore, await ben.Http.GetStringAsync(new Uri(Url(spaceId), UriKind.Relative)));
        Assert.Equal(benPageBefore, PageText.WithoutAntiforgery(await ben.Http.GetStringAsync(new Uri($"/spaces/{spaceId}/assessment/debrief", UriKind.Relative))));

        // The counsellor hook: one saved it (never saying who), then both did.
        using (var scope = factory.Services.CreateScope())
        {
            var shelf = scope.ServiceProvider.GetRequiredService<CounsellorShelf>();
            Assert.Equal([new CounsellorSavedItem("debrief.q.physical.romantic.deep", false)], await shelf.ForSpaceAsync(spaceId));
        }

        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PutAsync(new Uri(Url(spaceId, "/saved/debrief.q.physical.romantic.deep"), UriKind.Relative), null));
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PutAsync(new Uri(Url(spaceId, "/saved/debrief.strength.emotional"), UriKind.Relative), null));
        using (var scope = factory.Services.CreateScope())
        {
            var shelf = scope.ServiceProvider.GetRequiredService<CounsellorShelf>();
            Assert.Equal(
                [new CounsellorSavedItem("debrief.q.physical.romantic.deep", true), new CounsellorSavedItem("debrief.strength.emotional", false)],
                await shelf.ForSpaceAsync(spaceId));
        }

        // Undo, and the print summary carries nobody's saved marks.
        var removed = await ana.Http.DeleteAsync(new Uri(Url(spaceId, "/saved/debrief.q.physical.romantic.deep"), UriKind.Relative));
        await Expect.StatusAsync(HttpStatusCode.OK, removed);
        Assert.Empty((await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("itemIds").EnumerateArray());
        var summary = System.Net.WebUtility.HtmlDecode(await ben.Http.GetStringAsync(new Uri($"/spaces/{spaceId}/assessment/debrief/summary", UriKind.Relative)));
        Assert.Contains("Which small gesture of affection from me do you enjoy most?", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Saved for a counsellor", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Save for a counsellor", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Something_not_in_the_debrief_cannot_be_saved_and_nothing_is_written()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        await ana.TakeAsync(spaceId, ByDimension(AnaFeels));
        await ben.TakeAsync(spaceId, ByDimension(BenFeels));
        foreach (var id in new[] { "debrief.q.spiritual.light", "practice.nothing-like-it", "debrief.q.physical.warmth.light" })
        {
            var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PutAsync(new Uri(Url(spaceId, $"/saved/{id}"), UriKind.Relative), null));
            Assert.Contains("isn't part of your debrief", Assert.Single(problem.FieldErrors("itemId")), StringComparison.Ordinal);
        }

        Assert.DoesNotContain((await ana.GetJsonAsync(Url(spaceId))).GetProperty("topics").EnumerateArray().SelectMany(t => t.GetProperty("questions").EnumerateArray()), q => q.GetProperty("saved").GetBoolean());
        using var scope = factory.Services.CreateScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<CounsellorShelf>().ForSpaceAsync(spaceId));
    }

    [Fact]
    public async Task Friends_read_friends_words_and_the_page_saves_and_takes_off_with_a_form()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync("friends");
        await ana.TakeAsync(spaceId, ByDimension(AnaFeels), kind: "friends");
        await ben.TakeAsync(spaceId, ByDimension(BenFeels), kind: "friends");
        var page = $"/spaces/{spaceId}/assessment/debrief";
        var text = System.Net.WebUtility.HtmlDecode(await ana.Http.GetStringAsync(new Uri(page, UriKind.Relative)));
        Assert.Contains("Are you a hugger, a high-fiver or a wave-from-across-the-room person?", text, StringComparison.Ordinal);
        Assert.DoesNotContain("affection from me", text, StringComparison.Ordinal);

        var posted = await ana.Http.SubmitAsync(page, new Dictionary<string, string>(), handler: "Save");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("Saved for a counsellor.", System.Net.WebUtility.HtmlDecode(await ana.Http.GetStringAsync(new Uri(page, UriKind.Relative))), StringComparison.Ordinal);
        var undone = await ana.Http.SubmitAsync(page, new Dictionary<string, string>(), handler: "Unsave");
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        Assert.DoesNotContain("Saved for a counsellor.", System.Net.WebUtility.HtmlDecode(await ana.Http.GetStringAsync(new Uri(page, UriKind.Relative))), StringComparison.Ordinal);

        var bad = await ana.Http.SubmitAsync(page, new Dictionary<string, string> { ["ItemId"] = "debrief.q.physical.romantic.light" }, handler: "Save");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("isn't part of your debrief", System.Net.WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}

public sealed class DebriefJourneyOnSqlite(SqliteHearthFactory factory) : DebriefJourneyTests<SqliteHearthFactory>(factory);

public sealed class DebriefJourneyOnPostgres(PostgresHearthFactory factory) : DebriefJourneyTests<PostgresHearthFactory>(factory);

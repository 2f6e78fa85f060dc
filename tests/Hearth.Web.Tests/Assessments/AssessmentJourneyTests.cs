using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Assessments;

public abstract class AssessmentJourneyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    [Fact]
    public async Task Each_sees_their_own_results_at_once_and_the_map_only_when_both_finished_the_same_round()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);

        await ana.TakeAsync(spaceId, AssessmentDriver.Uniform(experience: 2, importance: 7));
        var anaResults = await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/assessment/results");
        var emotional = anaResults.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("dimension").GetString() == "emotional");
        Assert.Equal(17, emotional.GetProperty("experience").GetProperty("percent").GetDouble());
        Assert.True(emotional.GetProperty("isPriority").GetBoolean());
        Assert.Contains(anaResults.GetProperty("statements").EnumerateArray(), s => s.GetProperty("kind").GetString() == "priority" && s.GetProperty("why").GetString()!.Length > 10);

        // Before Ben finishes, both see only "waiting", and nothing of the other's numbers.
        foreach (var person in new[] { ana, ben })
        {
            var waiting = await person.GetJsonAsync($"/api/v1/spaces/{spaceId}/assessment/map");
            Assert.False(waiting.GetProperty("ready").GetBoolean());
            Assert.Empty(waiting.GetProperty("dimensions").EnumerateArray());
        }

        await Expect.ProblemAsync(HttpStatusCode.NotFound, await ben.Http.GetAsync(new Uri($"/api/v1/spaces/{spaceId}/assessment/results", UriKind.Relative)));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await ben.Http.GetAsync(new Uri($"/api/v1/spaces/{spaceId}/assessment/results?round=1", UriKind.Relative)));

        await ben.TakeAsync(spaceId, AssessmentDriver.Uniform(experience: 6, importance: 6));
        foreach (var (person, you, them) in new[] { (ana, 17d, 83d), (ben, 83d, 17d) })
        {
            var map = await person.GetJsonAsync($"/api/v1/spaces/{spaceId}/assessment/map");
            Assert.True(map.GetProperty("ready").GetBoolean());
            Assert.Equal(1, map.GetProperty("round").GetInt32());
            var emo = map.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("dimension").GetString() == "emotional");
            Assert.Equal(you, emo.GetProperty("you").GetDouble());
            Assert.Equal(them, emo.GetProperty("them").GetDouble());
            Assert.Equal("experienceDifferently", emo.GetProperty("outcome").GetString());
            Assert.Contains("differently", emo.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        // Ben's own results are Ben's, never Ana's.
        var benResults = await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}/assessment/results");
        Assert.Equal(83, benResults.GetProperty("dimensions")[0].GetProperty("experience").GetProperty("percent").GetDouble());
    }

    [Fact]
    public async Task Only_the_dimensions_both_chose_to_share_appear_in_the_map()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var ben = await Person.RegisterAsync(factory);
        var spaceId = await ana.PairWithAsync(ben);
        await ana.TakeAsync(spaceId, AssessmentDriver.Uniform(3), share: ["emotional", "intellectual"]);
        await ben.TakeAsync(spaceId, AssessmentDriver.Uniform(5), share: ["emotional", "physical", "spiritual", "experiential"]);

        var map = await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/assessment/map");
        var dims = map.GetProperty("dimensions").EnumerateArray().ToDictionary(d => d.GetProperty("dimension").GetString()!);
        Assert.True(dims["emotional"].GetProperty("shared").GetBoolean());
        foreach (var hidden in new[] { "physical", "intellectual", "spiritual", "experiential" })
        {
            Assert.False(dims[hidden].GetProperty("shared").GetBoolean());
            Assert.Equal(JsonValueKind.Null, dims[hidden].GetProperty("them").ValueKind);
            Assert.Equal(JsonValueKind.Null, dims[hidden].GetProperty("you").ValueKind);
            Assert.Equal("notShared", dims[hidden].GetProperty("outcome").GetString());
        }
    }

    [Fact]
    public async Task Answers_are_saved_section_by_section_and_a_retake_keeps_earlier_rounds()
    {
        factory.RequireAvailable();
        var sam = await Person.RegisterAsync(factory);
        var spaceId = await sam.CreateSpaceAsync("friends");
        await Expect.StatusAsync(HttpStatusCode.OK, await sam.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/start", new { sexualOptIn = true }));

        var saved = await sam.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/answers", new { answers = new Dictionary<string, object> { ["anchor.1"] = 6, ["anchor.2"] = "preferNotToSay" }, nextSection = "experience" });
        await Expect.StatusAsync(HttpStatusCode.OK, saved);

        // Come back later: the answers and the place are remembered. Friends never get the sexual questions.
        var state = await sam.GetJsonAsync($"/api/v1/spaces/{spaceId}/assessment");
        Assert.Equal("inProgress", state.GetProperty("status").GetString());
        Assert.Equal("experience", state.GetProperty("currentSection").GetString());
        Assert.Equal("6", state.GetProperty("answers").GetProperty("anchor.1").GetString());
        Assert.Equal("preferNotToSay", state.GetProperty("answers").GetProperty("anchor.2").GetString());
        Assert.False(state.GetProperty("sexualOptIn").GetBoolean());
        Assert.DoesNotContain("sexual", state.GetProperty("steps").EnumerateArray().Select(s => s.GetString()));

        await Expect.StatusAsync(HttpStatusCode.OK, await sam.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/complete", new { }));
        await sam.TakeAsync(spaceId, AssessmentDriver.Uniform(6), kind: "friends");
        var results = await sam.GetJsonAsync($"/api/v1/spaces/{spaceId}/assessment/results");
        Assert.Equal(2, results.GetProperty("round").GetInt32());
        Assert.Equal(2, results.GetProperty("rounds").GetArrayLength());
        var first = await sam.GetJsonAsync($"/api/v1/spaces/{spaceId}/assessment/results?round=1");
        Assert.Equal(1, first.GetProperty("round").GetInt32());
        Assert.Equal("notEnoughAnswers", first.GetProperty("dimensions")[0].GetProperty("experience").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_solo_member_gets_full_results_and_a_kind_word_about_the_map()
    {
        factory.RequireAvailable();
        var solo = await Person.RegisterAsync(factory);
        var spaceId = await solo.CreateSpaceAsync("family");
        await solo.TakeAsync(spaceId, AssessmentDriver.Uniform(6, importance: 6), kind: "family");
        var results = await solo.GetJsonAsync($"/api/v1/spaces/{spaceId}/assessment/results");
        Assert.Contains(results.GetProperty("statements").EnumerateArray(), s => s.GetProperty("kind").GetString() == "strength");
        var map = await solo.GetJsonAsync($"/api/v1/spaces/{spaceId}/assessment/map");
        Assert.True(map.GetProperty("waitingForSecondPerson").GetBoolean());
    }

    [Fact]
    public async Task Bad_answers_are_refused_clearly_and_nothing_is_saved()
    {
        factory.RequireAvailable();
        var sam = await Person.RegisterAsync(factory);
        var spaceId = await sam.CreateSpaceAsync("friends");
        await Expect.StatusAsync(HttpStatusCode.OK, await sam.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/start", new { }));

        var cases = new (object Answers, string Field, string Expected)[]
        {
            (new Dictionary<string, object> { ["anchor.1"] = 9 }, "answers.anchor.1", "between 1 and 7"),
            (new Dictionary<string, object> { ["no.such.item"] = 3 }, "answers.no.such.item", "no question"),
            (new Dictionary<string, object> { ["anchor.1"] = "notRelevant" }, "answers.anchor.1", "not relevant"),
            (new Dictionary<string, object> { ["phy.sex.1"] = 4 }, "answers.phy.sex.1", "not part of this assessment"),
            (new Dictionary<string, object> { ["anchor.1"] = true }, "answers.anchor.1", "number on the question's scale"),
            (new Dictionary<string, object> { ["safety.fear"] = 1 }, "answers.safety.fear", "never stored"),
        };
        foreach (var (answers, field, expected) in cases)
        {
            // A good answer rides along with each bad one: all or nothing.
            var body = new Dictionary<string, object>((IDictionary<string, object>)answers) { ["anchor.2"] = 5 };
            var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await sam.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/answers", new { answers = body }));
            Assert.Contains(expected, string.Join(' ', problem.FieldErrors(field)), StringComparison.OrdinalIgnoreCase);
        }

        var state = await sam.GetJsonAsync($"/api/v1/spaces/{spaceId}/assessment");
        Assert.Empty(state.GetProperty("answers").EnumerateObject());

        await Expect.StatusAsync(HttpStatusCode.OK, await sam.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/complete", new { }));
        var twice = await sam.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/complete", new { });
        Assert.Contains("already finished", (await Expect.ProblemAsync(HttpStatusCode.Conflict, twice)).Detail(), StringComparison.Ordinal);
        var unknownShare = await sam.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/complete", new { share = new[] { "financial" } });
        Assert.Contains("five kinds", string.Join(' ', (await Expect.ProblemAsync(HttpStatusCode.BadRequest, unknownShare)).FieldErrors("share")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_leaving_nobody_can_answer_or_read_anything_in_the_space()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var ben = await Person.RegisterAsync(factory);
        var spaceId = await ana.PairWithAsync(ben);
        await ana.TakeAsync(spaceId, AssessmentDriver.Uniform(4));
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/start", new { }));
        await Expect.StatusAsync(HttpStatusCode.NoContent, await ben.LeaveAsync(spaceId));

        await Expect.ProblemAsync(HttpStatusCode.NotFound, await ben.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/answers", new { answers = new Dictionary<string, object> { ["anchor.1"] = 3 } }));
        // The one who stayed is told the space is closed (410, nothing about why or who); nothing opens.
        await Expect.ProblemAsync(HttpStatusCode.Gone, await ana.Http.GetAsync(new Uri($"/api/v1/spaces/{spaceId}/assessment/results", UriKind.Relative)));
        await Expect.ProblemAsync(HttpStatusCode.Gone, await ana.Http.GetAsync(new Uri($"/api/v1/spaces/{spaceId}/assessment/map", UriKind.Relative)));
    }

    [Fact]
    public async Task The_safety_check_shows_support_privately_and_stores_nothing()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var spaceId = await ana.CreateSpaceAsync();
        var rowsBefore = await CountRowsAsync();

        var yes = await ana.SafetyCheckAsync(spaceId, 1);
        Assert.True(yes.GetProperty("showSupport").GetBoolean());
        Assert.NotEmpty(yes.GetProperty("resources").EnumerateArray());
        var no = await ana.SafetyCheckAsync(spaceId, 0);
        Assert.False(no.GetProperty("showSupport").GetBoolean());
        Assert.Empty(no.GetProperty("resources").EnumerateArray());

        Assert.Equal(rowsBefore, await CountRowsAsync());
    }

    private Task<int> CountRowsAsync() => factory.WithDbAsync(async db =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Set<Hearth.Web.Features.Assessments.AssessmentResponse>().IgnoreFiltersForTests())
        + await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.MemberKeys)
        + await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.UserSessions));
}

public sealed class AssessmentJourneyOnSqlite(SqliteHearthFactory factory) : AssessmentJourneyTests<SqliteHearthFactory>(factory);

public sealed class AssessmentJourneyOnPostgres(PostgresHearthFactory factory) : AssessmentJourneyTests<PostgresHearthFactory>(factory);

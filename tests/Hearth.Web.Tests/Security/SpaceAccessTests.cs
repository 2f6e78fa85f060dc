using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Security;

/// <summary>
/// Every space-scoped endpoint, for an anonymous caller, a stranger, an ex-member and a made-up id:
/// 401 for anonymous, and for everyone else the very same 404 a missing space gets.
/// </summary>
[Slow("every id-bearing endpoint and page, tried by someone outside the space")]
public abstract class SpaceAccessTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    /// <summary>Every API endpoint that takes a space id. A new one must be added here.</summary>
    public static TheoryData<string, string, string?> SpaceEndpoints => new()
    {
        { "GET", "/api/v1/spaces/{id}", null },
        { "PUT", "/api/v1/spaces/{id}/label", """{"label":"mine now"}""" },
        { "POST", "/api/v1/spaces/{id}/leave", null },
        { "POST", "/api/v1/spaces/{id}/invitations", "{}" },
        { "DELETE", "/api/v1/spaces/{id}/invitations", null },
        { "GET", "/api/v1/spaces/{id}/assessment", null },
        { "GET", "/api/v1/spaces/{id}/assessment/questions", null },
        { "POST", "/api/v1/spaces/{id}/assessment/start", "{}" },
        { "PUT", "/api/v1/spaces/{id}/assessment/answers", """{"answers":{"anchor.1":5}}""" },
        { "POST", "/api/v1/spaces/{id}/assessment/complete", "{}" },
        { "GET", "/api/v1/spaces/{id}/assessment/results", null },
        { "GET", "/api/v1/spaces/{id}/assessment/map", null },
        { "GET", "/api/v1/spaces/{id}/assessment/changes", null },
        { "GET", "/api/v1/spaces/{id}/assessment/retake-offer", null },
        { "PUT", "/api/v1/spaces/{id}/assessment/retake-offer", """{"enabled":false}""" },
        { "POST", "/api/v1/spaces/{id}/assessment/safety-check", """{"answers":{"safety.fear":1}}""" },
        { "GET", "/api/v1/spaces/{id}/assessment/debrief", null },
        { "PUT", "/api/v1/spaces/{id}/assessment/debrief/saved/debrief.strength.emotional", null },
        { "DELETE", "/api/v1/spaces/{id}/assessment/debrief/saved/debrief.strength.emotional", null },
        { "GET", "/api/v1/spaces/{id}/settings", null },
        { "PUT", "/api/v1/spaces/{id}/settings", """{"livingApart":true}""" },
        { "GET", "/api/v1/spaces/{id}/prompt/today", null },
        { "POST", "/api/v1/spaces/{id}/prompt/days/2026-01-01/answer", """{"text":"hello"}""" },
        { "POST", "/api/v1/spaces/{id}/prompt/days/2026-01-01/skip", null },
        { "GET", "/api/v1/spaces/{id}/practices", null },
        { "GET", "/api/v1/spaces/{id}/practices/ours", null },
        { "PUT", "/api/v1/spaces/{id}/practices/ours/practice.walk-and-talk", null },
        { "DELETE", "/api/v1/spaces/{id}/practices/ours/practice.walk-and-talk", null },
        { "GET", "/api/v1/spaces/{id}/quality-time", null },
        { "POST", "/api/v1/spaces/{id}/quality-time/timer/start", null },
        { "POST", "/api/v1/spaces/{id}/quality-time/timer/stop", "{}" },
        { "POST", "/api/v1/spaces/{id}/quality-time/entries", """{"minutes":20}""" },
        { "DELETE", "/api/v1/spaces/{id}/quality-time/entries/0195e8a2-0000-7000-8000-000000000001", null },
        { "GET", "/api/v1/spaces/{id}/notes", null },
        { "POST", "/api/v1/spaces/{id}/notes", """{"kind":"appreciation","text":"hello"}""" },
        { "POST", "/api/v1/spaces/{id}/notes/0195e8a2-0000-7000-8000-000000000001/read", null },
        { "GET", "/api/v1/spaces/{id}/memories", null },
        { "POST", "/api/v1/spaces/{id}/memories", """{"title":"hello"}""" },
        { "GET", "/api/v1/spaces/{id}/memories/0195e8a2-0000-7000-8000-000000000001", null },
        { "PUT", "/api/v1/spaces/{id}/memories/0195e8a2-0000-7000-8000-000000000001", """{"title":"hello"}""" },
        { "DELETE", "/api/v1/spaces/{id}/memories/0195e8a2-0000-7000-8000-000000000001", null },
        { "GET", "/api/v1/spaces/{id}/ritual", null },
        { "PUT", "/api/v1/spaces/{id}/ritual", """{"day":"sunday","time":"19:00"}""" },
        { "PUT", "/api/v1/spaces/{id}/ritual/waking-hours", """{"from":"08:00","to":"22:00"}""" },
        { "POST", "/api/v1/spaces/{id}/thinking-of-you", null },
        { "GET", "/api/v1/spaces/{id}/check-in", null },
        { "GET", "/api/v1/spaces/{id}/check-in/questions", null },
        { "GET", "/api/v1/spaces/{id}/check-in/talk", null },
        { "POST", "/api/v1/spaces/{id}/check-in/talk/agreement", """{"practiceId":"practice.walk-and-talk"}""" },
        { "GET", "/api/v1/spaces/{id}/check-in/weeks/2026-06-01", null },
        { "POST", "/api/v1/spaces/{id}/check-in", """{"satisfaction":7,"safetyPulse":{"pulse.afraid":true}}""" },
        { "GET", "/api/v1/spaces/{id}/trends", null },
        { "GET", "/api/v1/spaces/{id}/dashboard", null },
        { "GET", "/api/v1/spaces/{id}/insights", null },
        { "GET", "/api/v1/spaces/{id}/insights/not-fitting", null },
        { "PUT", "/api/v1/spaces/{id}/insights/not-fitting/strength.both.emotional.none", null },
        { "DELETE", "/api/v1/spaces/{id}/insights/not-fitting/strength.both.emotional.none", null },
        { "POST", "/api/v1/spaces/{id}/reconnect-plan", """{"weeks":3}""" },
        { "PUT", "/api/v1/spaces/{id}/reconnect-plan/steps/reconnect.honest-talk", """{"done":true}""" },
        { "GET", "/api/v1/spaces/{id}/counsellor", null },
        { "POST", "/api/v1/spaces/{id}/counsellor", """{"email":"someone@example.org","scopes":["map"]}""" },
        { "POST", "/api/v1/spaces/{id}/counsellor/consent", """{"scopes":["map"]}""" },
        { "DELETE", "/api/v1/spaces/{id}/counsellor", null },
    };

    /// <summary>Every page that takes a space id.</summary>
    public static TheoryData<string> SpacePages => new()
    {
        "/spaces/{id}",
        "/spaces/{id}/leave",
        "/spaces/{id}/assessment",
        "/spaces/{id}/assessment/step/anchor",
        "/spaces/{id}/assessment/results",
        "/spaces/{id}/assessment/map",
        "/spaces/{id}/assessment/debrief",
        "/spaces/{id}/assessment/debrief/summary",
        "/spaces/{id}/assessment/safety",
        "/spaces/{id}/today",
        "/spaces/{id}/settings",
        "/spaces/{id}/practices",
        "/spaces/{id}/time",
        "/spaces/{id}/time/week",
        "/spaces/{id}/notes",
        "/spaces/{id}/memories",
        "/spaces/{id}/memories/0195e8a2-0000-7000-8000-000000000001/edit",
        "/spaces/{id}/ritual",
        "/spaces/{id}/thinking-of-you",
        "/spaces/{id}/check-in",
        "/spaces/{id}/check-in/talk",
        "/spaces/{id}/assessment/changes",
        "/spaces/{id}/trends",
        "/spaces/{id}/counsellor",
    };

    [Theory]
    [MemberData(nameof(SpaceEndpoints))]
    public async Task Anonymous_callers_get_401_and_strangers_and_ex_members_get_the_same_404_as_a_missing_space(string method, string route, string? body)
    {
        factory.RequireAvailable();
        var (owner, exMember, stranger, spaceId) = await ArrangeAsync();
        var labelBefore = await LabelBytesAsync(spaceId);

        var anonymous = factory.NewClient();
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await SendAsync(anonymous, method, route, spaceId, body));

        var missing = await Expect.ProblemAsync(HttpStatusCode.NotFound, await SendAsync(stranger.Http, method, route, Guid.NewGuid(), body));
        foreach (var caller in new[] { stranger, exMember })
        {
            var problem = await Expect.ProblemAsync(HttpStatusCode.NotFound, await SendAsync(caller.Http, method, route, spaceId, body));
            Assert.Equal(Shape(missing), Shape(problem));
        }

        // Nothing changed for the owner: still in the space, label intact, no new invitation.
        var space = await owner.GetJsonAsync($"/api/v1/spaces/{spaceId}");
        Assert.Equal("Private label", space.GetProperty("label").GetString());
        Assert.Equal(labelBefore, await LabelBytesAsync(spaceId));
        Assert.Equal(0, await factory.WithDbAsync(db => Task.FromResult(db.Invitations.All().Count(i => i.SpaceId == spaceId && i.RevokedAt == null && i.AcceptedAt == null))));
    }

    [Theory]
    [MemberData(nameof(SpacePages))]
    public async Task Pages_of_a_space_send_anonymous_people_to_sign_in_and_show_others_a_plain_not_found(string route)
    {
        factory.RequireAvailable();
        var (_, exMember, stranger, spaceId) = await ArrangeAsync();
        var url = new Uri(route.Replace("{id}", spaceId.ToString(), StringComparison.Ordinal), UriKind.Relative);

        var anonymous = await factory.NewClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/account/sign-in", new Uri(new Uri("https://localhost"), anonymous.Headers.Location!).AbsolutePath);

        var missingUrl = new Uri(route.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal), UriKind.Relative);
        var missing = await stranger.Http.GetAsync(missingUrl);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var missingText = (await missing.ParseAsync()).QuerySelector("main")!.TextContent;
        foreach (var caller in new[] { stranger, exMember })
        {
            var response = await caller.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(missingText, (await response.ParseAsync()).QuerySelector("main")!.TextContent);
        }
    }

    [Fact]
    public async Task Leaving_takes_effect_on_the_next_request_without_signing_in_again()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var ben = await Person.RegisterAsync(factory);
        var spaceId = await ana.PairWithAsync(ben);
        await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}");

        await Expect.StatusAsync(HttpStatusCode.NoContent, await ana.LeaveAsync(spaceId));

        // Ben's cookie was issued before Ana left; it does not carry stale access.
        var after = await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}");
        Assert.Equal("closed", after.GetProperty("state").GetString());
        // Ben, who stayed, is told the space is closed (410); Ana, who left, finds nothing (404).
        await Expect.ProblemAsync(HttpStatusCode.Gone, await ben.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/label", new { label = "x" }));
        await Expect.ProblemAsync(HttpStatusCode.Gone, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/invitations", new { }));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await ana.Http.GetAsync(new Uri($"/api/v1/spaces/{spaceId}", UriKind.Relative)));
    }

    private async Task<(Person Owner, Person ExMember, Person Stranger, Guid SpaceId)> ArrangeAsync()
    {
        var owner = await Person.RegisterAsync(factory);
        var exMember = await Person.RegisterAsync(factory);
        var stranger = await Person.RegisterAsync(factory);

        // The ex-member was in an earlier space with the owner and left it; the owner's current,
        // open space is the target.
        var earlier = await owner.PairWithAsync(exMember);
        await Expect.StatusAsync(HttpStatusCode.NoContent, await exMember.LeaveAsync(earlier));
        var spaceId = await owner.CreateSpaceAsync(label: "Private label");
        await stranger.CreateSpaceAsync();
        return (owner, exMember, stranger, spaceId);
    }

    private Task<byte[]?> LabelBytesAsync(Guid spaceId) =>
        factory.WithDbAsync(db => Task.FromResult(db.Memberships.All().Where(m => m.SpaceId == spaceId).Select(m => m.LabelCiphertext).First()));

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string method, string route, Guid id, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(route.Replace("{id}", id.ToString(), StringComparison.Ordinal), UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        return http.SendAsync(request);
    }

    /// <summary>The body without its per-request trace id.</summary>
    private static string Shape(JsonElement problem) =>
        string.Join('|', problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));
}

public sealed class SpaceAccessOnSqlite(SqliteHearthFactory factory) : SpaceAccessTests<SqliteHearthFactory>(factory);

public sealed class SpaceAccessOnPostgres(PostgresHearthFactory factory) : SpaceAccessTests<PostgresHearthFactory>(factory);

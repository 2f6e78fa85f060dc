using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Spaces;

/// <summary>register -> create space -> invite -> accept -> leave, through the API, on each database.</summary>
public abstract class SpaceJourneyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    [Fact]
    public async Task Two_people_pair_up_through_an_invitation_and_either_can_close_the_space()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");

        var spaceId = await ana.CreateSpaceAsync("romantic", label: "Ben and me");
        var solo = await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}");
        Assert.Equal("solo", solo.GetProperty("state").GetString());
        Assert.Equal("Ben and me", solo.GetProperty("label").GetString());
        Assert.Equal("partner", solo.GetProperty("otherPersonWord").GetString());

        var token = await ana.InviteAsync(spaceId);
        var accepted = await ben.AcceptAsync(token);
        await Expect.StatusAsync(HttpStatusCode.OK, accepted);
        Assert.Equal(spaceId, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("spaceId").GetGuid());

        var seenByBen = await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}");
        Assert.Equal("paired", seenByBen.GetProperty("state").GetString());
        var names = seenByBen.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("displayName").GetString()).ToList();
        Assert.Equal(["Ana", "Ben"], names);

        // Labels are private: Ben never sees Ana's name for the space.
        Assert.Equal(JsonValueKind.Null, seenByBen.GetProperty("label").ValueKind);
        Assert.DoesNotContain("Ben and me", JsonSerializer.Serialize(seenByBen), StringComparison.Ordinal);

        await Expect.StatusAsync(HttpStatusCode.NoContent, await ben.LeaveAsync(spaceId));

        // Ben (who left) now gets 404 on the very next request, exactly like a stranger would.
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await ben.Http.GetAsync(new Uri($"/api/v1/spaces/{spaceId}", UriKind.Relative)));

        // Ana sees only a neutral "closed": no members, nothing about who left or when.
        var closed = await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}");
        Assert.Equal("closed", closed.GetProperty("state").GetString());
        Assert.Empty(closed.GetProperty("members").EnumerateArray());
        Assert.DoesNotContain("Ben", JsonSerializer.Serialize(closed).Replace("Ben and me", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var list = await ana.GetJsonAsync("/api/v1/spaces");
        Assert.Equal("closed", list.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == spaceId).GetProperty("state").GetString());

        // Ana can dismiss it; then it is gone from her list too.
        await Expect.StatusAsync(HttpStatusCode.NoContent, await ana.LeaveAsync(spaceId));
        Assert.DoesNotContain((await ana.GetJsonAsync("/api/v1/spaces")).EnumerateArray(), s => s.GetProperty("id").GetGuid() == spaceId);
    }

    [Fact]
    public async Task A_person_can_belong_to_several_spaces_of_different_kinds()
    {
        factory.RequireAvailable();
        var sam = await Person.RegisterAsync(factory, "Sam");
        var partner = await Person.RegisterAsync(factory);
        var friend = await Person.RegisterAsync(factory);
        var sister = await Person.RegisterAsync(factory);

        var romantic = await sam.PairWithAsync(partner, "romantic");
        var friends = await sam.PairWithAsync(friend, "friends");
        var family = await sister.PairWithAsync(sam, "family");

        var list = (await sam.GetJsonAsync("/api/v1/spaces")).EnumerateArray().ToDictionary(s => s.GetProperty("id").GetGuid(), s => s.GetProperty("kind").GetString());
        Assert.Equal("romantic", list[romantic]);
        Assert.Equal("friends", list[friends]);
        Assert.Equal("family", list[family]);
        Assert.Equal("friend", (await sam.GetJsonAsync($"/api/v1/spaces/{friends}")).GetProperty("otherPersonWord").GetString());

        // Leaving one leaves the others untouched.
        await Expect.StatusAsync(HttpStatusCode.NoContent, await sam.LeaveAsync(friends));
        Assert.Equal("paired", (await sam.GetJsonAsync($"/api/v1/spaces/{romantic}")).GetProperty("state").GetString());
        Assert.Equal("paired", (await sister.GetJsonAsync($"/api/v1/spaces/{family}")).GetProperty("state").GetString());
        Assert.Equal("closed", (await friend.GetJsonAsync($"/api/v1/spaces/{friends}")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_solo_space_works_before_anyone_joins()
    {
        factory.RequireAvailable();
        var solo = await Person.RegisterAsync(factory);
        var spaceId = await solo.CreateSpaceAsync("friends");
        var space = await solo.GetJsonAsync($"/api/v1/spaces/{spaceId}");
        Assert.Equal("solo", space.GetProperty("state").GetString());
        Assert.Single(space.GetProperty("members").EnumerateArray());

        var renamed = await solo.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/label", new { label = "Jo 🌻" });
        await Expect.StatusAsync(HttpStatusCode.OK, renamed);
        Assert.Equal("Jo 🌻", (await solo.GetJsonAsync($"/api/v1/spaces/{spaceId}")).GetProperty("label").GetString());
    }

    [Fact]
    public async Task An_invitation_link_works_once()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var ben = await Person.RegisterAsync(factory);
        var cy = await Person.RegisterAsync(factory);
        var spaceId = await ana.CreateSpaceAsync();
        var token = await ana.InviteAsync(spaceId);

        await Expect.StatusAsync(HttpStatusCode.OK, await ben.AcceptAsync(token));
        var again = await Expect.ProblemAsync(HttpStatusCode.Gone, await cy.AcceptAsync(token));
        Assert.Contains("already been used", again.Detail(), StringComparison.Ordinal);
        var members = await factory.WithDbAsync(db => Task.FromResult(db.Memberships.All().Count(m => m.SpaceId == spaceId)));
        Assert.Equal(2, members);
    }

    [Fact]
    public async Task An_expired_invitation_is_refused_with_a_clear_message()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var spaceId = await ana.CreateSpaceAsync();
        var token = await ana.InviteAsync(spaceId);

        factory.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        var late = await Person.RegisterAsync(factory);
        var problem = await Expect.ProblemAsync(HttpStatusCode.Gone, await late.AcceptAsync(token));
        Assert.Contains("expired", problem.Detail(), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => Task.FromResult(db.Memberships.All().Count(m => m.SpaceId == spaceId))));
    }

    [Fact]
    public async Task A_new_link_switches_the_old_one_off_and_withdrawing_stops_it()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var ben = await Person.RegisterAsync(factory);
        var spaceId = await ana.CreateSpaceAsync();
        var first = await ana.InviteAsync(spaceId);
        var second = await ana.InviteAsync(spaceId);

        Assert.Contains("withdrawn", (await Expect.ProblemAsync(HttpStatusCode.Gone, await ben.AcceptAsync(first))).Detail(), StringComparison.Ordinal);

        await Expect.StatusAsync(HttpStatusCode.NoContent, await ana.Http.DeleteAsync(new Uri($"/api/v1/spaces/{spaceId}/invitations", UriKind.Relative)));
        await Expect.ProblemAsync(HttpStatusCode.Gone, await ben.AcceptAsync(second));
    }

    [Fact]
    public async Task Tampered_and_foreign_tokens_are_refused_without_revealing_anything()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var ben = await Person.RegisterAsync(factory);
        var spaceId = await ana.CreateSpaceAsync();
        var token = await ana.InviteAsync(spaceId);

        var flipped = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        foreach (var bad in new[] { flipped, token[..^4], "not-a-token", new string('x', 5000), "" })
        {
            var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ben.AcceptAsync(bad));
            Assert.Contains("not valid", problem.Detail(), StringComparison.Ordinal);
        }

        Assert.Equal(1, await factory.WithDbAsync(db => Task.FromResult(db.Memberships.All().Count(m => m.SpaceId == spaceId))));
    }

    [Fact]
    public async Task The_inviter_cannot_use_their_own_link_and_a_full_space_takes_no_third_person()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var ben = await Person.RegisterAsync(factory);
        var spaceId = await ana.CreateSpaceAsync();
        var token = await ana.InviteAsync(spaceId);

        Assert.Contains("your own", (await Expect.ProblemAsync(HttpStatusCode.Conflict, await ana.AcceptAsync(token))).Detail(), StringComparison.Ordinal);
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.AcceptAsync(token));
        var full = await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/invitations", new { });
        Assert.Contains("two people", (await Expect.ProblemAsync(HttpStatusCode.Conflict, full)).Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_accepts_of_one_link_let_exactly_one_person_in()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var spaceId = await ana.CreateSpaceAsync();
        var token = await ana.InviteAsync(spaceId);
        var people = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Person.RegisterAsync(factory)));

        var answers = await Task.WhenAll(people.Select(p => p.AcceptAsync(token)));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.True((int)a.StatusCode is 409 or 410));
        Assert.Equal(2, await factory.WithDbAsync(db => Task.FromResult(db.Memberships.All().Count(m => m.SpaceId == spaceId))));
    }
}

public sealed class SpaceJourneyOnSqlite(SqliteHearthFactory factory) : SpaceJourneyTests<SqliteHearthFactory>(factory);

public sealed class SpaceJourneyOnPostgres(PostgresHearthFactory factory) : SpaceJourneyTests<PostgresHearthFactory>(factory);

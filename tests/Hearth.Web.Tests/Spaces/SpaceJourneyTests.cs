using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>
    /// A new link stops the earlier one, also for links made at the same moment; and two people
    /// accepting two different links of one space at once cannot both get in: a space has two members.
    /// </summary>
    [Fact]
    public async Task Links_made_at_once_leave_one_and_two_people_joining_at_once_leave_the_space_at_two()
    {
        factory.RequireAvailable();
        for (var round = 0; round < 6; round++)
        {
            var ana = await Person.RegisterAsync(factory);
            var spaceId = await ana.CreateSpaceAsync();
            var made = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/invitations", new { })));
            Assert.All(made, m => Assert.Equal(HttpStatusCode.Created, m.StatusCode));
            Assert.Equal(1, await factory.WithDbAsync(db => db.Invitations.IgnoreQueryFilters().CountAsync(i => i.SpaceId == spaceId && i.AcceptedAt == null && i.RevokedAt == null)));

            // Two live links, whatever the first check let through: each accepted by someone else at once.
            var first = await ana.InviteAsync(spaceId);
            await factory.WithDbAsync(db => db.Invitations.IgnoreQueryFilters().Where(i => i.SpaceId == spaceId).ExecuteUpdateAsync(x => x.SetProperty(i => i.RevokedAt, (DateTimeOffset?)null)));
            var second = await ana.InviteAsync(spaceId);
            await factory.WithDbAsync(db => db.Invitations.IgnoreQueryFilters().Where(i => i.SpaceId == spaceId).ExecuteUpdateAsync(x => x.SetProperty(i => i.RevokedAt, (DateTimeOffset?)null)));
            var ben = await Person.RegisterAsync(factory);
            var cy = await Person.RegisterAsync(factory);
            var answers = await Task.WhenAll(ben.AcceptAsync(first), cy.AcceptAsync(second));
            Assert.Equal(2, await factory.WithDbAsync(db => db.Memberships.IgnoreQueryFilters().CountAsync(m => m.SpaceId == spaceId && m.LeftAt == null)));
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        }
    }

    /// <summary>
    /// Leaving, making a new link and joining by the old one at the same moment take the same locks in
    /// the same order (ADR 55): each answers as if it came first or second, never with an error, and
    /// nobody ends up in a space that closed before they joined it with someone still there.
    /// </summary>
    [Fact]
    public async Task Leaving_making_a_link_and_joining_at_once_end_in_a_state_that_could_have_happened_one_by_one()
    {
        factory.RequireAvailable();
        for (var round = 0; round < 6; round++)
        {
            var ana = await Person.RegisterAsync(factory);
            var spaceId = await ana.CreateSpaceAsync();
            var token = await ana.InviteAsync(spaceId);
            var ben = await Person.RegisterAsync(factory);
            var answers = await Task.WhenAll(
                ana.LeaveAsync(spaceId),
                ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/invitations", new { }),
                ben.AcceptAsync(token));
            Assert.All(answers, a => Assert.True((int)a.StatusCode < 500, $"round {round}: {a.RequestMessage!.Method} {a.RequestMessage.RequestUri} answered {(int)a.StatusCode}"));
            Assert.True(answers[0].IsSuccessStatusCode, $"round {round}: leaving answered {(int)answers[0].StatusCode}");

            var state = await factory.WithDbAsync(async db => (
                Closed: await db.Spaces.IgnoreQueryFilters().Where(s => s.Id == spaceId).Select(s => s.ClosedAt != null).FirstAsync(),
                Live: await db.Invitations.IgnoreQueryFilters().CountAsync(i => i.SpaceId == spaceId && i.AcceptedAt == null && i.RevokedAt == null),
                Ben: await db.Memberships.IgnoreQueryFilters().CountAsync(m => m.SpaceId == spaceId && m.LeftAt == null)));
            Assert.True(state.Closed);
            Assert.Equal(0, state.Live);
            Assert.Equal(answers[2].StatusCode == HttpStatusCode.OK ? 1 : 0, state.Ben);
        }
    }
}

public sealed class SpaceJourneyOnSqlite(SqliteHearthFactory factory) : SpaceJourneyTests<SqliteHearthFactory>(factory);

public sealed class SpaceJourneyOnPostgres(PostgresHearthFactory factory) : SpaceJourneyTests<PostgresHearthFactory>(factory);

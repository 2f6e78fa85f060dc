using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Daily;

/// <summary>
/// Id-swap probes: another space's notes, memories, prompt answers and quality-time entries are
/// unreachable by id, through one's own space or theirs, with exactly the 404 of a missing id.
/// </summary>
public abstract class DailyPrivacyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    [Fact]
    public async Task Another_spaces_daily_data_is_unreachable_by_id()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var theirs = await ana.PairWithAsync(ben);
        var cy = await Person.RegisterAsync(factory, "Cy");
        var di = await Person.RegisterAsync(factory, "Di");
        var mine = await cy.PairWithAsync(di);

        // Ana and Ben's space holds one of everything.
        var note = await IdOfAsync(await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{theirs}/notes", new { kind = "appreciation", text = "secret-note" }));
        var memory = await IdOfAsync(await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{theirs}/memories", new { title = "secret-memory", shared = true }));
        var entryResponse = await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{theirs}/quality-time/entries", new { minutes = 20 });
        await Expect.StatusAsync(HttpStatusCode.Created, entryResponse);
        var entry = (await entryResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entries")[0].GetProperty("id").GetGuid();
        var date = (await ana.GetJsonAsync($"/api/v1/spaces/{theirs}/prompt/today")).GetProperty("date").GetString();
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{theirs}/prompt/days/{date}/answer", new { text = "secret-answer" }));

        var missing = Shape(await Expect.ProblemAsync(HttpStatusCode.NotFound, await cy.Http.GetAsync(new Uri($"/api/v1/spaces/{mine}/memories/{Guid.NewGuid()}", UriKind.Relative))));
        var probes = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, $"/api/v1/spaces/{mine}/memories/{memory}", null),
            (HttpMethod.Put, $"/api/v1/spaces/{mine}/memories/{memory}", new { title = "x" }),
            (HttpMethod.Delete, $"/api/v1/spaces/{mine}/memories/{memory}", null),
            (HttpMethod.Get, $"/api/v1/spaces/{theirs}/memories/{memory}", null),
            (HttpMethod.Post, $"/api/v1/spaces/{mine}/notes/{note}/read", null),
            (HttpMethod.Post, $"/api/v1/spaces/{theirs}/notes/{note}/read", null),
            (HttpMethod.Delete, $"/api/v1/spaces/{mine}/quality-time/entries/{entry}", null),
            (HttpMethod.Delete, $"/api/v1/spaces/{theirs}/quality-time/entries/{entry}", null),
            (HttpMethod.Get, $"/api/v1/spaces/{theirs}/prompt/today", null),
            (HttpMethod.Post, $"/api/v1/spaces/{theirs}/prompt/days/{date}/answer", new { text = "x" }),
            (HttpMethod.Get, $"/api/v1/spaces/{theirs}/notes", null),
            (HttpMethod.Get, $"/api/v1/spaces/{theirs}/memories", null),
            (HttpMethod.Get, $"/api/v1/spaces/{theirs}/quality-time", null),
        };
        foreach (var (method, url, body) in probes)
        {
            var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            var problem = await Expect.ProblemAsync(HttpStatusCode.NotFound, await cy.Http.SendAsync(request));
            Assert.Equal(missing, Shape(problem));
        }

        // Cy's own lists show none of it; Ana's data is intact.
        foreach (var url in new[] { $"/api/v1/spaces/{mine}/notes", $"/api/v1/spaces/{mine}/memories", $"/api/v1/spaces/{mine}/quality-time", $"/api/v1/spaces/{mine}/prompt/today" })
        {
            var text = await cy.Http.GetStringAsync(new Uri(url, UriKind.Relative));
            Assert.DoesNotContain("secret-", text, StringComparison.Ordinal);
            Assert.DoesNotContain(memory.ToString(), text, StringComparison.Ordinal);
            Assert.DoesNotContain(entry.ToString(), text, StringComparison.Ordinal);
        }

        Assert.Equal("secret-memory", (await ana.GetJsonAsync($"/api/v1/spaces/{theirs}/memories/{memory}")).GetProperty("title").GetString());
        Assert.Equal(20, (await ana.GetJsonAsync($"/api/v1/spaces/{theirs}/quality-time")).GetProperty("todayMinutes").GetInt32());
        Assert.Equal(1, (await ben.GetJsonAsync($"/api/v1/spaces/{theirs}/notes")).GetProperty("unread").GetInt32());

        // Pages too.
        foreach (var page in new[] { $"/spaces/{mine}/memories/{memory}/edit", $"/spaces/{theirs}/today", $"/spaces/{theirs}/notes" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await cy.Http.GetAsync(new Uri(page, UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task After_leaving_nobody_reaches_the_daily_data_of_the_closed_space()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var ben = await Person.RegisterAsync(factory);
        var spaceId = await ana.PairWithAsync(ben);
        await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/memories", new { title = "ours", shared = true }));
        await Expect.StatusAsync(HttpStatusCode.NoContent, await ben.LeaveAsync(spaceId));

        // Ana, who stayed, is told the space is closed (410); Ben, who left, finds nothing (404). Neither reads anything.
        foreach (var (person, status) in new[] { (ana, HttpStatusCode.Gone), (ben, HttpStatusCode.NotFound) })
        {
            await Expect.ProblemAsync(status, await person.Http.GetAsync(new Uri($"/api/v1/spaces/{spaceId}/memories", UriKind.Relative)));
            await Expect.ProblemAsync(status, await person.Http.GetAsync(new Uri($"/api/v1/spaces/{spaceId}/prompt/today", UriKind.Relative)));
        }
    }

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response)
    {
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static string Shape(JsonElement problem) =>
        string.Join('|', problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));
}

public sealed class DailyPrivacyOnSqlite(SqliteHearthFactory factory) : DailyPrivacyTests<SqliteHearthFactory>(factory);

public sealed class DailyPrivacyOnPostgres(PostgresHearthFactory factory) : DailyPrivacyTests<PostgresHearthFactory>(factory);

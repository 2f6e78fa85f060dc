using System.Net;
using System.Net.Http.Json;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Resilience;

/// <summary>Two people acting at the same moment get sensible answers, never a 500.</summary>
public abstract class ConcurrencyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    [Fact]
    public async Task Both_members_saving_the_first_settings_at_once_both_succeed()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var ben = await Person.RegisterAsync(factory);
        var spaceId = await ana.PairWithAsync(ben);
        var answers = await Task.WhenAll(
            ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/settings", new { livingApart = true }),
            ben.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/settings", new { dailyGoalMinutes = 30 }));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
    }

    [Fact]
    public async Task Many_first_writes_at_once_agree_on_one_data_key()
    {
        factory.RequireAvailable();
        var sam = await Person.RegisterAsync(factory);
        var spaceId = await sam.CreateSpaceAsync("friends");
        var writes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            sam.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/memories", new { title = $"at once {i}", text = "together", kind = "shared-experience", date = "2026-05-01", shared = false })));
        Assert.All(writes, w => Assert.Equal(HttpStatusCode.Created, w.StatusCode));
        var titles = (await sam.GetJsonAsync($"/api/v1/spaces/{spaceId}/memories")).GetProperty("memories").EnumerateArray().Select(m => m.GetProperty("title").GetString()).ToList();
        Assert.Equal(6, titles.Count(t => t!.StartsWith("at once", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Editing something while it is being deleted (two tabs): the delete wins or the edit lands
    /// first, and the edit that finds it gone is told so, a 404 or a 409, never a 500.
    /// </summary>
    [Fact]
    public async Task An_edit_and_a_delete_of_one_thing_at_once_answer_without_a_server_error()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var space = await ana.CreateSpaceAsync();
        var errors = new List<string>();
        for (var round = 0; round < 16; round++)
        {
            var created = await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/memories", new { title = $"the lake {round}", shared = false });
            await Expect.StatusAsync(HttpStatusCode.Created, created);
            var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
            var url = new Uri($"/api/v1/spaces/{space}/memories/{id}", UriKind.Relative);
            var answers = await Task.WhenAll(
                Task.Run(() => ana.Http.PutAsJsonAsync(url, new { title = "the lake, again" })),
                Task.Run(() => ana.Http.DeleteAsync(url)));
            errors.AddRange(answers.Where(a => (int)a.StatusCode >= 500).Select(a => $"round {round}: {a.RequestMessage!.Method} answered {(int)a.StatusCode}"));
            Assert.Equal(HttpStatusCode.NoContent, answers[1].StatusCode);
            Assert.Contains(answers[0].StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.Conflict });
            if (answers[0].StatusCode == HttpStatusCode.Conflict)
            {
                Assert.Contains("nothing was saved", (await Expect.ProblemAsync(HttpStatusCode.Conflict, answers[0])).Detail(), StringComparison.Ordinal);
            }

            Assert.Equal(HttpStatusCode.NotFound, (await ana.Http.GetAsync(url)).StatusCode);
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}

public sealed class ConcurrencyOnSqlite(SqliteHearthFactory factory) : ConcurrencyTests<SqliteHearthFactory>(factory);

public sealed class ConcurrencyOnPostgres(PostgresHearthFactory factory) : ConcurrencyTests<PostgresHearthFactory>(factory);

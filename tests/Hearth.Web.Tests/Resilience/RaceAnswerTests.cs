using System.Net;
using System.Net.Http.Json;
using Hearth.Web.Tests.Assessments;
using Hearth.Web.Tests.DataRights;
using Hearth.Web.Tests.Debriefs;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hearth.Web.Tests.Resilience;

/// <summary>
/// The seven places that answer "already done" when a unique index lets only one of two writes
/// through (issue Trust, item 16): a lost race is answered 409 (or quietly agreed with) and logs no
/// error; a write that failed for any other reason is never dressed up as "already done".
/// </summary>
[Slow("sends the same writes many times at once")]
public abstract class RaceAnswerTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory, IFailingWritesFactory
{
    private const string Practice = "practice.walk-and-talk";
    private const int AtOnce = 8;

    private string Provider => factory.ProviderName;

    [Fact]
    public async Task The_same_write_sent_many_times_at_once_gets_one_success_the_rest_409_and_no_error_in_the_log()
    {
        factory.RequireAvailable();
        factory.Logs.Clear();
        const int Rounds = 5;
        var problems = new List<string>();
        var tried = 0;

        async Task RaceAsync(string what, Func<Task<HttpResponseMessage>> send, HttpStatusCode success, int? successes, HttpStatusCode loser = HttpStatusCode.Conflict)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => Task.Run(send)));
            tried++;
            var codes = answers.Select(a => a.StatusCode).ToList();
            if (codes.Any(c => c != success && c != loser) || (successes is { } n && codes.Count(c => c == success) != n))
            {
                problems.Add($"{what}: {string.Join(", ", codes.Select(c => (int)c))}");
            }
        }

        // On a fast machine a burst can be served one after another, so no two writes meet at the
        // unique index; then the same burst is tried again with a new pair (a few rounds at most).
        var races = 0;
        var lines = new List<LogLine>();
        for (var round = 0; round < Rounds && races == 0; round++)
        {
        var ana = await Person.RegisterAsync(factory);
        var ben = await Person.RegisterAsync(factory);
        var paired = await ana.PairWithAsync(ben);
        await RaceAsync("check-in", () => ana.Http.PostAsJsonAsync($"/api/v1/spaces/{paired}/check-in", new { satisfaction = 7, closeness = 6 }), HttpStatusCode.Created, 1);
        await RaceAsync("first look at today's question", () => ben.Http.GetAsync(new Uri($"/api/v1/spaces/{paired}/prompt/today", UriKind.Relative)), HttpStatusCode.OK, null);
        var date = (await ana.GetJsonAsync($"/api/v1/spaces/{paired}/prompt/today")).GetProperty("date").GetString()!;
        await RaceAsync("prompt answer", () => ana.Http.PostAsJsonAsync($"/api/v1/spaces/{paired}/prompt/days/{date}/answer", new { text = "the lake" }), HttpStatusCode.OK, 1);
        await RaceAsync("timer start", () => ben.Http.PostAsync(new Uri($"/api/v1/spaces/{paired}/quality-time/timer/start", UriKind.Relative), null), HttpStatusCode.OK, 1);
        await RaceAsync("practice added", () => ana.Http.PutAsync(new Uri($"/api/v1/spaces/{paired}/practices/ours/{Practice}", UriKind.Relative), null), HttpStatusCode.OK, null);
        await RaceAsync("assessment start", () => ben.Http.PostAsJsonAsync($"/api/v1/spaces/{paired}/assessment/start", new { }), HttpStatusCode.OK, 1);
        await RaceAsync("first settings", () => (Random.Shared.Next(2) == 0 ? ana : ben).Http.PutAsJsonAsync($"/api/v1/spaces/{paired}/settings", new { livingApart = true }), HttpStatusCode.OK, null);

        lines = factory.Logs.ToList();
        races = lines.Count(l => l.Text.StartsWith("A unique index refused a second write", StringComparison.Ordinal));
        }

        var errors = lines.Where(l => l.Level >= LogLevel.Error).Select(l => $"{l.Level} {l.Category}: {l.Text[..Math.Min(200, l.Text.Length)]}").ToList();
        SecurityReport.Record("a lost race is answered 409 and logs no error", Provider, tried, problems.Count + errors.Count,
            $"{GetType().Name}.{nameof(The_same_write_sent_many_times_at_once_gets_one_success_the_rest_409_and_no_error_in_the_log)}",
            $"{AtOnce} identical writes at once at each of the 7 unique-index sites; {races} races reached the database");
        Assert.Empty(problems);
        Assert.Empty(errors);
        Assert.True(races > 0, $"No write reached the unique index at the same moment as another; the race was not exercised. Lines: {string.Join(", ", lines.GroupBy(l => (l.Level, l.Category)).Select(g => $"{g.Key}={g.Count()}"))}");
    }

    [Fact]
    public async Task A_write_refused_for_another_reason_is_never_answered_as_already_done()
    {
        factory.RequireAvailable();
        var sites = new (string Table, string What, Func<Person, Guid, Task> Before, Func<Person, Guid, Task<HttpResponseMessage>> Send)[]
        {
            ("WeeklyCheckIns", "check-in", (_, _) => Task.CompletedTask,
                (p, s) => p.Http.PostAsJsonAsync($"/api/v1/spaces/{s}/check-in", new { satisfaction = 7, closeness = 6 })),
            ("PromptDays", "first look at today's question", (_, _) => Task.CompletedTask,
                (p, s) => p.Http.GetAsync(new Uri($"/api/v1/spaces/{s}/prompt/today", UriKind.Relative))),
            ("PromptResponses", "prompt answer", (p, s) => p.GetJsonAsync($"/api/v1/spaces/{s}/prompt/today"),
                async (p, s) => await p.Http.PostAsJsonAsync($"/api/v1/spaces/{s}/prompt/days/{(await p.GetJsonAsync($"/api/v1/spaces/{s}/prompt/today")).GetProperty("date").GetString()}/answer", new { text = "the lake" })),
            ("RunningTimers", "timer start", (_, _) => Task.CompletedTask,
                (p, s) => p.Http.PostAsync(new Uri($"/api/v1/spaces/{s}/quality-time/timer/start", UriKind.Relative), null)),
            ("ChosenPractices", "practice added", (_, _) => Task.CompletedTask,
                (p, s) => p.Http.PutAsync(new Uri($"/api/v1/spaces/{s}/practices/ours/{Practice}", UriKind.Relative), null)),
            ("AssessmentResponses", "assessment start", (_, _) => Task.CompletedTask,
                (p, s) => p.Http.PostAsJsonAsync($"/api/v1/spaces/{s}/assessment/start", new { })),
            ("SpaceSettings", "first settings", (_, _) => Task.CompletedTask,
                (p, s) => p.Http.PutAsJsonAsync($"/api/v1/spaces/{s}/settings", new { livingApart = true })),
        };

        var wrong = new List<string>();
        foreach (var (table, what, before, send) in sites)
        {
            var sam = await Person.RegisterAsync(factory);
            var space = await sam.CreateSpaceAsync("friends");
            await before(sam, space);
            HttpResponseMessage answer;
            await factory.RefuseInsertsAsync(table);
            try
            {
                answer = await send(sam, space);
            }
            finally
            {
                await factory.AllowInsertsAsync(table);
            }

            var body = await answer.Content.ReadAsStringAsync();
            if (answer.StatusCode != HttpStatusCode.InternalServerError || body.Contains("already", StringComparison.OrdinalIgnoreCase))
            {
                wrong.Add($"{what} ({table}): {(int)answer.StatusCode} {body[..Math.Min(160, body.Length)]}");
            }
        }

        SecurityReport.Record("a failed write is not answered as already done", Provider, sites.Length, wrong.Count,
            $"{GetType().Name}.{nameof(A_write_refused_for_another_reason_is_never_answered_as_already_done)}",
            "each of the 7 unique-index sites with its table refusing inserts (a trigger)");
        Assert.Empty(wrong);
        Assert.Contains(factory.Logs, l => l.Level == LogLevel.Error && l.Text.Contains("refused by the test", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_catch_of_a_failed_write_asks_whether_it_was_a_unique_violation()
    {
        var src = Path.Combine(DataRightsTests<SqliteHearthFactory>.RepoRoot(), "src");
        var sites = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(src, f), Line: i + 1, Text: line.Trim())))
            .Where(l => l.Text.StartsWith("catch (DbUpdateException", StringComparison.Ordinal))
            .ToList();
        var unchecked_ = sites.Where(s => !s.Text.Contains("DbErrors.IsUniqueViolation(", StringComparison.Ordinal)).Select(s => $"{s.File}:{s.Line}").ToList();
        SecurityReport.Record("every DbUpdateException catch checks for a unique violation", "-", sites.Count, unchecked_.Count,
            $"{GetType().Name}.{nameof(Every_catch_of_a_failed_write_asks_whether_it_was_a_unique_violation)}", "every catch (DbUpdateException ...) in src");
        Assert.True(sites.Count >= 7, $"Found only {sites.Count} catch sites; the search is broken.");
        Assert.Empty(unchecked_);
    }

    /// <summary>
    /// Marks a member sets for themselves, sent many times at once (a double tap, two tabs): each is
    /// answered as done and stored once, never a 500. Setting an insight aside, saving a debrief item
    /// for a counsellor; the push device is in <c>PushTests</c>.
    /// </summary>
    [Fact]
    public async Task A_mark_sent_many_times_at_once_is_set_once_and_every_answer_says_done()
    {
        factory.RequireAvailable();
        var problems = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            var ana = await Person.RegisterAsync(factory);
            var ben = await Person.RegisterAsync(factory);
            var space = await ana.PairWithAsync(ben);
            // The debrief's own journey's two: close in some dimensions, far apart in others.
            await ana.TakeAsync(space, DebriefJourneyTests<SqliteHearthFactory>.ByDimension(DebriefJourneyTests<SqliteHearthFactory>.AnaFeels));
            await ben.TakeAsync(space, DebriefJourneyTests<SqliteHearthFactory>.ByDimension(DebriefJourneyTests<SqliteHearthFactory>.BenFeels));
            var insights = await ana.GetJsonAsync($"/api/v1/spaces/{space}/insights");
            var insight = insights.GetProperty("insights").EnumerateArray().First().GetProperty("key").GetString();
            static IEnumerable<System.Text.Json.JsonElement> All(System.Text.Json.JsonElement e) =>
                e.ValueKind == System.Text.Json.JsonValueKind.Object ? e.EnumerateObject().SelectMany(p => All(p.Value)).Prepend(e)
                : e.ValueKind == System.Text.Json.JsonValueKind.Array ? e.EnumerateArray().SelectMany(All) : [];
            var debrief = await ana.GetJsonAsync($"/api/v1/spaces/{space}/assessment/debrief");
            var item = All(debrief).First(e => e.TryGetProperty("saved", out _)).GetProperty("id").GetString();
            foreach (var (what, url) in new[]
            {
                ("insight set aside", $"/api/v1/spaces/{space}/insights/not-fitting/{insight}"),
                ("debrief item saved", $"/api/v1/spaces/{space}/assessment/debrief/saved/{item}"),
            })
            {
                var answers = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => Task.Run(() => ana.Http.PutAsync(new Uri(url, UriKind.Relative), null))));
                if (answers.Any(a => a.StatusCode != HttpStatusCode.OK))
                {
                    problems.Add($"round {round}, {what}: {string.Join(", ", answers.Select(a => (int)a.StatusCode))}");
                }
            }

            var stored = await factory.WithDbAsync(async db => (
                Aside: await db.Set<Hearth.Web.Features.Insights.InsightNotFitting>().IgnoreQueryFilters().CountAsync(x => x.SpaceId == space),
                Saved: await db.Set<Hearth.Web.Features.Debriefs.DebriefSavedItem>().IgnoreQueryFilters().CountAsync(x => x.SpaceId == space)));
            if (stored != (1, 1))
            {
                problems.Add($"round {round}: stored {stored.Aside} set aside and {stored.Saved} saved, not one of each");
            }
        }

        Assert.Empty(problems);
    }
}

public sealed class RaceAnswersOnSqlite(FailingWritesSqliteFactory factory) : RaceAnswerTests<FailingWritesSqliteFactory>(factory);

public sealed class RaceAnswersOnPostgres(FailingWritesPostgresFactory factory) : RaceAnswerTests<FailingWritesPostgresFactory>(factory);

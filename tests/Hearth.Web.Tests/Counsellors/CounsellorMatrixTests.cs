using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hearth.Web.Tests.Assessments;
using Hearth.Web.Tests.Infrastructure;
using Hearth.Web.Tests.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Counsellors;

/// <summary>Where the counsellor's access to a pair stands (ADR 46).</summary>
public enum CounsellorState
{
    /// <summary>Invited, and both members consented: the one state that sees anything (and only the sheet).</summary>
    Consented,

    /// <summary>One member invited (their consent); the other has not agreed.</summary>
    InvitedByOne,

    /// <summary>Both consented, then a member ended it.</summary>
    Revoked,

    /// <summary>Both consented, for a time that is over.</summary>
    Expired,

    /// <summary>Both consented, to another counsellor.</summary>
    OtherPairs,

    /// <summary>Both consented, then a member left the space.</summary>
    AfterMemberLeft,
}

/// <summary>
/// The counsellor joins the authorisation matrix: every endpoint and page of the app (from its own
/// endpoint data source, so a new one is included by itself), asked by a counsellor about a pair in
/// each <see cref="CounsellorState"/>, with the pair's own ids (space, grant, memory, note). Only the
/// consented pair's sheet may answer; everything under a space is the missing-id 404; the list holds
/// only the consented pair; nothing private of any pair (prompt answers, check-in words, memories,
/// notes, labels) appears in any answer; refused writes change nothing in the database.
/// </summary>
[Slow("every endpoint and page, by a counsellor, in six states")]
public abstract class CounsellorMatrixTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    private sealed record Pair(Person Ana, Person Ben, Guid Space, Guid Grant, Guid PrivateMemory, Guid Note);

    [Fact]
    public async Task A_counsellor_gets_only_the_sheet_both_consented_to_in_every_state()
    {
        factory.RequireAvailable();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var canaries = new List<string>();
        string Mark(string what)
        {
            var marker = $"cx{tag}-{what}";
            canaries.Add(marker);
            return marker;
        }

        var cleo = await CounsellorSteps.CounsellorAsync(factory, "Cleo");
        var dan = await CounsellorSteps.CounsellorAsync(factory, "Dan");
        var pairs = new Dictionary<CounsellorState, Pair>();
        foreach (var state in Enum.GetValues<CounsellorState>())
        {
            var ana = await Person.RegisterAsync(factory, $"Ana {state}");
            var ben = await Person.RegisterAsync(factory, $"Ben {state}");
            var space = await ana.PairWithAsync(ben);
            await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{space}/label", new { label = Mark($"label-{state}") }));
            var date = (await ana.GetJsonAsync($"/api/v1/spaces/{space}/prompt/today")).GetProperty("date").GetString()!;
            await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/prompt/days/{date}/answer", new { text = Mark($"prompt-{state}") }));
            await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/prompt/days/{date}/answer", new { text = Mark($"ben-prompt-{state}") }));
            await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/check-in", new { satisfaction = 7, closeness = 6, needs = Mark($"needs-{state}") }));
            await Expect.StatusAsync(HttpStatusCode.Created, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/check-in", new { satisfaction = 5, closeness = 4, needs = Mark($"ben-needs-{state}") }));
            await ana.TakeAsync(space, AssessmentDriver.Uniform(5), share: ["emotional", "experiential"]);
            await ben.TakeAsync(space, AssessmentDriver.Uniform(3), share: ["emotional"]);
            var privateMemory = await CreatedIdAsync(ana, $"/api/v1/spaces/{space}/memories", new { title = Mark($"private-memory-{state}"), shared = false });
            await CreatedIdAsync(ana, $"/api/v1/spaces/{space}/memories", new { title = Mark($"shared-memory-{state}"), shared = true });
            var note = await CreatedIdAsync(ana, $"/api/v1/spaces/{space}/notes", new { kind = "appreciation", text = Mark($"note-{state}") });

            var counsellor = state == CounsellorState.OtherPairs ? dan : cleo;
            Guid grant;
            if (state == CounsellorState.InvitedByOne)
            {
                await Expect.StatusAsync(HttpStatusCode.OK, await ana.InviteCounsellorAsync(space, counsellor));
                grant = await CounsellorSteps.GrantIdAsync(factory, space);
            }
            else
            {
                grant = await CounsellorSteps.BothConsentAsync(ana, ben, space, counsellor, secondDays: state == CounsellorState.Expired ? 1 : 90);
            }

            if (state == CounsellorState.Revoked)
            {
                await Expect.StatusAsync(HttpStatusCode.NoContent, await ben.EndCounsellorAsync(space));
            }
            else if (state == CounsellorState.AfterMemberLeft)
            {
                await Expect.StatusAsync(HttpStatusCode.NoContent, await ben.LeaveAsync(space));
            }

            pairs[state] = new Pair(ana, ben, space, grant, privateMemory, note);
        }

        // The expired one's day is over; the counsellor signs in again after the pause.
        factory.Clock.Advance(TimeSpan.FromDays(2));
        await cleo.SignInAsync();
        var token = await AntiforgeryTokenAsync(cleo);

        var endpoints = Endpoints(factory.Services);
        var bodies = AuthorizationMatrix.Rows.ToDictionary(r => r.Key, r => r.Body, StringComparer.Ordinal);
        var problems = new List<string>();
        var cases = 0;
        var before = await RowsAsync();
        foreach (var state in Enum.GetValues<CounsellorState>())
        {
            var pair = pairs[state];
            foreach (var endpoint in endpoints)
            {
                var underSpace = endpoint.Route.Contains("{spaceId", StringComparison.Ordinal);
                var sheet = endpoint.Route.Contains("{grantId", StringComparison.Ordinal);
                var safe = endpoint.Method is "GET" or "PAGE";
                if (!safe && !underSpace && !sheet)
                {
                    // The counsellor's own account (signing out, deleting it...): not about any pair.
                    continue;
                }

                var attempts = new List<(string Label, HttpRequestMessage Request)>();
                var url = Fill(endpoint.Route, pair);
                var request = new HttpRequestMessage(endpoint.Method == "PAGE" ? HttpMethod.Get : new HttpMethod(endpoint.Method), new Uri(url, UriKind.Relative));
                if (!safe)
                {
                    request.Content = new StringContent(MatrixWorld.FillBody(bodies.GetValueOrDefault(endpoint.Key) ?? "{}", Actor.Stranger), Encoding.UTF8, "application/json");
                }

                attempts.Add((endpoint.Key, request));
                foreach (var handler in underSpace || sheet ? endpoint.Handlers : [])
                {
                    attempts.Add(($"{endpoint.Key} POST handler '{handler}'", new HttpRequestMessage(HttpMethod.Post, new Uri(url + (handler.Length == 0 ? "" : $"?handler={handler}"), UriKind.Relative))
                    {
                        Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = token, ["Input.Email"] = cleo.Email, ["Input.Scopes"] = "map", ["Input.Days"] = "90", ["Input.PracticeId"] = "practice.walk-and-talk", ["Input.Note"] = "A thought" }),
                    }));
                }

                foreach (var (label, message) in attempts)
                {
                    cases++;
                    using var response = await cleo.Http.SendAsync(message);
                    var text = await response.Content.ReadAsStringAsync();
                    var status = (int)response.StatusCode;
                    var what = $"{label} [{state}] as the counsellor: {status}";
                    var succeeded = status is >= 200 and < 300 || (status is >= 300 and < 400 && response.Headers.Location?.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal) != true);
                    foreach (var canary in canaries.Where(c => text.Contains(c, StringComparison.Ordinal)))
                    {
                        problems.Add($"{what} shows '{canary}'");
                    }

                    if (status >= 500 && endpoint.Route != "/error")
                    {
                        problems.Add($"{what} (a server error)");
                    }
                    else if (underSpace && status != 404)
                    {
                        problems.Add($"{what}, not the missing-id 404");
                    }
                    else if (sheet && state == CounsellorState.Consented && !succeeded)
                    {
                        problems.Add($"{what}, but both consented: {Trim(text)}");
                    }
                    else if (sheet && state != CounsellorState.Consented && status != 404)
                    {
                        problems.Add($"{what}, not the missing-id 404");
                    }
                    else if (!underSpace && !sheet && succeeded)
                    {
                        foreach (var (other, p) in pairs.Where(p => p.Key != CounsellorState.Consented))
                        {
                            if (text.Contains(p.Grant.ToString(), StringComparison.Ordinal) || text.Contains($"Ana {other}", StringComparison.Ordinal) || text.Contains(p.Space.ToString(), StringComparison.Ordinal))
                            {
                                problems.Add($"{what} names the pair in state {other}");
                            }
                        }
                    }
                }
            }
        }

        // What the consented pair's sheet holds: their shared map and weeks, in both the API and the page.
        var consented = await cleo.GetJsonAsync($"/api/v1/counsellor/pairs/{pairs[CounsellorState.Consented].Grant}");
        Assert.Equal(["emotional"], consented.GetProperty("rounds")[0].GetProperty("dimensions").EnumerateArray().Select(d => d.GetProperty("dimension").GetString()));
        Assert.Equal(1, consented.GetProperty("weeks").GetArrayLength());
        var list = await cleo.GetJsonAsync("/api/v1/counsellor/pairs");
        Assert.Equal([pairs[CounsellorState.Consented].Grant], list.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));

        // The one write a counsellor has: a suggestion to the consented pair (the API's and the sheet form's), none to any other.
        var suggested = await factory.WithDbAsync(db => db.Set<Hearth.Web.Features.Counsellors.CounsellorSuggestion>().IgnoreQueryFilters().GroupBy(x => x.GrantId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        foreach (var (state, pair) in pairs)
        {
            var count = suggested.FirstOrDefault(x => x.Key == pair.Grant)?.Count ?? 0;
            if (count != (state == CounsellorState.Consented ? 2 : 0))
            {
                problems.Add($"the pair in state {state} has {count} suggestions from the counsellor");
            }
        }

        var after = await RowsAsync();
        foreach (var table in before.Keys.Union(after.Keys))
        {
            var changed = before.GetValueOrDefault(table, []).Except(after.GetValueOrDefault(table, [])).Count() + after.GetValueOrDefault(table, []).Except(before.GetValueOrDefault(table, [])).Count();
            if (changed > 0)
            {
                problems.Add($"the counsellor's requests changed {changed} rows of {table}");
            }
        }

        SecurityReport.Record(
            "counsellor matrix: every endpoint and page x counsellor (consented, invited by one, revoked, expired, another's pair, after a member left)",
            factory.ProviderName, cases, problems.Count, "CounsellorMatrixTests.A_counsellor_gets_only_the_sheet_both_consented_to_in_every_state",
            $"{endpoints.Count} endpoints; {canaries.Count} private markers scanned in every answer");
        Assert.True(cases > 500, $"only {cases} cases");
        Assert.True(problems.Count == 0, $"{problems.Count} of {cases} cases:\n" + string.Join('\n', problems.Take(80)));
    }

    private sealed record Endpoint(string Method, string Route, IReadOnlyList<string> Handlers)
    {
        public string Key => $"{Method} {Route}";
    }

    private static List<Endpoint> Endpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var route = "/" + (e.RoutePattern.RawText ?? "").Trim('/');
                var page = e.Metadata.GetMetadata<CompiledPageActionDescriptor>();
                var methods = e.Metadata.GetMetadata<PageActionDescriptor>() is not null ? ["PAGE"] : e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                var handlers = page?.HandlerMethods.Where(h => h.HttpMethod == "Post").Select(h => h.Name ?? "").Distinct(StringComparer.Ordinal).ToList() ?? [];
                return methods.Select(m => new Endpoint(m, route, handlers));
            })
            .DistinctBy(e => e.Key)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();

    private static string Fill(string route, Pair pair) => Regex.Replace(route, "\\{([a-zA-Z]+)(:[a-z]+)?\\}", m => m.Groups[1].Value switch
    {
        "spaceId" => pair.Space.ToString(),
        "grantId" => pair.Grant.ToString(),
        "memoryId" => pair.PrivateMemory.ToString(),
        "noteId" => pair.Note.ToString(),
        "date" => "2026-06-01",
        "section" => "anchor",
        "practiceId" => "practice.walk-and-talk",
        "stepId" => "reconnect.honest-talk",
        "itemId" => "debrief.strength.emotional",
        "insightKey" => "strength.both.emotional.none",
        "code" => "404",
        "documentName" => "v1",
        "passkeyId" => "bm90LWEtcGFzc2tleQ",
        "token" => "not-a-real-token",
        _ => Guid.NewGuid().ToString(),
    });

    private static async Task<string> AntiforgeryTokenAsync(Person person)
    {
        var html = await person.Http.GetStringAsync(new Uri("/spaces/new", UriKind.Relative));
        var token = Regex.Match(html, "name=\"__af\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token));
        return token;
    }

    /// <summary>Every row of every table but the throttle's counters, sessions, the access log (a look is meant to be
    /// written), the counsellor's suggestions (counted per pair above) and the instance's Web Push key (made on the first read of it, by anyone).</summary>
    private Task<Dictionary<string, HashSet<string>>> RowsAsync() => factory.WithDbAsync(async db =>
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var dump = typeof(CounsellorMatrixTests<TFactory>).GetMethod(nameof(RowsOfAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        foreach (var type in db.Model.GetEntityTypes().Where(t => !t.HasSharedClrType && !t.IsOwned() && t.ClrType.Name is not "AttemptCounter" and not "CounsellorLook" and not "CounsellorSuggestion" and not "UserSession" and not "PushServerKey"))
        {
            result[type.ClrType.Name] = await (Task<HashSet<string>>)dump.MakeGenericMethod(type.ClrType).Invoke(null, [db])!;
        }

        return result;
    });

    private static async Task<HashSet<string>> RowsOfAsync<T>(Data.HearthDbContext db)
        where T : class
    {
        var options = new JsonSerializerOptions { ReferenceHandler = System.Text.Json.Serialization.ReferenceHandler.IgnoreCycles };
        var rows = await db.Set<T>().IgnoreQueryFilters().AsNoTracking().ToListAsync();
        return rows.Select(r => JsonSerializer.Serialize(r, options)).ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<Guid> CreatedIdAsync(Person person, string url, object body)
    {
        var response = await person.Http.PostAsJsonAsync(url, body);
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static string Trim(string text) => text.Length > 300 ? text[..300] + "..." : text;
}

public sealed class CounsellorMatrixOnSqlite(SqliteHearthFactory factory) : CounsellorMatrixTests<SqliteHearthFactory>(factory);

public sealed class CounsellorMatrixOnPostgres(PostgresHearthFactory factory) : CounsellorMatrixTests<PostgresHearthFactory>(factory);

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hearth.Web.Api;
using Hearth.Web.Tests.Assessments;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Security;

/// <summary>
/// The authorisation matrix (docs/product/privacy-rules.md, "How we test it"): every endpoint and page from the app's
/// own endpoint data source, asked by anonymous, self, partner, stranger and ex-partner over the
/// object states in <see cref="AuthorizationMatrix"/>. A new endpoint without a row fails; every
/// answer is scanned for marker strings the caller must never see. <see cref="Languages"/> gives the
/// four people their own language settings: the same matrix must hold with members on different languages.
/// </summary>
[Slow("every endpoint and page, by every actor, in every state")]
public abstract class AuthorizationMatrixTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    /// <summary>The language settings of Ana, Ben, Cy and Dee (null: none chosen, so English).</summary>
    protected virtual MatrixLanguages Languages => MatrixLanguages.None;

    /// <summary>The endpoint's identity in the matrix: method and route pattern ("PAGE" for Razor pages).</summary>
    public static IReadOnlyList<string> EndpointKeys(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var route = "/" + (e.RoutePattern.RawText ?? "").Trim('/');
                var isPage = e.Metadata.GetMetadata<PageActionDescriptor>() is not null;
                var methods = isPage ? ["PAGE"] : e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                return methods.Select(m => $"{m} {route}");
            })
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void Every_endpoint_and_page_has_a_row_and_every_row_an_endpoint()
    {
        factory.RequireAvailable();
        var endpoints = EndpointKeys(factory.Services);
        var rows = AuthorizationMatrix.Rows.Select(r => r.Key).ToList();
        var duplicates = rows.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var missing = endpoints.Except(rows, StringComparer.Ordinal).ToList();
        var stale = rows.Except(endpoints, StringComparer.Ordinal).ToList();
        Assert.True(
            missing.Count == 0 && stale.Count == 0 && duplicates.Count == 0,
            "The authorisation matrix (Security/AuthorizationMatrix.cs) is out of step with the app.\n"
            + (missing.Count > 0 ? "Endpoints without a row (add one, with the expected outcome per actor and state):\n  " + string.Join("\n  ", missing) + "\n" : "")
            + (stale.Count > 0 ? "Rows whose endpoint no longer exists:\n  " + string.Join("\n  ", stale) + "\n" : "")
            + (duplicates.Count > 0 ? "Rows listed twice:\n  " + string.Join("\n  ", duplicates) + "\n" : ""));
    }

    [Fact]
    public async Task Every_actor_gets_exactly_what_the_matrix_says_in_every_state()
    {
        factory.RequireAvailable();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var world = await MatrixWorld.BuildAsync(factory, Languages);
        var rows = AuthorizationMatrix.Rows;
        var cases = (from row in rows
                     from cell in row.Cells
                     from actor in Enum.GetValues<Actor>()
                     let expected = cell.Value[(int)actor]
                     where expected != '-'
                     select new MatrixCase(row, cell.Key, actor, expected, null)).ToList();

        // Every form handler of a page (from the page's own descriptor), posted with a valid
        // antiforgery token by each actor the page turns away: turned away the same way.
        var handlers = PostHandlers(factory.Services);
        cases.AddRange(from c in cases.ToList()
                       where c.Row.IsPage && c.Expected is 'N' or 'S'
                       from handler in handlers.GetValueOrDefault(c.Row.Key, [])
                       select c with { Handler = handler });
        var report = new MatrixReport();

        // 1. Every read, by everyone, in every state.
        foreach (var c in cases.Where(c => c.IsSafe))
        {
            await RunAsync(world, c, report);
        }

        // 2. Every write by someone who may not write there; afterwards the world must look exactly as before.
        var before = await world.SnapshotAsync();
        var rowsBefore = await world.DatabaseRowsAsync();
        foreach (var c in cases.Where(c => !c.IsSafe && c.Expected is 'N' or 'S'))
        {
            await RunAsync(world, c, report);
        }

        var after = await world.SnapshotAsync();
        var rowsAfter = await world.DatabaseRowsAsync();
        foreach (var table in rowsBefore.Keys.Union(rowsAfter.Keys))
        {
            var gone = rowsBefore.GetValueOrDefault(table, []).Except(rowsAfter.GetValueOrDefault(table, [])).Count();
            var added = rowsAfter.GetValueOrDefault(table, []).Except(rowsBefore.GetValueOrDefault(table, [])).Count();
            if (gone + added > 0)
            {
                report.Add(MismatchKind.UnexpectedSuccess, $"writes that were turned away still changed the database: {table} lost or changed {gone} and gained {added} rows");
            }
        }

        foreach (var (url, text) in before)
        {
            if (after[url] != text)
            {
                report.Add(MismatchKind.UnexpectedSuccess, $"a write that was refused still changed what {url} shows");
            }
        }

        // 3. The writes by members (allowed, or refused for the object's state), in table order;
        // leaving and signing out come last.
        foreach (var c in cases.Where(c => !c.IsSafe && c.Expected is 'A' or 'R').OrderBy(c => c.Row.Last))
        {
            await RunAsync(world, c, report);
        }

        var endpoints = EndpointKeys(factory.Services).Count;
        var summary = $"authorisation matrix ({factory.ProviderName}{Languages.Named}): {endpoints} endpoints, {cases.Count} cases, "
            + $"{report.Count(MismatchKind.UnexpectedSuccess)} unexpected successes, {report.Count(MismatchKind.UnexpectedDenial)} unexpected denials, "
            + $"{report.Count(MismatchKind.Other)} other mismatches; refused writes left {before.Count} views and {rowsBefore.Values.Sum(r => r.Count)} database rows "
            + $"in {rowsBefore.Count} tables unchanged ({started.Elapsed.TotalSeconds:0.0} s)";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Console.WriteLine(summary);
        // Also as a file, so CI prints the figures after the run (dotnet test hides passing tests' output).
        if (Environment.GetEnvironmentVariable("HEARTH_ARTIFACTS") is { Length: > 0 } artifacts)
        {
            Directory.CreateDirectory(artifacts);
            await File.WriteAllTextAsync(Path.Combine(artifacts, $"authorisation-matrix-{factory.ProviderName}{Languages.FileSuffix}.txt"), summary + "\n", TestContext.Current.CancellationToken);
        }

        SecurityReport.Record(
            "authorisation matrix: every endpoint and page x anonymous, self, partner, stranger, ex-partner x object states" + Languages.Named,
            factory.ProviderName, cases.Count, report.Mismatches.Count, "AuthorizationMatrixTests.Every_actor_gets_exactly_what_the_matrix_says_in_every_state",
            $"{endpoints} endpoints; refused writes left {before.Count} views and {rowsBefore.Values.Sum(r => r.Count)} rows unchanged");
        Assert.True(cases.Count > 500, $"only {cases.Count} cases");
        Assert.True(report.Mismatches.Count == 0, summary + "\n" + string.Join("\n", report.Mismatches));
    }

    private static async Task RunAsync(MatrixWorld world, MatrixCase c, MatrixReport report)
    {
        var url = world.Fill(c.Row.Route, c.State);
        if (c.Handler is { } handlerName)
        {
            url += handlerName.Length == 0 ? "" : $"?handler={handlerName}";
        }

        using var request = new HttpRequestMessage(c.Row.IsPage && c.Handler is null ? HttpMethod.Get : c.Row.IsPage ? HttpMethod.Post : new HttpMethod(c.Row.Method), new Uri(url, UriKind.Relative));
        if (c.Handler is not null)
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = await world.AntiforgeryTokenAsync(c.Actor) });
        }
        else if (c.Row.Body is { } body)
        {
            request.Content = new StringContent(MatrixWorld.FillBody(body, c.Actor, world.LanguageOf(c.Actor)), Encoding.UTF8, "application/json");
        }
        else if (!c.Row.IsSafe)
        {
            request.Content = new StringContent("", Encoding.UTF8, "application/json");
            request.Content.Headers.ContentLength = 0;
        }

        using var response = await world.Client(c.Actor).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var actual = Classify(response);
        var label = $"{c.Row.Key}{(c.Handler is null ? "" : $" POST handler '{c.Handler}'")} [{c.State}] as {c.Actor}: expected {Describe(c.Expected)}, got {(int)response.StatusCode}";

        var leaked = world.ForbiddenFor(c.Actor, c.Row.Export).Where(m => text.Contains(m, StringComparison.Ordinal)).ToList();
        foreach (var marker in leaked)
        {
            report.Add(MismatchKind.UnexpectedSuccess, $"{label} and the answer shows '{marker}', which {c.Actor} must never see");
        }

        var allowedExpected = c.Expected is 'A' or 'M' or 'G';
        if (c.Expected == 'E' && actual == 'E')
        {
            // The error page.
        }
        else if (actual == 'E')
        {
            report.Add(MismatchKind.Other, $"{label} (a server error): {Trim(text)}");
        }
        else if (allowedExpected && actual != 'A')
        {
            report.Add(MismatchKind.UnexpectedDenial, $"{label}: {Trim(text)}");
        }
        else if (!allowedExpected && actual == 'A')
        {
            report.Add(MismatchKind.UnexpectedSuccess, $"{label}: {Trim(text)}");
        }
        else if (c.Expected == 'R' && actual is 'N' or 'S')
        {
            report.Add(MismatchKind.UnexpectedDenial, $"{label}: {Trim(text)}");
        }
        else if (!allowedExpected && actual != c.Expected)
        {
            report.Add(MismatchKind.Other, $"{label}: {Trim(text)}");
        }
        else if (c.Expected is 'M' or 'G')
        {
            var marker = world.Marker(c.Row.Topic, c.State)
                ?? throw new InvalidOperationException($"{c.Row.Key} [{c.State}] checks a marker, but the world has none for {c.Row.Topic}");
            var shown = text.Contains(marker, StringComparison.Ordinal);
            if (c.Expected == 'M' && !shown)
            {
                report.Add(MismatchKind.UnexpectedDenial, $"{label} but '{marker}' is not in the answer");
            }
            else if (c.Expected == 'G' && shown && !leaked.Contains(marker))
            {
                report.Add(MismatchKind.UnexpectedSuccess, $"{label} and '{marker}' is in the answer before the reveal");
            }
        }
        else if (actual == 'N' && !c.Row.IsPage && !IsMissingShape(response, text))
        {
            // Not theirs looks exactly like missing: the same ProblemDetails.
            report.Add(MismatchKind.Other, $"{label} but not with the missing-id answer: {Trim(text)}");
        }

        report.Ran++;
    }

    /// <summary>A allowed, N not found, S sign in, R refused request, E server error.</summary>
    private static char Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location is { } l ? new Uri(new Uri("https://localhost"), l).AbsolutePath : null;
        return status switch
        {
            >= 500 => 'E',
            401 => 'S',
            404 => 'N',
            >= 300 and < 400 when location == "/account/sign-in" => 'S',
            >= 200 and < 400 => 'A',
            _ => 'R',
        };
    }

    private static bool IsMissingShape(HttpResponseMessage response, string text)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }

        using var problem = JsonDocument.Parse(text);
        return problem.RootElement.TryGetProperty("detail", out var detail) && MissingDetails.Contains(detail.GetString() ?? "");
    }

    /// <summary>The missing-id answer's detail in every shipped language (the actor reads it in their own).</summary>
    private static readonly HashSet<string> MissingDetails =
    [
        ApiResults.NotFoundDetail,
        .. Hearth.Core.Languages.HearthLanguages.Shipped.Select(l =>
            new System.Resources.ResourceManager(typeof(Hearth.Web.Api.ApiText).FullName!, typeof(Hearth.Web.Api.ApiText).Assembly)
                .GetString("NotFoundDetail", System.Globalization.CultureInfo.GetCultureInfo(l)) ?? ApiResults.NotFoundDetail),
    ];

    private static string Describe(char expected) => expected switch
    {
        'A' => "allowed",
        'M' => "allowed with the marker shown",
        'G' => "allowed with the marker hidden",
        'R' => "refused (4xx)",
        'N' => "not found",
        'S' => "sign in",
        _ => expected.ToString(),
    };

    private static string Trim(string text) => text.Length > 300 ? text[..300] + "..." : text;

    /// <summary>Each page's POST handlers ("" for OnPost), by matrix key.</summary>
    private static Dictionary<string, List<string>> PostHandlers(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: "PAGE /" + (e.RoutePattern.RawText ?? "").Trim('/'), Page: e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>()))
            .Where(p => p.Page is not null)
            .ToDictionary(
                p => p.Route,
                p => p.Page!.HandlerMethods.Where(h => h.HttpMethod == "Post").Select(h => h.Name ?? "").Distinct(StringComparer.Ordinal).ToList(),
                StringComparer.Ordinal);

    /// <param name="Handler">A page's POST handler, or null for the row's own method.</param>
    private sealed record MatrixCase(MatrixRow Row, ObjectState State, Actor Actor, char Expected, string? Handler)
    {
        public bool IsSafe => Row.IsSafe && Handler is null;
    }
}

public enum MismatchKind
{
    UnexpectedSuccess,
    UnexpectedDenial,
    Other,
}

public sealed class MatrixReport
{
    private readonly List<(MismatchKind Kind, string Text)> mismatches = [];

    public int Ran { get; set; }

    public IReadOnlyList<string> Mismatches => mismatches.Select(m => $"{m.Kind}: {m.Text}").ToList();

    public void Add(MismatchKind kind, string text) => mismatches.Add((kind, text));

    public int Count(MismatchKind kind) => mismatches.Count(m => m.Kind == kind);
}

/// <summary>
/// The world the matrix asks about, built with real data through the API. Ana and Ben share two
/// spaces: in one only Ana has answered (unrevealed), in the other both have (revealed), and it holds
/// the shared and deleted things. Ana's earlier space with Dee is closed (Dee left). Cy has a space of
/// their own. Every free text carries a marker, so who may see what is checked in every answer.
/// </summary>
public sealed class MatrixWorld
{
    private const string Practice = "practice.walk-and-talk";
    private readonly Dictionary<ObjectState, Dictionary<string, string>> values = [];
    private readonly Dictionary<(Topic, ObjectState), string> markers = [];
    private readonly Dictionary<Actor, HashSet<string>> forbidden = [];
    private readonly List<string> snapshotUrls = [];
    private readonly Dictionary<Actor, string> tokens = [];
    private HashSet<string> forbiddenInExport = [];

    private readonly MatrixLanguages languages;

    private MatrixWorld(HearthFactory factory, MatrixLanguages languages)
    {
        Factory = factory;
        this.languages = languages;
    }

    public HearthFactory Factory { get; }

    public Person Ana { get; private set; } = null!;

    public Person Ben { get; private set; } = null!;

    public Person Cy { get; private set; } = null!;

    public Person Dee { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public static async Task<MatrixWorld> BuildAsync(HearthFactory factory, MatrixLanguages? languages = null)
    {
        var world = new MatrixWorld(factory, languages ?? MatrixLanguages.None);
        await world.BuildAsync();
        return world;
    }

    /// <summary>The actor's own language setting (Ana is self, Ben partner, Cy stranger, Dee ex-partner).</summary>
    public string? LanguageOf(Actor actor) => actor switch
    {
        Actor.Self => languages.Ana,
        Actor.Partner => languages.Ben,
        Actor.Stranger => languages.Cy,
        Actor.ExPartner => languages.Dee,
        _ => null,
    };

    public HttpClient Client(Actor actor) => actor switch
    {
        Actor.Anonymous => Anonymous,
        Actor.Self => Ana.Http,
        Actor.Partner => Ben.Http,
        Actor.Stranger => Cy.Http,
        _ => Dee.Http,
    };

    public string? Marker(Topic topic, ObjectState state) => markers.GetValueOrDefault((topic, state));

    public IReadOnlySet<string> ForbiddenFor(Actor actor, bool export) =>
        export && actor == Actor.ExPartner ? forbiddenInExport : forbidden[actor];

    public string Fill(string route, ObjectState state)
    {
        var v = values[state];
        var filled = System.Text.RegularExpressions.Regex.Replace(route, "\\{([a-zA-Z]+)(:[a-z]+)?\\}", m =>
        {
            var name = m.Groups[1].Value;
            if (name == "token")
            {
                return route.StartsWith("/calendar/", StringComparison.Ordinal) ? v["calendarToken"] : v["inviteToken"];
            }

            return v.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"The matrix world has no '{name}' for {route} in state {state}.");
        });
        return filled;
    }

    /// <summary>A valid antiforgery token for this actor's own browser (pages check it before anything else).</summary>
    public async Task<string> AntiforgeryTokenAsync(Actor actor)
    {
        if (!tokens.TryGetValue(actor, out var token))
        {
            var html = await Client(actor).GetStringAsync(new Uri(actor == Actor.Anonymous ? "/account/sign-in" : "/spaces/new", UriKind.Relative));
            token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__af\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
            Assert.False(string.IsNullOrEmpty(token), $"no antiforgery token for {actor}");
            tokens[actor] = token;
        }

        return token;
    }

    /// <param name="language">The caller's own language setting, for a body's "{language}" (null: none chosen).</param>
    public static string FillBody(string body, Actor actor, string? language = null) => body
        .Replace("\"{language}\"", JsonSerializer.Serialize(language), StringComparison.Ordinal)
        .Replace("{email}", $"mx-{Guid.NewGuid():N}@example.org", StringComparison.Ordinal)
        .Replace("{password}", Person.DefaultPassword, StringComparison.Ordinal)
        .Replace("{actor}", actor.ToString(), StringComparison.Ordinal);

    /// <summary>What Ana and Ben see of everything in their spaces (and Ana of her account), as text.</summary>
    public async Task<Dictionary<string, string>> SnapshotAsync()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var url in snapshotUrls)
        {
            foreach (var (who, person) in new[] { ("Ana", Ana), ("Ben", Ben) })
            {
                var response = await person.Http.GetAsync(new Uri(url, UriKind.Relative));
                var text = System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(), "\"traceId\":\"[^\"]*\"", "");
                result[$"{url} (as {who})"] = $"{(int)response.StatusCode} {text}";
            }
        }

        return result;
    }

    /// <summary>Every row of every table (filters off), serialised, per entity type: the database's whole state.</summary>
    public Task<Dictionary<string, HashSet<string>>> DatabaseRowsAsync() => Factory.WithDbAsync(async db =>
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var dump = typeof(MatrixWorld).GetMethod(nameof(RowsOfAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        // Counting tries is the throttle's job: a refused try at a door that checks a passphrase or code is
        // counted (AttemptCounters) by design, so that table is not part of "nothing changed".
        foreach (var type in db.Model.GetEntityTypes().Where(t => !t.HasSharedClrType && !t.IsOwned() && t.ClrType.Name != "AttemptCounter"))
        {
            var task = (Task<HashSet<string>>)dump.MakeGenericMethod(type.ClrType).Invoke(null, [db])!;
            result[type.ClrType.Name] = await task;
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

    private async Task BuildAsync()
    {
        Anonymous = Factory.NewClient();
        Ana = await Person.RegisterAsync(Factory, "Ana");
        Ben = await Person.RegisterAsync(Factory, "Ben");
        Cy = await Person.RegisterAsync(Factory, "Cy");
        Dee = await Person.RegisterAsync(Factory, "Dee");
        foreach (var (person, language) in new[] { (Ana, languages.Ana), (Ben, languages.Ben), (Cy, languages.Cy), (Dee, languages.Dee) })
        {
            if (language is not null)
            {
                await Expect.StatusAsync(HttpStatusCode.OK, await person.Http.PutAsJsonAsync("/api/v1/account/language", new { language }));
            }
        }

        var tag = Guid.NewGuid().ToString("N")[..6];
        string Mark(string what) => $"mx{tag}-{what}";

        // The closed space: Ana and Dee, with a shared memory, a note and time together, then Dee left.
        var closed = await Ana.PairWithAsync(Dee);
        var closedMemory = await CreatedIdAsync(Ana, $"/api/v1/spaces/{closed}/memories", new { title = Mark("closed-memory"), shared = true });
        var closedNote = await CreatedIdAsync(Ana, $"/api/v1/spaces/{closed}/notes", new { kind = "appreciation", text = Mark("closed-note") });
        var closedEntry = await EntryAsync(Ana, closed);
        await Expect.StatusAsync(HttpStatusCode.NoContent, await Dee.LeaveAsync(closed));

        // The unrevealed space: only Ana has answered; her private memory.
        var unrevealed = await Ana.PairWithAsync(Ben);
        var date = (await Ana.GetJsonAsync($"/api/v1/spaces/{unrevealed}/prompt/today")).GetProperty("date").GetString()!;
        await AnswerAsync(Ana, unrevealed, date, Mark("prompt-unrevealed"));
        await CheckInAsync(Ana, unrevealed, Mark("checkin-unrevealed"));
        await Ana.TakeAsync(unrevealed, AssessmentDriver.Uniform(5));
        var privateMemory = await CreatedIdAsync(Ana, $"/api/v1/spaces/{unrevealed}/memories", new { title = Mark("private-memory"), shared = false });

        // The revealed space: both answered; shared and deleted things; Ben's own private memory.
        var revealed = await Ana.PairWithAsync(Ben);
        await AnswerAsync(Ana, revealed, date, Mark("prompt-revealed"));
        await AnswerAsync(Ben, revealed, date, Mark("ben-prompt-revealed"));
        await CheckInAsync(Ana, revealed, Mark("checkin-revealed"));
        await CheckInAsync(Ben, revealed, Mark("ben-checkin-revealed"));
        await Ana.TakeAsync(revealed, AssessmentDriver.Uniform(5), share: ["emotional", "experiential"]);
        await Ben.TakeAsync(revealed, AssessmentDriver.Uniform(4), share: ["emotional"]);
        var sharedMemory = await CreatedIdAsync(Ana, $"/api/v1/spaces/{revealed}/memories", new { title = Mark("shared-memory"), shared = true });
        await CreatedIdAsync(Ben, $"/api/v1/spaces/{revealed}/memories", new { title = Mark("ben-private-memory"), shared = false });
        var deletedMemory = await CreatedIdAsync(Ana, $"/api/v1/spaces/{revealed}/memories", new { title = Mark("deleted-memory"), shared = true });
        await Expect.StatusAsync(HttpStatusCode.NoContent, await Ana.Http.DeleteAsync(new Uri($"/api/v1/spaces/{revealed}/memories/{deletedMemory}", UriKind.Relative)));
        var note = await CreatedIdAsync(Ana, $"/api/v1/spaces/{revealed}/notes", new { kind = "appreciation", text = Mark("note") });
        await Expect.StatusAsync(HttpStatusCode.OK, await Ana.Http.PutAsync(new Uri($"/api/v1/spaces/{revealed}/practices/ours/{Practice}", UriKind.Relative), null));
        var entry = await EntryAsync(Ana, revealed);
        var deletedEntry = await EntryAsync(Ana, revealed, except: entry);
        await Expect.StatusAsync(HttpStatusCode.OK, await Ana.Http.DeleteAsync(new Uri($"/api/v1/spaces/{revealed}/quality-time/entries/{deletedEntry}", UriKind.Relative)));
        await Expect.StatusAsync(HttpStatusCode.OK, await Ana.Http.PutAsJsonAsync($"/api/v1/spaces/{revealed}/ritual", new { day = "sunday", time = "19:00" }));

        // Cy's own space, and an invitation link and calendar feed of Ana's.
        var cySpace = await Cy.CreateSpaceAsync(label: Mark("cy-label"));
        await CreatedIdAsync(Cy, $"/api/v1/spaces/{cySpace}/memories", new { title = Mark("cy-memory"), shared = true });
        var inviteToken = await Ana.InviteAsync(await Ana.CreateSpaceAsync("friends"));
        var feed = await Ana.Http.PostAsync(new Uri("/api/v1/account/calendar-feed", UriKind.Relative), null);
        await Expect.StatusAsync(HttpStatusCode.Created, feed);
        var feedUrl = (await feed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        var calendarToken = feedUrl[(feedUrl.LastIndexOf('/') + 1)..].Replace(".ics", "", StringComparison.Ordinal);

        // Ana's second device (only she may end it).
        var phone = new Person(Factory, Factory.NewClient(), Ana.Email, Ana.Password, Ana.Name);
        await phone.SignInAsync();
        var phoneSession = (await Ana.GetJsonAsync("/api/v1/account/sessions")).EnumerateArray()
            .Single(s => !s.GetProperty("isThisDevice").GetBoolean()).GetProperty("id").GetString()!;

        var missing = Guid.NewGuid().ToString();
        var common = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["date"] = date,
            ["practiceId"] = Practice,
            ["section"] = "anchor",
            ["stepId"] = "reconnect.honest-talk",
            ["itemId"] = "debrief.strength.emotional",
            ["insightKey"] = "strength.both.emotional.none",
            ["code"] = "404",
            ["documentName"] = "v1",
            ["sessionId"] = phoneSession,
            ["passkeyId"] = "bm90LWEtcGFzc2tleQ",
            ["inviteToken"] = inviteToken,
            ["calendarToken"] = calendarToken,
            ["memoryId"] = missing,
            ["noteId"] = missing,
            ["entryId"] = missing,
            ["deviceId"] = missing,
            ["grantId"] = missing,
            ["suggestionId"] = missing,
        };
        Dictionary<string, string> State(Guid? space, Guid? memory = null, Guid? noteId = null, Guid? entryId = null)
        {
            var v = new Dictionary<string, string>(common, StringComparer.Ordinal);
            if (space is { } s)
            {
                v["spaceId"] = s.ToString();
            }

            foreach (var (key, id) in new[] { ("memoryId", memory), ("noteId", noteId), ("entryId", entryId) })
            {
                if (id is { } value)
                {
                    v[key] = value.ToString();
                }
            }

            return v;
        }

        values[ObjectState.None] = State(null);
        values[ObjectState.Unrevealed] = State(unrevealed, privateMemory);
        values[ObjectState.Revealed] = State(revealed, sharedMemory, note, entry);
        values[ObjectState.Shared] = State(revealed, sharedMemory, note, entry);
        values[ObjectState.Deleted] = State(revealed, deletedMemory, null, deletedEntry);
        values[ObjectState.Closed] = State(closed, closedMemory, closedNote, closedEntry);

        markers[(Topic.Prompt, ObjectState.Unrevealed)] = Mark("prompt-unrevealed");
        markers[(Topic.Prompt, ObjectState.Revealed)] = Mark("prompt-revealed");
        markers[(Topic.CheckIn, ObjectState.Unrevealed)] = Mark("checkin-unrevealed");
        markers[(Topic.CheckIn, ObjectState.Revealed)] = Mark("checkin-revealed");
        markers[(Topic.Memory, ObjectState.Unrevealed)] = Mark("private-memory");
        markers[(Topic.Memory, ObjectState.Shared)] = Mark("shared-memory");
        markers[(Topic.Memory, ObjectState.Deleted)] = Mark("deleted-memory");
        markers[(Topic.Memory, ObjectState.Closed)] = Mark("closed-memory");
        markers[(Topic.Note, ObjectState.Shared)] = Mark("note");
        markers[(Topic.Note, ObjectState.Closed)] = Mark("closed-note");

        // Who must never see which marker, in any answer at all. Ana may see her own words (her
        // export keeps what she wrote in the closed space); Ben sees only what was shared or revealed.
        string[] all = ["prompt-unrevealed", "prompt-revealed", "ben-prompt-revealed", "checkin-unrevealed", "checkin-revealed", "ben-checkin-revealed",
            "private-memory", "shared-memory", "ben-private-memory", "deleted-memory", "note", "closed-memory", "closed-note", "cy-memory", "cy-label"];
        HashSet<string> Except(params string[] seen) => all.Except(seen, StringComparer.Ordinal).Select(Mark).ToHashSet(StringComparer.Ordinal);
        forbidden[Actor.Anonymous] = Except();
        forbidden[Actor.Self] = Except("prompt-unrevealed", "prompt-revealed", "ben-prompt-revealed", "checkin-unrevealed", "checkin-revealed", "ben-checkin-revealed",
            "private-memory", "shared-memory", "note", "closed-memory", "closed-note");
        forbidden[Actor.Partner] = Except("prompt-revealed", "ben-prompt-revealed", "checkin-revealed", "ben-checkin-revealed", "shared-memory", "ben-private-memory", "note");
        forbidden[Actor.Stranger] = Except("cy-memory", "cy-label");
        forbidden[Actor.ExPartner] = Except();
        forbiddenInExport = Except("closed-memory", "closed-note");

        foreach (var space in new[] { unrevealed, revealed })
        {
            foreach (var path in new[] { "", "/assessment", "/assessment/results", "/assessment/map", "/settings", "/prompt/today", "/practices/ours", "/quality-time",
                         "/notes", "/memories", $"/memories/{sharedMemory}", $"/memories/{privateMemory}", "/ritual", "/check-in", "/trends", "/insights" })
            {
                snapshotUrls.Add($"/api/v1/spaces/{space}{path}");
            }
        }

        snapshotUrls.AddRange(["/api/v1/spaces", "/api/v1/me", "/api/v1/account/settings", "/api/v1/account/sessions", "/api/v1/account/two-factor", "/api/v1/account/passkeys", "/api/v1/account/calendar-feed"]);
    }

    private static async Task<Guid> CreatedIdAsync(Person person, string url, object body)
    {
        var response = await person.Http.PostAsJsonAsync(url, body);
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> EntryAsync(Person person, Guid space, Guid? except = null)
    {
        var response = await person.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/quality-time/entries", new { minutes = 20 });
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entries").EnumerateArray()
            .Select(e => e.GetProperty("id").GetGuid()).First(id => id != except);
    }

    private static async Task AnswerAsync(Person person, Guid space, string date, string text) =>
        await Expect.StatusAsync(HttpStatusCode.OK, await person.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/prompt/days/{date}/answer", new { text }));

    private static async Task CheckInAsync(Person person, Guid space, string needs) =>
        await Expect.StatusAsync(HttpStatusCode.Created, await person.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/check-in", new { satisfaction = 7, closeness = 6, needs }));
}

/// <summary>The language settings of the matrix's four people (null: none chosen, so English).</summary>
public sealed record MatrixLanguages(string? Ana, string? Ben, string? Cy, string? Dee)
{
    public static readonly MatrixLanguages None = new(null, null, null, null);

    /// <summary>Ana and Cy in German, Ben and Dee in English: each pair (Ana-Ben, Ana-Dee) on different languages.</summary>
    public static readonly MatrixLanguages Mixed = new("de", "en", "de", "en");

    public string Named => this == None ? "" : $", languages Ana {Ana ?? "en"}, Ben {Ben ?? "en"}, Cy {Cy ?? "en"}, Dee {Dee ?? "en"}";

    public string FileSuffix => this == None ? "" : $"-{Ana ?? "en"}-{Ben ?? "en"}-{Cy ?? "en"}-{Dee ?? "en"}";
}

public sealed class AuthorizationMatrixOnSqlite(SqliteHearthFactory factory) : AuthorizationMatrixTests<SqliteHearthFactory>(factory);

public sealed class AuthorizationMatrixOnPostgres(PostgresHearthFactory factory) : AuthorizationMatrixTests<PostgresHearthFactory>(factory);

/// <summary>The same matrix with the members of each space on different languages.</summary>
public sealed class AuthorizationMatrixInTwoLanguagesOnSqlite(SqliteHearthFactory factory) : AuthorizationMatrixTests<SqliteHearthFactory>(factory)
{
    protected override MatrixLanguages Languages => MatrixLanguages.Mixed;
}

/// <summary>The same matrix with the members of each space on different languages.</summary>
public sealed class AuthorizationMatrixInTwoLanguagesOnPostgres(PostgresHearthFactory factory) : AuthorizationMatrixTests<PostgresHearthFactory>(factory)
{
    protected override MatrixLanguages Languages => MatrixLanguages.Mixed;
}

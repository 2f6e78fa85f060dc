using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Hearth.Web.Data;
using Hearth.Web.Features.Memories;
using Hearth.Web.Features.Notes;
using Hearth.Web.Features.Prompts;
using Hearth.Web.Features.QualityTime;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Tests.Submissions;

/// <summary>
/// One submission, one item (docs/adr/0017): every create operation of the API, sent again with the
/// same Idempotency-Key (one after the other, or eight at once), creates one item and answers the
/// first answer; pages do the same with their one-time submission token.
/// </summary>
public abstract class OneSubmissionOneItemTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    private const string Header = "Idempotency-Key";

    /// <summary>A create operation of the API. Solo ones run in the sender's own space; OnePerDay ones refuse a second item by design.</summary>
    public sealed record Create(string Name, bool Solo, bool OnePerDay, Func<Person, Guid, Task<(string Url, object Body)>> Request, Func<HearthDbContext, Guid, Task<int>> Count);

    public static readonly Create[] Creates =
    [
        new("note", false, false, (_, s) => Task.FromResult(($"/api/v1/spaces/{s}/notes", (object)new { kind = "appreciation", text = "Thank you for the soup" })),
            (db, s) => db.Set<Note>().All().CountAsync(n => n.SpaceId == s)),
        new("memory", false, false, (_, s) => Task.FromResult(($"/api/v1/spaces/{s}/memories", (object)new { date = "2026-05-01", kind = "first", title = "The bus stop", text = "Rain", shared = true })),
            (db, s) => db.Set<Memory>().All().CountAsync(m => m.SpaceId == s)),
        new("time", false, false, (_, s) => Task.FromResult(($"/api/v1/spaces/{s}/quality-time/entries", (object)new { minutes = 20 })),
            (db, s) => db.Set<TimeTogether>().All().CountAsync(t => t.SpaceId == s)),
        new("prompt answer", false, true, async (p, s) =>
            {
                var date = (await p.GetJsonAsync($"/api/v1/spaces/{s}/prompt/today")).GetProperty("date").GetString();
                return ($"/api/v1/spaces/{s}/prompt/days/{date}/answer", new { text = "The walk by the sea" });
            },
            (db, s) => db.Set<PromptResponse>().All().CountAsync(r => r.SpaceId == s)),
        new("invitation", true, false, (_, s) => Task.FromResult(($"/api/v1/spaces/{s}/invitations", (object)new { })),
            (db, s) => db.Invitations.All().CountAsync(i => i.SpaceId == s)),
    ];

    public static TheoryData<string> CreateNames => [.. Creates.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CreateNames))]
    public async Task The_same_key_sent_twice_creates_one_item_and_answers_the_first_answer(string name)
    {
        factory.RequireAvailable();
        var create = Creates.Single(c => c.Name == name);
        var (ana, _, spaces) = await WorldAsync(create);
        var key = Guid.NewGuid().ToString("N");

        var first = await SendAsync(ana, create, spaces[ana], key);
        var again = await SendAsync(ana, create, spaces[ana], key);

        Assert.True(first.Status is HttpStatusCode.OK or HttpStatusCode.Created, first.Body);
        Assert.Equal(first.Status, again.Status);
        Assert.Equal(first.Body, again.Body);
        Assert.Equal(1, await CountAsync(create, spaces.Values));
    }

    [Theory]
    [MemberData(nameof(CreateNames))]
    public async Task Eight_at_once_with_one_key_create_one_item_and_all_answer_it(string name)
    {
        factory.RequireAvailable();
        var create = Creates.Single(c => c.Name == name);
        var (ana, _, spaces) = await WorldAsync(create);
        var key = "double-click-" + Guid.NewGuid().ToString("N");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SendAsync(ana, create, spaces[ana], key)));

        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.Created, $"{a.Status}: {a.Body}"));
        Assert.Single(answers.Select(a => a.Body).Distinct(StringComparer.Ordinal));
        Assert.Equal(1, await CountAsync(create, spaces.Values));
    }

    [Theory]
    [MemberData(nameof(CreateNames))]
    public async Task Different_keys_are_different_submissions(string name)
    {
        factory.RequireAvailable();
        var create = Creates.Single(c => c.Name == name);
        var (ana, _, spaces) = await WorldAsync(create);

        var first = await SendAsync(ana, create, spaces[ana], "one-" + Guid.NewGuid().ToString("N"));
        var second = await SendAsync(ana, create, spaces[ana], "two-" + Guid.NewGuid().ToString("N"));

        Assert.True(first.Status is HttpStatusCode.OK or HttpStatusCode.Created, first.Body);
        if (create.OnePerDay)
        {
            // One answer per day is the rule itself: a new key is a new try, which is told it was already done.
            Assert.Equal(HttpStatusCode.Conflict, second.Status);
            Assert.Equal(1, await CountAsync(create, spaces.Values));
        }
        else
        {
            Assert.Equal(first.Status, second.Status);
            Assert.NotEqual(first.Body, second.Body);
            Assert.Equal(2, await CountAsync(create, spaces.Values));
        }
    }

    [Theory]
    [MemberData(nameof(CreateNames))]
    public async Task Keys_belong_to_one_member_so_the_other_using_the_same_value_creates_their_own(string name)
    {
        factory.RequireAvailable();
        var create = Creates.Single(c => c.Name == name);
        var (ana, ben, spaces) = await WorldAsync(create);
        const string key = "shared-looking-key-1";

        var anas = await SendAsync(ana, create, spaces[ana], key);
        var bens = await SendAsync(ben, create, spaces[ben], key);

        Assert.True(anas.Status is HttpStatusCode.OK or HttpStatusCode.Created, anas.Body);
        Assert.Equal(anas.Status, bens.Status);
        Assert.NotEqual(anas.Body, bens.Body);
        Assert.Equal(2, await CountAsync(create, spaces.Values));
    }

    [Theory]
    [MemberData(nameof(CreateNames))]
    public async Task A_key_too_long_is_a_clear_400_and_creates_nothing(string name)
    {
        factory.RequireAvailable();
        var create = Creates.Single(c => c.Name == name);
        var (ana, _, spaces) = await WorldAsync(create);
        string[] hostile = [new string('k', 101), new string('x', 1000)];

        foreach (var key in hostile)
        {
            var (url, body) = await create.Request(ana, spaces[ana]);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = JsonContent.Create(body) };
            request.Headers.TryAddWithoutValidation(Header, key);
            var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.SendAsync(request));
            Assert.Contains("at most 100 characters", Assert.Single(problem.FieldErrors("idempotencyKey")), StringComparison.Ordinal);
        }

        Assert.Equal(0, await CountAsync(create, spaces.Values));
    }

    [Fact]
    public async Task The_API_document_names_the_header_on_every_create_operation()
    {
        factory.RequireAvailable();
        var http = factory.NewClient();
        var document = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/v1/openapi.json", UriKind.Relative))).RootElement;
        string[] creates =
        [
            "/api/v1/spaces/{spaceId}/notes/",
            "/api/v1/spaces/{spaceId}/memories/",
            "/api/v1/spaces/{spaceId}/quality-time/entries",
            "/api/v1/spaces/{spaceId}/prompt/days/{date}/answer",
            "/api/v1/spaces/{spaceId}/invitations",
        ];

        var missing = creates.Where(path =>
        {
            var paths = document.GetProperty("paths");
            var found = paths.EnumerateObject().FirstOrDefault(p => p.Name.TrimEnd('/') == path.TrimEnd('/'));
            return found.Value.ValueKind != JsonValueKind.Object
                || !found.Value.GetProperty("post").TryGetProperty("parameters", out var parameters)
                || !parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == Header && p.GetProperty("in").GetString() == "header");
        }).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Back_then_Send_again_on_the_notes_and_memories_pages_stores_one_of_each()
    {
        factory.RequireAvailable();
        var (ana, _, spaces) = await WorldAsync(Creates[0]);
        var spaceId = spaces[ana];

        foreach (var (page, fields) in new[]
        {
            ($"/spaces/{spaceId}/notes", new Dictionary<string, string>(StringComparer.Ordinal) { ["Input.Text"] = "Thank you for the soup" }),
            ($"/spaces/{spaceId}/memories", new Dictionary<string, string>(StringComparer.Ordinal) { ["Input.Title"] = "The bus stop", ["Input.Kind"] = "first", ["Input.Date"] = "2026-05-01" }),
        })
        {
            // The form as the browser keeps it: Back shows the same form with the same hidden values.
            var form = await FormValuesAsync(ana.Http, page, fields);
            var first = await ana.Http.PostAsync(new Uri(form.Action, UriKind.Relative), new FormUrlEncodedContent(form.Values));
            var again = await ana.Http.PostAsync(new Uri(form.Action, UriKind.Relative), new FormUrlEncodedContent(form.Values));
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
            Assert.Equal(first.Headers.Location, again.Headers.Location);
        }

        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<Note>().All().CountAsync(n => n.SpaceId == spaceId)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<Memory>().All().CountAsync(m => m.SpaceId == spaceId)));
    }

    [Fact]
    public async Task Housekeeping_forgets_a_key_after_a_day()
    {
        factory.RequireAvailable();
        var create = Creates[0];
        var (ana, _, spaces) = await WorldAsync(create);
        var first = await SendAsync(ana, create, spaces[ana], "kept-for-a-day");
        // Other tests of this class share the database: look at this key only.
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<Features.Shared.Submission>().CountAsync(x => x.Key == "kept-for-a-day")));

        // A day and an hour later (aged in the table, so Ana's session stays fresh).
        var now = factory.Clock.GetUtcNow();
        var dayAgo = now.AddHours(-25);
        await factory.WithDbAsync(db => db.Set<Features.Shared.Submission>().Where(x => x.Key == "kept-for-a-day").ExecuteUpdateAsync(u => u.SetProperty(x => x.CreatedAt, dayAgo)));
        await Scale.HousekeepingTests<TFactory>.RunSlotAsync(factory, Background.Housekeeping.SlotOf(now, TimeSpan.FromMinutes(15)), "test");

        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Features.Shared.Submission>().CountAsync(x => x.Key == "kept-for-a-day")));
        var later = await SendAsync(ana, create, spaces[ana], "kept-for-a-day");
        Assert.NotEqual(first.Body, later.Body);
        Assert.Equal(2, await CountAsync(create, spaces.Values));
    }

    private static async Task<(string Action, Dictionary<string, string> Values)> FormValuesAsync(HttpClient http, string page, Dictionary<string, string> fields)
    {
        var document = await http.GetPageAsync(page);
        var form = document.Forms.First(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase) && !f.Action.EndsWith("/account/sign-out", StringComparison.Ordinal) && !f.Action.Contains("handler=Read", StringComparison.OrdinalIgnoreCase));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name) && (i.Type != "radio" || i.IsChecked)))
        {
            values[input.Name!] = input.Value;
        }

        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        return (string.IsNullOrEmpty(form.GetAttribute("action")) ? page : form.GetAttribute("action")!, values);
    }

    private async Task<(Person Ana, Person Ben, Dictionary<Person, Guid> Spaces)> WorldAsync(Create create)
    {
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        if (create.Solo)
        {
            return (ana, ben, new() { [ana] = await ana.CreateSpaceAsync(), [ben] = await ben.CreateSpaceAsync() });
        }

        var shared = await ana.PairWithAsync(ben);
        return (ana, ben, new() { [ana] = shared, [ben] = shared });
    }

    private async Task<int> CountAsync(Create create, IEnumerable<Guid> spaces)
    {
        var total = 0;
        foreach (var space in spaces.Distinct())
        {
            total += await factory.WithDbAsync(db => create.Count(db, space));
        }

        return total;
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(Person who, Create create, Guid spaceId, string key)
    {
        var (url, body) = await create.Request(who, spaceId);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add(Header, key);
        var response = await who.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

public sealed class OneSubmissionOneItemOnSqlite(SqliteHearthFactory factory) : OneSubmissionOneItemTests<SqliteHearthFactory>(factory);

public sealed class OneSubmissionOneItemOnPostgres(PostgresHearthFactory factory) : OneSubmissionOneItemTests<PostgresHearthFactory>(factory);

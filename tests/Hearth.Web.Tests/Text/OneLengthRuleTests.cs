using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Text;

/// <summary>
/// Every free-text field counts length the same way, as a person sees it: an emoji is one character,
/// whatever it takes inside. A text within the limit is taken; one over it gets a clear message
/// beside the field that names the same limit; never a second, different count or a 500.
/// </summary>
public abstract class OneLengthRuleTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    /// <summary>One visible character, two UTF-16 units, four UTF-8 bytes.</summary>
    private const string Emoji = "\U0001F60A";

    private static string Emojis(int count) => string.Concat(Enumerable.Repeat(Emoji, count));

    private sealed record Field(string Name, int Limit, string ErrorField, Func<Person, Guid, string, Task<HttpResponseMessage>> Send);

    private static readonly Field[] Fields =
    [
        new("check-in: more of / less of", 1000, "needs", (p, s, t) => p.Http.PostAsJsonAsync($"/api/v1/spaces/{s}/check-in", new { needs = t })),
        new("note", 2000, "text", (p, s, t) => p.Http.PostAsJsonAsync($"/api/v1/spaces/{s}/notes", new { kind = "appreciation", text = t })),
        new("answer to today's question", 2000, "text", async (p, s, t) =>
        {
            var date = (await p.GetJsonAsync($"/api/v1/spaces/{s}/prompt/today")).GetProperty("date").GetString();
            return await p.Http.PostAsJsonAsync($"/api/v1/spaces/{s}/prompt/days/{date}/answer", new { text = t });
        }),
        new("memory title", 120, "title", (p, s, t) => p.Http.PostAsJsonAsync($"/api/v1/spaces/{s}/memories", new { title = t, kind = "reflection", date = "2026-05-01", shared = false })),
        new("memory story", 4000, "text", (p, s, t) => p.Http.PostAsJsonAsync($"/api/v1/spaces/{s}/memories", new { title = "By the lake", text = t, kind = "reflection", date = "2026-05-01", shared = false })),
        new("name of the space", 60, "label", (p, s, t) => p.Http.PutAsJsonAsync($"/api/v1/spaces/{s}/label", new { label = t })),
    ];

    [Fact]
    public async Task Every_free_text_field_counts_emoji_as_one_character_and_names_one_limit()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        var failures = new List<string>();
        var tried = 0;
        foreach (var field in Fields)
        {
            // One over the limit first (nothing is stored), then exactly the limit.
            tried++;
            var over = await field.Send(ana, spaceId, Emojis(field.Limit + 1));
            var limit = field.Limit.ToString("N0", CultureInfo.InvariantCulture);
            if (over.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{field.Name}: {field.Limit + 1} emoji answered {(int)over.StatusCode}, not 400");
            }
            else
            {
                var messages = (await over.Content.ReadFromJsonAsync<JsonElement>()).FieldErrors(field.ErrorField);
                if (messages.Length != 1 || !messages[0].Contains(limit, StringComparison.Ordinal))
                {
                    failures.Add($"{field.Name}: over the limit said [{string.Join(" | ", messages)}], not one message naming {limit}");
                }
            }

            tried++;
            var fits = await field.Send(ana, spaceId, Emojis(field.Limit));
            if (!fits.IsSuccessStatusCode)
            {
                failures.Add($"{field.Name}: {field.Limit} emoji (as many as allowed) answered {(int)fits.StatusCode}: {await fits.Content.ReadAsStringAsync()}");
            }
        }

        SecurityReport.Record("one length rule for free text", factory.ProviderName, tried, failures.Count, "OneLengthRuleTests.Every_free_text_field_counts_emoji_as_one_character_and_names_one_limit", "limit and limit+1 emoji in every free-text field of the API");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Six_hundred_emoji_on_the_check_in_page_are_taken_and_shown()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        var url = $"/spaces/{spaceId}/check-in";

        var sent = await ana.Http.SubmitAsync(url, new Dictionary<string, string> { ["Needs"] = Emojis(600) });

        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)sent.StatusCode}: {(await sent.ParseAsync()).FieldError("Needs")}");
        var page = (await ana.Http.GetPageAsync(url + "?done=true")).QuerySelector("main")!.TextContent;
        Assert.Contains(Emojis(600), page, StringComparison.Ordinal);
    }

    /// <summary>Characters that take many code points each, within the per-character bound: a letter
    /// with twenty accents (21 code points, 41 bytes) and a family (7 code points, 25 bytes).</summary>
    private static string DenseName(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => i % 2 == 0 ? "a" + new string('\u0301', 20) : "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466"));

    [Fact]
    public async Task A_display_name_counts_characters_as_a_person_sees_them_and_the_longest_allowed_is_kept_whole()
    {
        factory.RequireAvailable();

        // As many dense characters as the rule allows: taken, stored and read back exactly.
        var longest = DenseName(60);
        var email = $"{Guid.NewGuid():N}@example.org";
        var http = factory.NewClient();
        var registered = await http.PostAsJsonAsync("/api/v1/account/register", new { email, password = Person.DefaultPassword, displayName = longest });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, $"60 characters answered {(int)registered.StatusCode}: {await registered.Content.ReadAsStringAsync()}");
        await Expect.StatusAsync(HttpStatusCode.OK, await http.PostAsJsonAsync("/api/v1/account/sign-in", new { email, password = Person.DefaultPassword }));
        var me = await http.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(longest, me.GetProperty("displayName").GetString());

        // One more: refused beside the field, with the same limit, and no account made.
        var overEmail = $"{Guid.NewGuid():N}@example.org";
        var over = await factory.NewClient().PostAsJsonAsync("/api/v1/account/register", new { email = overEmail, password = Person.DefaultPassword, displayName = DenseName(61) });
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, over);
        var messages = problem.FieldErrors("displayName");
        Assert.True(messages.Length == 1 && messages[0].Contains("60", StringComparison.Ordinal), string.Join(" | ", messages));
        var signIn = await factory.NewClient().PostAsJsonAsync("/api/v1/account/sign-in", new { email = overEmail, password = Person.DefaultPassword });
        Assert.False(signIn.IsSuccessStatusCode, "an account was made with a refused name");

        // On the page too: the message sits beside the name field.
        var page = await factory.NewClient().SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = DenseName(61),
            ["Input.Email"] = $"{Guid.NewGuid():N}@example.org",
            ["Input.Password"] = Person.DefaultPassword,
        });
        Assert.Contains("60", (await page.ParseAsync()).FieldError("Input.DisplayName") ?? "(no message beside the name)", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_character_piled_high_with_marks_gets_a_clear_message_not_a_500()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var spaceId = await ana.CreateSpaceAsync();

        // One visible character carrying thousands of combining marks: far more than the field can hold.
        var piled = "a" + new string('\u0301', 20_000);
        var answer = await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/check-in", new { needs = piled });

        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, answer);
        Assert.Single(problem.FieldErrors("needs"));
    }
}

public sealed class OneLengthRuleOnSqlite(SqliteHearthFactory factory) : OneLengthRuleTests<SqliteHearthFactory>(factory);

public sealed class OneLengthRuleOnPostgres(PostgresHearthFactory factory) : OneLengthRuleTests<PostgresHearthFactory>(factory);

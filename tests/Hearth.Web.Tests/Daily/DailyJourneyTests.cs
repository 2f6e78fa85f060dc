using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hearth.Web.Features.Memories;
using Hearth.Web.Features.Notes;
using Hearth.Web.Features.Prompts;
using Hearth.Web.Features.QualityTime;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Hearth.Web.Tests.Daily;

/// <summary>Daily connection through the API, on each database: prompts, practices, quality time, notes, memories.</summary>
public abstract class DailyJourneyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    [Fact]
    public async Task Both_answer_todays_prompt_and_only_then_see_each_others_answer()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        var url = $"/api/v1/spaces/{spaceId}/prompt/today";

        var seenByAna = await ana.GetJsonAsync(url);
        var seenByBen = await ben.GetJsonAsync(url);
        Assert.Equal(seenByAna.GetProperty("promptId").GetString(), seenByBen.GetProperty("promptId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(seenByAna.GetProperty("explanation").GetString()));
        Assert.Equal("open", seenByAna.GetProperty("yours").GetProperty("state").GetString());
        var date = seenByAna.GetProperty("date").GetString();

        const string anaWords = "Ana-canary-7731: the walk by the sea";
        var answered = await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/prompt/days/{date}/answer", new { text = anaWords });
        await Expect.StatusAsync(HttpStatusCode.OK, answered);
        var afterAna = await answered.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(anaWords, afterAna.GetProperty("yours").GetProperty("text").GetString());
        Assert.False(afterAna.GetProperty("theirs").GetProperty("revealed").GetBoolean());

        // Before Ben answers he sees nothing of Ana's answer, and not even whether she answered:
        // his view is byte-for-byte what it was before she did.
        var benBefore = await ben.Http.GetStringAsync(new Uri(url, UriKind.Relative));
        Assert.DoesNotContain("canary-7731", benBefore, StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(seenByBen), JsonSerializer.Serialize(JsonDocument.Parse(benBefore).RootElement));
        var benPage = await ben.Http.GetStringAsync(new Uri($"/spaces/{spaceId}/today", UriKind.Relative));
        Assert.DoesNotContain("canary-7731", benPage, StringComparison.Ordinal);

        // Answers are final.
        var again = await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/prompt/days/{date}/answer", new { text = "changed" });
        Assert.Contains("already answered", (await Expect.ProblemAsync(HttpStatusCode.Conflict, again)).Detail(), StringComparison.Ordinal);

        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/prompt/days/{date}/answer", new { text = "<b>Ben</b> & the sea" }));
        var revealedToAna = (await ana.GetJsonAsync(url)).GetProperty("theirs");
        Assert.True(revealedToAna.GetProperty("revealed").GetBoolean());
        Assert.Equal("<b>Ben</b> & the sea", revealedToAna.GetProperty("text").GetString());
        Assert.Equal(anaWords, (await ben.GetJsonAsync(url)).GetProperty("theirs").GetProperty("text").GetString());

        // Markup is shown as text on the page.
        var anaPage = await ana.Http.GetStringAsync(new Uri($"/spaces/{spaceId}/today", UriKind.Relative));
        Assert.Contains("&lt;b&gt;Ben&lt;/b&gt; &amp; the sea", anaPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Ben</b>", anaPage, StringComparison.Ordinal);

        // Stored only as ciphertext.
        var stored = await factory.WithDbAsync(db => db.Set<PromptResponse>().All().Where(r => r.SpaceId == spaceId).Select(r => r.AnswerCiphertext).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.All(stored, c => Assert.DoesNotContain("canary-7731", Encoding.UTF8.GetString(c!), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_skip_never_reveals_and_looks_the_same_as_not_answering_yet()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        var url = $"/api/v1/spaces/{spaceId}/prompt/today";
        var date = (await ana.GetJsonAsync(url)).GetProperty("date").GetString();
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/prompt/days/{date}/answer", new { text = "mine" }));
        var before = await ben.Http.GetStringAsync(new Uri(url, UriKind.Relative));

        var skipped = await ben.Http.PostAsync(new Uri($"/api/v1/spaces/{spaceId}/prompt/days/{date}/skip", UriKind.Relative), null);
        await Expect.StatusAsync(HttpStatusCode.OK, skipped);
        Assert.Equal("skipped", (await skipped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("yours").GetProperty("state").GetString());
        Assert.DoesNotContain("mine", before, StringComparison.Ordinal);

        var anaView = await ana.GetJsonAsync(url);
        Assert.False(anaView.GetProperty("theirs").GetProperty("revealed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, anaView.GetProperty("theirs").GetProperty("text").ValueKind);
        Assert.DoesNotContain("skip", JsonSerializer.Serialize(anaView.GetProperty("theirs")), StringComparison.OrdinalIgnoreCase);
        Assert.False((await ben.GetJsonAsync(url)).GetProperty("theirs").GetProperty("revealed").GetBoolean());
    }

    [Fact]
    public async Task Prompt_answers_refuse_bad_input_and_write_nothing()
    {
        factory.RequireAvailable();
        var (ana, _, spaceId) = await PairAsync();
        var date = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/prompt/today")).GetProperty("date").GetString();
        var answer = $"/api/v1/spaces/{spaceId}/prompt/days/{date}/answer";

        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(answer, new { text = "   " }))).FieldErrors("text"));
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(answer, new { text = new string('x', 2001) }))).FieldErrors("text"));
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/prompt/days/not-a-date/answer", new { text = "hi" }))).FieldErrors("date"));
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/prompt/days/2999-01-01/answer", new { text = "hi" }))).FieldErrors("date"));
        await Expect.ProblemAsync(HttpStatusCode.Conflict, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/prompt/days/2001-01-01/answer", new { text = "hi" }));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<PromptResponse>().All().CountAsync(r => r.SpaceId == spaceId)));
    }

    [Fact]
    public async Task A_new_day_on_the_pairs_calendar_brings_a_new_prompt_and_yesterdays_can_still_be_answered()
    {
        factory.RequireAvailable();
        // The clock moves before anyone signs in (sessions expire after two idle hours).
        AdvanceToLocal(factory, "Pacific/Auckland", new LocalTime(23, 55));
        var (ana, ben, spaceId) = await PairAsync();
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/settings", new { timeZoneId = "Pacific/Auckland" }));

        var before = await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/prompt/today");
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var after = await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/prompt/today");
        var yesterday = before.GetProperty("date").GetString()!;
        Assert.NotEqual(yesterday, after.GetProperty("date").GetString());

        // Typed just before midnight, sent just after: it still counts for its own day.
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/prompt/days/{yesterday}/answer", new { text = "late but here" }));
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/prompt/days/{yesterday}/answer", new { text = "me too" }));
    }

    [Fact]
    public async Task Practices_can_be_browsed_filtered_and_kept_on_a_shared_list()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync("friends");
        var all = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/practices")).GetProperty("practices").EnumerateArray().ToList();
        Assert.NotEmpty(all);
        Assert.All(all, p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("why").GetString())));

        var apart = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/practices?worksApart=true")).GetProperty("practices").EnumerateArray().ToList();
        Assert.All(apart, p => Assert.True(p.GetProperty("worksApart").GetBoolean()));
        Assert.True(apart.Count < all.Count);
        var spiritual = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/practices?dimension=spiritual")).GetProperty("practices").EnumerateArray().ToList();
        Assert.All(spiritual, p => Assert.Contains("spiritual", p.GetProperty("dimensions").EnumerateArray().Select(d => d.GetString())));
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.GetAsync(new Uri($"/api/v1/spaces/{spaceId}/practices?dimension=money", UriKind.Relative)))).FieldErrors("dimension"));

        const string walk = "practice.daily-20-minutes";
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsync(new Uri($"/api/v1/spaces/{spaceId}/practices/ours/{walk}", UriKind.Relative), null));
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsync(new Uri($"/api/v1/spaces/{spaceId}/practices/ours/{walk}", UriKind.Relative), null));
        var ours = (await ben.GetJsonAsync($"/api/v1/spaces/{spaceId}/practices/ours")).EnumerateArray().ToList();
        Assert.Equal(walk, Assert.Single(ours).GetProperty("id").GetString());

        await Expect.ProblemAsync(HttpStatusCode.NotFound, await ana.Http.PutAsync(new Uri($"/api/v1/spaces/{spaceId}/practices/ours/practice.made-up", UriKind.Relative), null));
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.DeleteAsync(new Uri($"/api/v1/spaces/{spaceId}/practices/ours/{walk}", UriKind.Relative)));
        Assert.Empty((await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/practices/ours")).EnumerateArray());
    }

    [Fact]
    public async Task The_timer_starts_and_stops_once_and_stopping_twice_gets_a_clear_409()
    {
        factory.RequireAvailable();
        AdvanceToLocal(factory, "Etc/UTC", new LocalTime(10, 0));
        var (ana, ben, spaceId) = await PairAsync();
        var time = $"/api/v1/spaces/{spaceId}/quality-time";

        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsync(new Uri(time + "/timer/start", UriKind.Relative), null));
        Assert.Contains("already running", (await Expect.ProblemAsync(HttpStatusCode.Conflict, await ben.Http.PostAsync(new Uri(time + "/timer/start", UriKind.Relative), null))).Detail(), StringComparison.Ordinal);
        Assert.True((await ben.GetJsonAsync(time)).GetProperty("timer").GetProperty("running").GetBoolean());

        factory.Clock.Advance(TimeSpan.FromMinutes(25));
        var stopped = await ben.Http.PostAsJsonAsync(time + "/timer/stop", new { });
        await Expect.StatusAsync(HttpStatusCode.OK, stopped);
        var view = await stopped.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(25, view.GetProperty("todayMinutes").GetInt32());
        Assert.False(view.GetProperty("timer").GetProperty("running").GetBoolean());

        var twice = await Expect.ProblemAsync(HttpStatusCode.Conflict, await ana.Http.PostAsJsonAsync(time + "/timer/stop", new { }));
        Assert.Contains("not running", twice.Detail(), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<TimeTogether>().All().CountAsync(t => t.SpaceId == spaceId)));
        Assert.Contains("25 minutes", (await ana.GetJsonAsync(time)).GetProperty("week").GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_across_midnight_in_the_pairs_zone_counts_for_the_day_it_started()
    {
        factory.RequireAvailable();
        AdvanceToLocal(factory, "America/Chicago", new LocalTime(23, 40));
        var (ana, _, spaceId) = await PairAsync();
        var time = $"/api/v1/spaces/{spaceId}/quality-time";
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/settings", new { timeZoneId = "America/Chicago" }));
        var startDay = (await ana.GetJsonAsync(time)).GetProperty("today").GetString();

        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsync(new Uri(time + "/timer/start", UriKind.Relative), null));
        factory.Clock.Advance(TimeSpan.FromMinutes(45));
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsJsonAsync(time + "/timer/stop", new { }));

        var now = await ana.GetJsonAsync(time);
        Assert.NotEqual(startDay, now.GetProperty("today").GetString());
        Assert.Equal(0, now.GetProperty("todayMinutes").GetInt32());
        var week = (await ana.GetJsonAsync($"{time}?weekStart={startDay}")).GetProperty("week");
        var day = week.GetProperty("days").EnumerateArray().Single(d => d.GetProperty("date").GetString() == startDay);
        Assert.Equal(45, day.GetProperty("minutes").GetInt32());
        Assert.True(day.GetProperty("reachedGoal").GetBoolean());
    }

    [Fact]
    public async Task Manual_minutes_refuse_bad_input_and_write_nothing()
    {
        factory.RequireAvailable();
        var (ana, _, spaceId) = await PairAsync();
        var entries = $"/api/v1/spaces/{spaceId}/quality-time/entries";

        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(entries, new { minutes = -5 }))).FieldErrors("minutes"));
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(entries, new { minutes = 0 }))).FieldErrors("minutes"));
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(entries, new { minutes = 5000 }))).FieldErrors("minutes"));
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(entries, new { }))).FieldErrors("minutes"));
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(entries, new { date = "2999-12-31", minutes = 20 }))).FieldErrors("date"));
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(entries, new { date = "31/12/2020", minutes = 20 }))).FieldErrors("date"));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsync(new Uri(entries, UriKind.Relative), new StringContent("""{"minutes":"lots"}""", Encoding.UTF8, "application/json")));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<TimeTogether>().All().CountAsync(t => t.SpaceId == spaceId)));

        var added = await ana.Http.PostAsJsonAsync(entries, new { minutes = 30 });
        await Expect.StatusAsync(HttpStatusCode.Created, added);
        var entry = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entries").EnumerateArray().Single();
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.DeleteAsync(new Uri($"{entries}/{entry.GetProperty("id").GetGuid()}", UriKind.Relative)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<TimeTogether>().All().CountAsync(t => t.SpaceId == spaceId)));

        var settings = $"/api/v1/spaces/{spaceId}/settings";
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PutAsJsonAsync(settings, new { dailyGoalMinutes = 5 }))).FieldErrors("dailyGoalMinutes"));
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PutAsJsonAsync(settings, new { timeZoneId = "Mars/Olympus" }))).FieldErrors("timeZoneId"));
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync(settings, new { dailyGoalMinutes = 30, livingApart = true }));
        Assert.Equal(30, (await ana.GetJsonAsync(settings)).GetProperty("dailyGoalMinutes").GetInt32());
    }

    [Fact]
    public async Task A_note_reaches_the_other_person_with_only_a_discreet_notice()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        var notes = $"/api/v1/spaces/{spaceId}/notes";
        const string words = "Thank you for <script>alert(1)</script> the soup, note-canary-4410";

        var sent = await ana.Http.PostAsJsonAsync(notes, new { kind = "appreciation", text = words, careWay = "acts" });
        await Expect.StatusAsync(HttpStatusCode.Created, sent);

        var spacesPage = await ben.Http.GetStringAsync(new Uri("/spaces", UriKind.Relative));
        Assert.Contains("Something new in Hearth", spacesPage, StringComparison.Ordinal);
        Assert.DoesNotContain("canary-4410", spacesPage, StringComparison.Ordinal);
        var spacePage = await ben.Http.GetStringAsync(new Uri($"/spaces/{spaceId}", UriKind.Relative));
        Assert.Contains("Something new in Hearth", spacePage, StringComparison.Ordinal);
        Assert.DoesNotContain("canary-4410", spacePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Something new", await ana.Http.GetStringAsync(new Uri("/spaces", UriKind.Relative)), StringComparison.Ordinal);

        var received = await ben.GetJsonAsync(notes);
        Assert.Equal(1, received.GetProperty("unread").GetInt32());
        var note = received.GetProperty("received").EnumerateArray().Single();
        Assert.Equal(words, note.GetProperty("text").GetString());
        Assert.Equal("acts", note.GetProperty("careWay").GetString());
        Assert.NotEmpty(received.GetProperty("careWays").EnumerateArray().First().GetProperty("suggestions").EnumerateArray());
        var notesPage = await ben.Http.GetStringAsync(new Uri($"/spaces/{spaceId}/notes", UriKind.Relative));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", notesPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", notesPage, StringComparison.Ordinal);

        // No read receipts for the sender.
        Assert.Equal(JsonValueKind.Null, (await ana.GetJsonAsync(notes)).GetProperty("sent").EnumerateArray().Single().GetProperty("read").ValueKind);

        var noteId = note.GetProperty("id").GetGuid();
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await ana.Http.PostAsync(new Uri($"{notes}/{noteId}/read", UriKind.Relative), null));
        await Expect.StatusAsync(HttpStatusCode.NoContent, await ben.Http.PostAsync(new Uri($"{notes}/{noteId}/read", UriKind.Relative), null));
        Assert.Equal(0, (await ben.GetJsonAsync(notes)).GetProperty("unread").GetInt32());
        Assert.DoesNotContain("Something new", await ben.Http.GetStringAsync(new Uri("/spaces", UriKind.Relative)), StringComparison.Ordinal);

        var stored = await factory.WithDbAsync(db => db.Set<Note>().All().Where(n => n.SpaceId == spaceId).Select(n => n.TextCiphertext).SingleAsync());
        Assert.DoesNotContain("canary-4410", Encoding.UTF8.GetString(stored), StringComparison.Ordinal);

        // A "thinking of you" may go without words.
        var tap = await ben.Http.PostAsJsonAsync(notes, new { kind = "thinking-of-you" });
        await Expect.StatusAsync(HttpStatusCode.Created, tap);
        Assert.Equal("Thinking of you.", (await tap.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Notes_refuse_bad_input_and_solo_spaces_explain_that_notes_wait()
    {
        factory.RequireAvailable();
        var (ana, _, spaceId) = await PairAsync();
        var notes = $"/api/v1/spaces/{spaceId}/notes";

        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(notes, new { kind = "appreciation", text = "  " }))).FieldErrors("text"));
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(notes, new { kind = "appreciation", text = new string('a', 2001) }))).FieldErrors("text"));
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(notes, new { kind = "love-letter", text = "hi" }))).FieldErrors("kind"));
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(notes, new { text = "hi", careWay = "money" }))).FieldErrors("careWay"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Note>().All().CountAsync(n => n.SpaceId == spaceId)));

        var solo = await ana.CreateSpaceAsync("family");
        var refused = await Expect.ProblemAsync(HttpStatusCode.Conflict, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{solo}/notes", new { kind = "appreciation", text = "hi" }));
        Assert.Contains("once your family member joins", refused.Detail(), StringComparison.Ordinal);
        Assert.Contains("Notes wait for two", await ana.Http.GetStringAsync(new Uri($"/spaces/{solo}/notes", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Memories_are_shared_or_private_as_the_author_chose_and_only_the_author_changes_them()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await PairAsync();
        var memories = $"/api/v1/spaces/{spaceId}/memories";
        var today = (await ana.GetJsonAsync(memories)).GetProperty("today").GetString()!;
        var yearAgo = DateOnly.ParseExact(today, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddYears(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var sharedResponse = await ana.Http.PostAsJsonAsync(memories, new { date = yearAgo, kind = "reflection", title = "The bus stop <i>rain</i>", text = "We laughed.", shared = true });
        await Expect.StatusAsync(HttpStatusCode.Created, sharedResponse);
        var shared = (await sharedResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var privateResponse = await ana.Http.PostAsJsonAsync(memories, new { date = "2020-02-29", kind = "first", title = "private-canary-5512", shared = false });
        await Expect.StatusAsync(HttpStatusCode.Created, privateResponse);
        var secret = (await privateResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var benTimeline = await ben.Http.GetStringAsync(new Uri(memories, UriKind.Relative));
        Assert.Contains("The bus stop", benTimeline, StringComparison.Ordinal);
        Assert.DoesNotContain("private-canary-5512", benTimeline, StringComparison.Ordinal);
        Assert.DoesNotContain("private-canary-5512", await ben.Http.GetStringAsync(new Uri($"/spaces/{spaceId}/memories", UriKind.Relative)), StringComparison.Ordinal);
        var missing = await Expect.ProblemAsync(HttpStatusCode.NotFound, await ben.Http.GetAsync(new Uri($"{memories}/{Guid.NewGuid()}", UriKind.Relative)));
        var hidden = await Expect.ProblemAsync(HttpStatusCode.NotFound, await ben.Http.GetAsync(new Uri($"{memories}/{secret}", UriKind.Relative)));
        Assert.Equal(missing.GetProperty("detail").GetString(), hidden.GetProperty("detail").GetString());
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await ben.Http.PutAsJsonAsync($"{memories}/{shared}", new { title = "mine now" }));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await ben.Http.DeleteAsync(new Uri($"{memories}/{shared}", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.NotFound, (await ben.Http.GetAsync(new Uri($"/spaces/{spaceId}/memories/{shared}/edit", UriKind.Relative))).StatusCode);

        // On this day: last year's memory comes back on the Today page, as text.
        var onThisDay = (await ben.GetJsonAsync(memories)).GetProperty("onThisDay").EnumerateArray().Single();
        Assert.Equal("One year ago today", onThisDay.GetProperty("heading").GetString());
        var todayPage = await ben.Http.GetStringAsync(new Uri($"/spaces/{spaceId}/today", UriKind.Relative));
        Assert.Contains("The bus stop &lt;i&gt;rain&lt;/i&gt;", todayPage, StringComparison.Ordinal);
        Assert.Contains("What brought us close", todayPage, StringComparison.Ordinal);

        var edited = await ana.Http.PutAsJsonAsync($"{memories}/{shared}", new { title = "The bus stop", text = "We laughed all the way home." });
        await Expect.StatusAsync(HttpStatusCode.OK, edited);
        var after = await edited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(yearAgo, after.GetProperty("date").GetString());
        Assert.Equal("reflection", after.GetProperty("kind").GetString());
        Assert.True(after.GetProperty("shared").GetBoolean());

        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(memories, new { title = "" }))).FieldErrors("title"));
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(memories, new { title = "Soon", date = "2999-01-01" }))).FieldErrors("date"));
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(memories, new { title = "x", text = new string('y', 4001) }))).FieldErrors("text"));
        Assert.NotEmpty((await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PostAsJsonAsync(memories, new { title = "x", kind = "wedding" }))).FieldErrors("kind"));

        await Expect.StatusAsync(HttpStatusCode.NoContent, await ana.Http.DeleteAsync(new Uri($"{memories}/{secret}", UriKind.Relative)));
        var rows = await factory.WithDbAsync(db => db.Set<Memory>().All().Where(m => m.SpaceId == spaceId).ToListAsync());
        Assert.Single(rows);
        Assert.DoesNotContain("bus stop", Encoding.UTF8.GetString(rows[0].TitleCiphertext), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Learn_is_open_to_everyone()
    {
        factory.RequireAvailable();
        var anonymous = factory.NewClient();
        var page = await anonymous.GetPageAsync("/learn");
        Assert.Equal(3, page.QuerySelectorAll(".card")[0].QuerySelectorAll("li").Length);
        var api = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/learn", UriKind.Relative));
        Assert.Equal(3, api.GetProperty("reflectionQuestions").GetArrayLength());
        Assert.Equal(3, api.GetProperty("firstSteps").GetArrayLength());
        Assert.NotEmpty(api.GetProperty("cards").EnumerateArray());
    }

    private async Task<(Person Ana, Person Ben, Guid SpaceId)> PairAsync(string kind = "romantic")
    {
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        return (ana, ben, await ana.PairWithAsync(ben, kind));
    }

    /// <summary>Moves the test clock forward to the next given local time in a zone.</summary>
    internal static void AdvanceToLocal(HearthFactory factory, string zoneId, LocalTime target)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var now = Instant.FromDateTimeOffset(factory.Clock.GetUtcNow()).InZone(zone);
        var day = now.TimeOfDay < target ? now.Date : now.Date.PlusDays(1);
        var when = zone.AtLeniently(day.At(target)).ToInstant();
        factory.Clock.Advance((when - now.ToInstant()).ToTimeSpan());
    }
}

public sealed class DailyJourneyOnSqlite(SqliteHearthFactory factory) : DailyJourneyTests<SqliteHearthFactory>(factory);

public sealed class DailyJourneyOnPostgres(PostgresHearthFactory factory) : DailyJourneyTests<PostgresHearthFactory>(factory);

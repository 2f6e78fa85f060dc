using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Notifications;

/// <summary>
/// The kinds that follow what happens in a space (issue 18, item 4; ADR 47), each off by default:
/// a note received (not once it was read), and "both answered" for the one who answered first, only
/// when the second answer reveals the two; never before, never for a skip, never the words.
/// </summary>
public abstract class MoreKindsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory, IPushFactory, new()
{
    private async Task RunForAsync(TimeSpan span)
    {
        var until = factory.Clock.GetUtcNow() + span;
        while (factory.Clock.GetUtcNow() < until)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(5));
            await Reminders.RunAsync(factory);
        }
    }

    private async Task NextNoonAsync()
    {
        var day = factory.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1);
        await Reminders.MoveClockToAsync(factory, new DateTimeOffset(day.AddHours(12), TimeSpan.Zero));
    }

    private static async Task TurnOnAsync(Person person, params string[] kinds) =>
        await Expect.StatusAsync(HttpStatusCode.OK, await person.Http.PutAsJsonAsync("/api/v1/account/notifications", new { kinds = kinds.Select(k => new { kind = k, push = true }).ToArray() }));

    private static string Url(string message)
    {
        using var payload = JsonDocument.Parse(message);
        Assert.Equal("Something new in Hearth", payload.RootElement.GetProperty("body").GetString());
        return payload.RootElement.GetProperty("url").GetString()!;
    }

    [Fact]
    public async Task A_note_received_notifies_only_who_chose_it_and_says_nothing_of_its_words()
    {
        factory.RequireAvailable();
        await NextNoonAsync();
        var (ana, anaPhone) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");
        var (ben, benPhone) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");
        var spaceId = await ana.PairWithAsync(ben);
        var kinds = (await ben.GetJsonAsync("/api/v1/account/notifications")).GetProperty("kinds").EnumerateArray()
            .ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("push").GetBoolean());
        Assert.False(kinds["note-received"]);
        Assert.False(kinds["both-answered"]);

        // Off by default: nothing.
        await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/notes", new { kind = "appreciation", text = "Thank you for the soup, NOTE-WORDS" }));
        await RunForAsync(TimeSpan.FromMinutes(15));
        Assert.Empty(benPhone.Messages);

        // On: the next note reaches Ben once, opening the notes; Ana's own note never notifies her.
        await TurnOnAsync(ben, "note-received");
        await TurnOnAsync(ana, "note-received");
        await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/notes", new { kind = "appreciation", text = "And for the walk, NOTE-WORDS" }));
        await RunForAsync(TimeSpan.FromMinutes(30));
        var message = Assert.Single(benPhone.Messages);
        Assert.Equal($"/spaces/{spaceId}/notes", Url(message));
        Assert.DoesNotContain("NOTE-WORDS", message, StringComparison.Ordinal);
        Assert.Empty(anaPhone.Messages);
    }

    [Fact]
    public async Task Both_answered_comes_to_the_first_when_the_second_answers_and_not_before()
    {
        factory.RequireAvailable();
        await NextNoonAsync();
        var (ana, anaPhone) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");
        var (ben, benPhone) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");
        var spaceId = await ana.PairWithAsync(ben);
        await TurnOnAsync(ana, "both-answered");
        await TurnOnAsync(ben, "both-answered");
        var date = (await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/prompt/today")).GetProperty("date").GetString();

        // Ana answers: nothing is revealed to anyone, so nothing is sent.
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/prompt/days/{date}/answer", new { text = "ANA-WORDS" }));
        await RunForAsync(TimeSpan.FromMinutes(30));
        Assert.Empty(anaPhone.Messages);
        Assert.Empty(benPhone.Messages);

        // Ben answers: both are revealed; Ana (who answered first) is told, Ben saw it at once.
        await ben.SignInAsync();
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/prompt/days/{date}/answer", new { text = "BEN-WORDS" }));
        await RunForAsync(TimeSpan.FromMinutes(30));
        var message = Assert.Single(anaPhone.Messages);
        Assert.Equal($"/spaces/{spaceId}/today", Url(message));
        Assert.DoesNotContain("WORDS", message, StringComparison.Ordinal);
        Assert.Empty(benPhone.Messages);
    }
}

public sealed class MoreKindsOnSqlite(PushSqliteFactory factory) : MoreKindsTests<PushSqliteFactory>(factory);

public sealed class MoreKindsOnPostgres(PushPostgresFactory factory) : MoreKindsTests<PushPostgresFactory>(factory);

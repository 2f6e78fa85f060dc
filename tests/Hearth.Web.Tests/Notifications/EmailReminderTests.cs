using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Notifications;

/// <summary>
/// Reminders by e-mail (issue 18, item 3; ADR 47): off until a member chooses them per kind; then the
/// weekly check-in comes as an e-mail with the same discreet words, the page to open and an
/// unsubscribe link (in the body and in List-Unsubscribe) that works signed out, by one POST, also
/// the one-click POST a mail client sends without a form token.
/// </summary>
public abstract partial class EmailReminderTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory, IPushFactory, new()
{
    [GeneratedRegex(@"^List-Unsubscribe: <(?<url>[^>]+)>\r?$", RegexOptions.Multiline)]
    private static partial Regex UnsubscribeHeader();

    private List<string> MailTo(Person person) =>
        factory.ReadOutbox().Where(m => m.Contains($"To: {person.Email}\r\n", StringComparison.Ordinal)).ToList();

    private async Task RunForAsync(TimeSpan span)
    {
        var until = factory.Clock.GetUtcNow() + span;
        while (factory.Clock.GetUtcNow() < until)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(30));
            await Reminders.RunAsync(factory);
        }
    }

    private async Task NextSaturdayNoonAsync()
    {
        var day = factory.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Saturday)
        {
            day = day.AddDays(1);
        }

        await Reminders.MoveClockToAsync(factory, new DateTimeOffset(day.AddHours(12), TimeSpan.Zero));
    }

    [Fact]
    public async Task A_member_who_chose_e_mail_gets_the_discreet_reminder_and_one_post_to_its_link_stops_it()
    {
        factory.RequireAvailable();
        await NextSaturdayNoonAsync();
        var (ana, anaPhone) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");
        var (ben, benPhone) = await Reminders.MemberAsync(factory, factory.Push, "Etc/UTC");

        // Off by default; Ana chooses e-mail instead of her devices for the weekly check-in.
        var kinds = (await ana.GetJsonAsync("/api/v1/account/notifications")).GetProperty("kinds").EnumerateArray().ToList();
        Assert.All(kinds, k => Assert.False(k.GetProperty("email").GetBoolean()));
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync("/api/v1/account/notifications", new { kinds = new[] { new { kind = "weekly-check-in", push = false, email = true } } }));

        var spaceId = await ana.PairWithAsync(ben);
        await Reminders.SetRitualAsync(ana, spaceId, "sunday", "10:00", "Etc/UTC");
        await RunForAsync(TimeSpan.FromDays(1));
        Assert.Empty(anaPhone.Messages);
        Assert.Single(benPhone.Messages);
        Assert.Empty(MailTo(ben));
        var mail = Assert.Single(MailTo(ana));
        Assert.Contains("Subject: Something new in Hearth\r\n", mail, StringComparison.Ordinal);
        Assert.Contains($"https://localhost/spaces/{spaceId}/check-in", mail, StringComparison.Ordinal);
        Assert.Contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n", mail, StringComparison.Ordinal);
        Assert.DoesNotContain(ben.Name, mail, StringComparison.Ordinal);
        var link = UnsubscribeHeader().Match(mail).Groups["url"].Value;
        Assert.StartsWith("https://localhost/unsubscribe/", link, StringComparison.Ordinal);
        Assert.Contains(link, mail[mail.IndexOf("\r\n\r\n", StringComparison.Ordinal)..], StringComparison.Ordinal);

        await ana.SignInAsync();
        var log = await ana.GetJsonAsync("/api/v1/account/notifications/log");
        Assert.Equal("email", Assert.Single(log.EnumerateArray().First().GetProperty("channels").EnumerateArray()).GetString());

        // Signed out: the link asks; a one-click POST (no form token, as mail clients send it) turns it off.
        using var stranger = factory.NewClient();
        var asked = await stranger.GetAsync(new Uri(link, UriKind.Absolute).PathAndQuery);
        await Expect.StatusAsync(HttpStatusCode.OK, asked);
        Assert.Contains("Stop these e-mails", WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var done = await stranger.PostAsync(new Uri(link, UriKind.Absolute).PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        await Expect.StatusAsync(HttpStatusCode.OK, done);
        Assert.Contains("Done. No more e-mails for", WebUtility.HtmlDecode(await done.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var weekly = (await ana.GetJsonAsync("/api/v1/account/notifications")).GetProperty("kinds").EnumerateArray().First();
        Assert.False(weekly.GetProperty("email").GetBoolean());
        Assert.False(weekly.GetProperty("push").GetBoolean());

        // A made-up or altered link does nothing and says only that it doesn't work.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri("/unsubscribe/not-a-token", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync(new Uri(new Uri(link).AbsolutePath[..^3] + "AAA", UriKind.Relative), new StringContent(""))).StatusCode);

        // The next Sunday: no e-mail any more (and push stays off, as she chose).
        await RunForAsync(TimeSpan.FromDays(7));
        Assert.Single(MailTo(ana));
        Assert.Empty(anaPhone.Messages);
        Assert.Equal(2, benPhone.Messages.Count);
    }

    [Fact]
    public async Task The_page_offers_e_mail_per_kind_and_saves_it()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory);
        var page = WebUtility.HtmlDecode(await ana.Http.GetStringAsync("/account/notifications"));
        Assert.Contains("Sent by e-mail to your address", page, StringComparison.Ordinal);
        var saved = await ana.Http.SubmitAsync("/account/notifications", new Dictionary<string, string> { ["OnEmail"] = "thinking-of-you" }, handler: "Choices");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var kinds = (await ana.GetJsonAsync("/api/v1/account/notifications")).GetProperty("kinds").EnumerateArray()
            .ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("email").GetBoolean());
        Assert.True(kinds["thinking-of-you"]);
        Assert.False(kinds["weekly-check-in"]);
    }
}

public sealed class EmailReminderOnSqlite(PushSqliteFactory factory) : EmailReminderTests<PushSqliteFactory>(factory);

public sealed class EmailReminderOnPostgres(PushPostgresFactory factory) : EmailReminderTests<PushPostgresFactory>(factory);

/// <summary>Where e-mail would not reach anyone (the outbox, no SMTP), the choice is not offered and is refused.</summary>
public sealed class EmailRemindersOffWithoutSmtp(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    [Fact]
    public async Task Without_smtp_no_e_mail_choice_is_offered_and_one_sent_anyway_is_a_400()
    {
        var ana = await Person.RegisterAsync(factory);
        var settings = await ana.GetJsonAsync("/api/v1/account/notifications");
        Assert.All(settings.GetProperty("kinds").EnumerateArray(), k => Assert.Equal(System.Text.Json.JsonValueKind.Null, k.GetProperty("email").ValueKind));
        Assert.DoesNotContain("Sent by e-mail", WebUtility.HtmlDecode(await ana.Http.GetStringAsync("/account/notifications")), StringComparison.Ordinal);
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PutAsJsonAsync("/api/v1/account/notifications", new { kinds = new[] { new { kind = "weekly-check-in", email = true } } }));
        Assert.NotEmpty(problem.FieldErrors("kinds[0].email"));
    }
}

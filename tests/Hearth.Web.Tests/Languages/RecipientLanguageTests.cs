using System.Net;
using System.Net.Http.Json;
using Hearth.Web.Data;
using Hearth.Web.Features.Email;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Languages;

/// <summary>
/// An e-mail written outside any request (a background e-mail such as a reminder) goes out in the
/// recipient's own stored language, whoever else is being served at the same moment: a German
/// member's is German with a German subject, an English member's and a member who chose nothing stay
/// English, delivered through the real outbox in one run.
/// </summary>
public abstract class RecipientLanguageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    [Fact]
    public async Task A_background_e_mail_is_in_each_recipients_own_language()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var cem = await Person.RegisterAsync(factory, "Cem");
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsJsonAsync("/api/v1/account/language", new { language = "de" }));
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PutAsJsonAsync("/api/v1/account/language", new { language = "en" }));

        var before = factory.ReadOutbox().ToHashSet(StringComparer.Ordinal);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HearthDbContext>();
            var emails = scope.ServiceProvider.GetRequiredService<Emails>();
            var mailer = scope.ServiceProvider.GetRequiredService<IMailer>();
            foreach (var person in new[] { ana, ben, cem })
            {
                var id = await db.Users.Where(u => u.Email == person.Email).Select(u => u.Id).SingleAsync();
                await mailer.SendAsync(await emails.ToMemberAsync(id, person.Email, "AccountSubject", "PasswordResetBody", default, "https://hearth.test/link"));
            }
        }

        var mails = factory.ReadOutbox().Where(m => !before.Contains(m)).ToList();
        var german = Assert.Single(mails, m => m.Contains($"To: {ana.Email}", StringComparison.Ordinal));
        Assert.Contains("Subject: Dein Hearth-Konto\r\n", german, StringComparison.Ordinal);
        Assert.Contains("jemand (hoffentlich du) möchte eine neue Passphrase für Hearth wählen.", german, StringComparison.Ordinal);
        foreach (var english in new[] { ben, cem })
        {
            var mail = Assert.Single(mails, m => m.Contains($"To: {english.Email}", StringComparison.Ordinal));
            Assert.Contains("Subject: Your Hearth account\r\n", mail, StringComparison.Ordinal);
            Assert.DoesNotContain("Passphrase für Hearth", mail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_member_gets_English_rather_than_an_error()
    {
        factory.RequireAvailable();
        var language = factory.Services.GetRequiredService<IRecipientLanguage>();
        Assert.Equal("en", (await language.ForMemberAsync(Guid.NewGuid())).Name);
    }
}

public sealed class RecipientLanguageOnSqlite(SqliteHearthFactory factory) : RecipientLanguageTests<SqliteHearthFactory>(factory);

public sealed class RecipientLanguageOnPostgres(PostgresHearthFactory factory) : RecipientLanguageTests<PostgresHearthFactory>(factory);

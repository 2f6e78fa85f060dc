using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Accounts;

public sealed partial class AccountTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    private static Task<HttpResponseMessage> RegisterRaw(HttpClient http, string email, string password, string name = "Robin") =>
        http.PostAsJsonAsync("/api/v1/account/register", new { email, password, displayName = name });

    private static string NewEmail() => $"{Guid.NewGuid():N}@example.org";

    [Theory]
    [InlineData("short phrase", "at least 15")]
    [InlineData("correct horse battery staple", "list of passwords")]
    [InlineData("passwordpasswordpassword", "list of passwords")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaa", "easy to guess")]
    public async Task Weak_passphrases_are_refused_beside_the_field_and_no_account_is_made(string password, string expected)
    {
        var email = NewEmail();
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await RegisterRaw(factory.NewClient(), email, password));
        Assert.Contains(expected, Assert.Single(problem.FieldErrors("password")), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.Email == email))));
    }

    [Theory]
    [InlineData("tea at four on the balcony")]
    [InlineData("no capitals no digits no symbols at all and that is fine")]
    [InlineData("🌻 sunflowers in the window box 🌻")]
    public async Task Long_plain_passphrases_are_welcome(string password)
    {
        await Expect.StatusAsync(HttpStatusCode.Created, await RegisterRaw(factory.NewClient(), NewEmail(), password));
    }

    [Fact]
    public async Task A_passphrase_of_200_characters_works_for_sign_in()
    {
        var http = factory.NewClient();
        var email = NewEmail();
        var password = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"w{i:D3}"));
        Assert.Equal(199, password.Length);
        await Expect.StatusAsync(HttpStatusCode.Created, await RegisterRaw(http, email, password));
        await Expect.StatusAsync(HttpStatusCode.OK, await http.PostAsJsonAsync("/api/v1/account/sign-in", new { email, password }));
    }

    [Fact]
    public async Task Registration_explains_each_bad_field()
    {
        var response = await factory.NewClient().PostAsJsonAsync("/api/v1/account/register", new { email = "not-an-address", password = "", displayName = new string('n', 61) });
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, response);
        Assert.Contains("e-mail address", Assert.Single(problem.FieldErrors("email")), StringComparison.Ordinal);
        Assert.Contains("60 characters", Assert.Single(problem.FieldErrors("displayName")), StringComparison.Ordinal);
        Assert.Single(problem.FieldErrors("password"));
    }

    [Fact]
    public async Task A_wrong_passphrase_gets_the_same_answer_as_an_unknown_email()
    {
        var person = await Person.RegisterAsync(factory, signIn: false);
        var wrong = await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await factory.NewClient().PostAsJsonAsync("/api/v1/account/sign-in", new { email = person.Email, password = "not the right one at all" }));
        var unknown = await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await factory.NewClient().PostAsJsonAsync("/api/v1/account/sign-in", new { email = NewEmail(), password = "not the right one at all" }));
        Assert.Equal(wrong.Detail(), unknown.Detail());
    }

    [Fact]
    public async Task Repeated_failures_on_one_account_are_throttled_with_429_and_Retry_After()
    {
        var person = await Person.RegisterAsync(factory, signIn: false);
        var http = factory.NewClient();
        for (var i = 0; i < 5; i++)
        {
            await Expect.StatusAsync(HttpStatusCode.Unauthorized, await http.PostAsJsonAsync("/api/v1/account/sign-in", new { email = person.Email, password = $"wrong guess number {i}" }));
        }

        // Even the right passphrase waits now: the throttle is per account, not per guess.
        var throttled = await http.PostAsJsonAsync("/api/v1/account/sign-in", new { email = person.Email, password = person.Password });
        var problem = await Expect.ProblemAsync(HttpStatusCode.TooManyRequests, throttled);
        Assert.Contains("wait", problem.Detail(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(30), throttled.Headers.RetryAfter?.Delta);

        factory.Clock.Advance(TimeSpan.FromSeconds(31));
        await person.SignInAsync();

        // Signing in lifted the count: a wrong try now is checked again (401), not made to wait.
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, await http.PostAsJsonAsync("/api/v1/account/sign-in", new { email = person.Email, password = "wrong guess number 6" }));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copied_cookie_stops_working()
    {
        var person = await Person.RegisterAsync(factory);
        var cookie = factory.CookieHeaderOf(person.Http);
        Assert.Contains("__Host-hearth=", cookie, StringComparison.Ordinal);

        var copy = factory.CreateDefaultClient(new Uri("https://localhost"));
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        await Expect.StatusAsync(HttpStatusCode.OK, await copy.GetAsync(new Uri("/api/v1/me", UriKind.Relative)));

        var signOut = await person.Http.PostAsync(new Uri("/api/v1/account/sign-out", UriKind.Relative), null);
        await Expect.StatusAsync(HttpStatusCode.NoContent, signOut);
        Assert.Contains("cookies", string.Join(',', signOut.Headers.GetValues("Clear-Site-Data")), StringComparison.Ordinal);

        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await copy.GetAsync(new Uri("/api/v1/me", UriKind.Relative)));
    }

    [Fact]
    public async Task An_idle_session_expires_on_the_server()
    {
        var person = await Person.RegisterAsync(factory);
        await person.GetJsonAsync("/api/v1/me");
        factory.Clock.Advance(TimeSpan.FromMinutes(121));
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await person.Http.GetAsync(new Uri("/api/v1/me", UriKind.Relative)));
    }

    [Fact]
    public async Task A_forgotten_passphrase_is_reset_through_a_discreet_email_and_old_sessions_end()
    {
        var person = await Person.RegisterAsync(factory);
        var before = factory.ReadOutbox().Count;
        var anon = factory.NewClient();
        await Expect.StatusAsync(HttpStatusCode.Accepted, await anon.PostAsJsonAsync("/api/v1/account/forgot-password", new { email = person.Email }));

        // Unknown addresses get the same answer and no e-mail.
        await Expect.StatusAsync(HttpStatusCode.Accepted, await anon.PostAsJsonAsync("/api/v1/account/forgot-password", new { email = NewEmail() }));
        var mails = factory.ReadOutbox().Skip(before).Where(m => m.Contains(person.Email, StringComparison.Ordinal)).ToList();
        var mail = Assert.Single(mails);
        Assert.Contains("Subject: Your Hearth account", mail, StringComparison.Ordinal);

        var link = ResetLink().Match(mail);
        Assert.True(link.Success, mail);
        var newPassword = "a brand new morning routine";
        var reset = await anon.PostAsJsonAsync("/api/v1/account/reset-password", new { userId = Guid.ParseExact(link.Groups["u"].Value, "N"), token = link.Groups["code"].Value, newPassword });
        await Expect.StatusAsync(HttpStatusCode.NoContent, reset);

        // The session that existed before the reset is over; the new passphrase works; the link is spent.
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await person.Http.GetAsync(new Uri("/api/v1/me", UriKind.Relative)));
        person.PasswordChangedTo(newPassword);
        await person.SignInAsync();
        var again = await anon.PostAsJsonAsync("/api/v1/account/reset-password", new { userId = Guid.ParseExact(link.Groups["u"].Value, "N"), token = link.Groups["code"].Value, newPassword = "yet another long passphrase" });
        Assert.Contains("not valid", (await Expect.ProblemAsync(HttpStatusCode.BadRequest, again)).Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reset_with_a_made_up_token_changes_nothing()
    {
        var person = await Person.RegisterAsync(factory, signIn: false);
        var userId = await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == person.Email).Id));
        var response = await factory.NewClient().PostAsJsonAsync("/api/v1/account/reset-password", new { userId, token = "bm90LWEtcmVhbC10b2tlbg", newPassword = "an attacker chosen passphrase" });
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, response);
        await person.SignInAsync();
    }

    [GeneratedRegex(@"/account/reset\?u=(?<u>[0-9a-f]{32})&code=(?<code>[A-Za-z0-9_\-]+)")]
    private static partial Regex ResetLink();
}

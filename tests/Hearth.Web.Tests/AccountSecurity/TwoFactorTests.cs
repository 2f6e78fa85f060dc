using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Core.Accounts;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.AccountSecurity;

public sealed class TwoFactorTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    private string CodeNow(byte[] key) => Totp.Compute(key, Totp.StepAt(factory.Clock.GetUtcNow()));

    private async Task<(Person Person, byte[] Key, string[] RecoveryCodes)> WithTwoFactorAsync()
    {
        var person = await Person.RegisterAsync(factory);
        var setup = await (await person.Http.PostAsync(new Uri("/api/v1/account/two-factor/setup", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();
        var key = Totp.FromBase32(setup.GetProperty("key").GetString()!);
        Assert.StartsWith("otpauth://totp/Hearth:", setup.GetProperty("authenticatorUri").GetString(), StringComparison.Ordinal);
        var enabled = await person.Http.PostAsJsonAsync("/api/v1/account/two-factor/enable", new { code = CodeNow(key) });
        await Expect.StatusAsync(HttpStatusCode.OK, enabled);
        var codes = (await enabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToArray();
        Assert.Equal(10, codes.Length);
        return (person, key, codes);
    }

    private async Task<HttpClient> PassphraseStepAsync(Person person)
    {
        var http = factory.NewClient();
        var first = await http.PostAsJsonAsync("/api/v1/account/sign-in", new { email = person.Email, password = person.Password });
        Assert.Equal("One more step", (await Expect.ProblemAsync(HttpStatusCode.Unauthorized, first)).GetProperty("title").GetString());
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await http.GetAsync(new Uri("/api/v1/me", UriKind.Relative)));
        return http;
    }

    [Fact]
    public async Task With_the_second_step_on_a_passphrase_alone_does_not_sign_in_and_the_code_does()
    {
        var (person, key, _) = await WithTwoFactorAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var http = await PassphraseStepAsync(person);
        await Expect.StatusAsync(HttpStatusCode.OK, await http.PostAsJsonAsync("/api/v1/account/sign-in/code", new { code = CodeNow(key) }));
        await Expect.StatusAsync(HttpStatusCode.OK, await http.GetAsync(new Uri("/api/v1/me", UriKind.Relative)));
    }

    [Fact]
    public async Task A_code_works_only_once_and_a_wrong_one_is_refused_clearly()
    {
        var (person, key, _) = await WithTwoFactorAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = CodeNow(key);
        var first = await PassphraseStepAsync(person);
        await Expect.StatusAsync(HttpStatusCode.OK, await first.PostAsJsonAsync("/api/v1/account/sign-in/code", new { code }));

        var second = await PassphraseStepAsync(person);
        var replay = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await second.PostAsJsonAsync("/api/v1/account/sign-in/code", new { code }));
        Assert.Contains("didn't work", Assert.Single(replay.FieldErrors("code")), StringComparison.Ordinal);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, await second.PostAsJsonAsync("/api/v1/account/sign-in/code", new { code = "000000" }));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (person, _, codes) = await WithTwoFactorAsync();
        var http = await PassphraseStepAsync(person);
        await Expect.StatusAsync(HttpStatusCode.OK, await http.PostAsJsonAsync("/api/v1/account/sign-in/code", new { code = codes[0] }));
        var again = await PassphraseStepAsync(person);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, await again.PostAsJsonAsync("/api/v1/account/sign-in/code", new { code = codes[0] }));
        Assert.Equal(9, (await person.GetJsonAsync("/api/v1/account/two-factor")).GetProperty("recoveryCodesLeft").GetInt32());
    }

    [Fact]
    public async Task The_authenticator_key_and_recovery_codes_are_never_stored_in_plaintext_and_still_work()
    {
        var person = await Person.RegisterAsync(factory);
        var setup = await (await person.Http.PostAsync(new Uri("/api/v1/account/two-factor/setup", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();
        var base32 = setup.GetProperty("key").GetString()!;
        var key = Totp.FromBase32(base32);
        var enabled = await person.Http.PostAsJsonAsync("/api/v1/account/two-factor/enable", new { code = CodeNow(key) });
        await Expect.StatusAsync(HttpStatusCode.OK, enabled);
        var codes = (await enabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToArray();
        var secrets = new List<string> { base32.Replace(" ", "", StringComparison.Ordinal) };
        secrets.AddRange(codes);

        // The rows as stored, and the raw database file and WAL as someone holding the data folder sees them.
        var id = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users.Where(u => u.Email == person.Email).Select(u => u.Id)));
        var stored = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.UserTokens.Where(t => t.UserId == id).Select(t => t.Value ?? "")));
        Assert.Equal(2, stored.Count);
        var raw = new[] { factory.SqliteFile, factory.SqliteFile + "-wal" }.Where(File.Exists).Select(ReadShared).ToList();
        var found = secrets.Where(secret =>
                stored.Any(v => v.Contains(secret, StringComparison.OrdinalIgnoreCase))
                || raw.Any(bytes => bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(secret)) >= 0))
            .ToList();
        SecurityReport.Record(
            "second-factor secrets are not stored in plaintext", "sqlite", secrets.Count, found.Count,
            $"{nameof(TwoFactorTests)}.{nameof(The_authenticator_key_and_recovery_codes_are_never_stored_in_plaintext_and_still_work)}",
            "the authenticator key and ten recovery codes searched in AspNetUserTokens, hearth.db and its WAL");
        Assert.True(found.Count == 0, $"{found.Count} of {secrets.Count} second-factor secrets are stored in plaintext");

        // And they still work: a code from the app, a recovery code once.
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var withCode = await PassphraseStepAsync(person);
        await Expect.StatusAsync(HttpStatusCode.OK, await withCode.PostAsJsonAsync("/api/v1/account/sign-in/code", new { code = CodeNow(key) }));
        var withRecovery = await PassphraseStepAsync(person);
        await Expect.StatusAsync(HttpStatusCode.OK, await withRecovery.PostAsJsonAsync("/api/v1/account/sign-in/code", new { code = codes[3] }));
        var again = await PassphraseStepAsync(person);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, await again.PostAsJsonAsync("/api/v1/account/sign-in/code", new { code = codes[3] }));
        Assert.Equal(9, (await person.GetJsonAsync("/api/v1/account/two-factor")).GetProperty("recoveryCodesLeft").GetInt32());
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task The_second_step_waits_five_minutes_at_most()
    {
        var (person, key, _) = await WithTwoFactorAsync();
        var http = await PassphraseStepAsync(person);
        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        var late = await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await http.PostAsJsonAsync("/api/v1/account/sign-in/code", new { code = CodeNow(key) }));
        Assert.Contains("start again", late.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_without_a_passphrase_first_gets_nowhere()
    {
        var (_, key, _) = await WithTwoFactorAsync();
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await factory.NewClient().PostAsJsonAsync("/api/v1/account/sign-in/code", new { code = CodeNow(key) }));
    }

    [Fact]
    public async Task Turning_it_off_needs_the_passphrase()
    {
        var (person, _, _) = await WithTwoFactorAsync();
        var wrong = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await person.Http.PostAsJsonAsync("/api/v1/account/two-factor/disable", new { passphrase = "not my passphrase at all" }));
        Assert.Single(wrong.FieldErrors("passphrase"));
        await Expect.StatusAsync(HttpStatusCode.NoContent, await person.Http.PostAsJsonAsync("/api/v1/account/two-factor/disable", new { passphrase = person.Password }));
        await new Person(factory, factory.NewClient(), person.Email, person.Password, person.Name).SignInAsync();
    }

    [Fact]
    public async Task The_pages_walk_through_the_code_step()
    {
        var (person, key, _) = await WithTwoFactorAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var http = factory.NewClient();
        var first = await http.SubmitAsync("/account/sign-in?returnUrl=%2Fspaces", new Dictionary<string, string> { ["Input.Email"] = person.Email, ["Input.Password"] = person.Password });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/account/sign-in/code", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var wrong = await http.SubmitAsync(first.Headers.Location.OriginalString, new Dictionary<string, string> { ["Code"] = "123" });
        Assert.Contains("didn't work", (await wrong.ParseAsync()).FieldError("Code"), StringComparison.Ordinal);
        var done = await http.SubmitAsync(first.Headers.Location.OriginalString, new Dictionary<string, string> { ["Code"] = CodeNow(key) });
        Assert.Equal("/spaces", done.Headers.Location!.OriginalString);
    }
}

using System.Net;
using System.Net.Http.Json;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Operations;

/// <summary>
/// Bad input to every verb: one clear sentence on stderr, a non-zero exit, and nothing written (no
/// archive, no data folder, no changed account). And the account verbs an operator needs.
/// </summary>
[Slow("runs every verb against real installations")]
public sealed class VerbInputTests
{
    [Fact]
    public async Task Bad_input_to_every_verb_says_what_is_wrong_exits_non_zero_and_writes_nothing()
    {
        await using var factory = new SqliteHearthFactory();
        var person = await Person.RegisterAsync(factory);
        var work = Verbs.NewFolder();
        Directory.CreateDirectory(work);
        var nowhere = Path.Combine(work, "no-such-folder");
        var existing = Path.Combine(work, "existing.tar.gz");
        await File.WriteAllTextAsync(existing, "keep me");

        var cases = new (string[] Args, int Code, string Says)[]
        {
            (["backupp"], 2, "Unrecognized command or argument 'backupp'"),
            (["backup"], 2, "Option '--to' is required"),
            (["backup", "--to", existing, "--data", factory.DataDirectory], 1, "already exists"),
            (["backup", "--to", Path.Combine(nowhere, "x.tar.gz"), "--data", factory.DataDirectory], 1, "does not exist"),
            (["backup", "--to", Path.Combine(work, "x.tar.gz"), "--data", nowhere], 2, "there is no Hearth database"),
            (["restore"], 2, "Required argument missing"),
            (["restore", Path.Combine(work, "missing.tar.gz"), "--data", Path.Combine(work, "r1")], 2, "there is no archive"),
            (["restore", existing, "--data", factory.DataDirectory], 1, "is not empty"),
            (["verify", "--data", nowhere], 2, "there is no Hearth database"),
            (["verify", "--data", factory.DataDirectory, "extra"], 2, "Unrecognized command or argument 'extra'"),
            (["users"], 2, "Required command was not provided"),
            (["users", "disable", "nobody@example.org", "--data", factory.DataDirectory], 1, "no account has the e-mail address"),
            (["users", "disable", "not an address", "--data", factory.DataDirectory], 2, "is not an e-mail address"),
            (["users", "remove", person.Email, "--data", factory.DataDirectory], 2, "add --yes to confirm"),
            (["users", "list", "--data", nowhere], 2, "there is no Hearth database"),
        };

        foreach (var (args, code, says) in cases)
        {
            var ran = await Verbs.RunAsync(new Dictionary<string, string?> { ["Hearth:Database:Provider"] = "sqlite" }, args);
            Assert.True(ran.Code == code, $"hearth {string.Join(' ', args)}: exit {ran.Code}, expected {code}. {ran.Said}");
            Assert.True(ran.Err.Contains(says, StringComparison.Ordinal), $"hearth {string.Join(' ', args)} said: {ran.Said}");
            Assert.DoesNotContain("   at ", ran.Said, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(nowhere));
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing));
        Assert.Equal(["existing.tar.gz"], Directory.GetFileSystemEntries(work).Select(e => Path.GetFileName(e)!).ToArray());

        // The account nobody confirmed removing is still there and still signs in.
        await person.SignInAsync();
    }

    [Fact]
    public async Task An_operator_lists_pauses_resumes_and_at_the_owners_request_removes_an_account()
    {
        await using var factory = new SqliteHearthFactory();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var space = await ana.PairWithAsync(ben);

        var list = await Verbs.OnFolderAsync(factory.DataDirectory, "users", "list");
        Assert.True(list.Code == 0, list.Said);
        Assert.Contains(ana.Email, list.Out, StringComparison.Ordinal);
        Assert.Contains("2 account(s).", list.Out, StringComparison.Ordinal);

        var pause = await Verbs.OnFolderAsync(factory.DataDirectory, "users", "disable", ana.Email);
        Assert.True(pause.Code == 0, pause.Said);

        // Her open session ends on the next request, and the right passphrase no longer signs her in.
        Assert.Equal(HttpStatusCode.Unauthorized, (await ana.Http.GetAsync("/api/v1/me")).StatusCode);
        var refused = await ana.Http.PostAsJsonAsync("/api/v1/account/sign-in", new { email = ana.Email, password = ana.Password });
        Assert.Contains("paused", (await Expect.ProblemAsync(HttpStatusCode.Unauthorized, refused)).Detail(), StringComparison.Ordinal);
        Assert.Contains("disabled", (await Verbs.OnFolderAsync(factory.DataDirectory, "users", "list")).Out, StringComparison.Ordinal);

        Verbs.Succeeded(await Verbs.OnFolderAsync(factory.DataDirectory, "users", "enable", ana.Email));
        await ana.SignInAsync();

        var remove = await Verbs.OnFolderAsync(factory.DataDirectory, "users", "remove", ana.Email, "--yes");
        Assert.True(remove.Code == 0, remove.Said);
        var gone = await ana.Http.PostAsJsonAsync("/api/v1/account/sign-in", new { email = ana.Email, password = ana.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, gone.StatusCode);
        Assert.DoesNotContain(ana.Email, (await Verbs.OnFolderAsync(factory.DataDirectory, "users", "list")).Out, StringComparison.Ordinal);

        // As when she deletes it herself: the space closes for Ben, and her key file is gone.
        Assert.Equal(HttpStatusCode.Gone, (await ben.Http.GetAsync($"/api/v1/spaces/{space}/notes/")).StatusCode);
        Assert.Single(Directory.GetFiles(Path.Combine(factory.DataDirectory, "keys"), "member-*.key"));
    }
}

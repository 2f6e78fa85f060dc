using System.Net;
using System.Net.Http.Json;
using Hearth.Web.Features.Counsellors;
using Microsoft.EntityFrameworkCore;
using Hearth.Web.Tests.Infrastructure;
using Hearth.Web.Tests.Operations;

namespace Hearth.Web.Tests.Counsellors;

/// <summary>`hearth counsellors add|list|remove` (ADR 46): the operator makes counsellors; a counsellor has no space of their own; removing the role ends every pair's access at once.</summary>
public sealed class CounsellorVerbTests
{
    [Fact]
    public async Task An_operator_adds_lists_and_removes_a_counsellor()
    {
        await using var factory = new SqliteHearthFactory();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var space = await ana.PairWithAsync(ben);
        var cleo = await Person.RegisterAsync(factory, "Cleo");

        // Before the role, inviting Cleo is refused like any address that is no counsellor's.
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.InviteCounsellorAsync(space, cleo));
        Assert.Equal(HttpStatusCode.NotFound, (await cleo.Http.GetAsync(new Uri("/api/v1/counsellor/pairs", UriKind.Relative))).StatusCode);

        Verbs.Succeeded(await Verbs.OnFolderAsync(factory.DataDirectory, "counsellors", "add", cleo.Email));
        var list = Verbs.Succeeded(await Verbs.OnFolderAsync(factory.DataDirectory, "counsellors", "list"));
        Assert.Contains(cleo.Email, list.Out, StringComparison.Ordinal);
        Assert.Contains("1 counsellor(s).", list.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await cleo.GetJsonAsync("/api/v1/counsellor/pairs")).GetArrayLength());

        var grant = await CounsellorSteps.BothConsentAsync(ana, ben, space, cleo);
        await Expect.StatusAsync(HttpStatusCode.OK, await cleo.SheetAsync(grant));
        // (The verb's count of active pairs reads the real clock, months after this world's test clock: not checked here.)

        // The invitation told Cleo, discreetly: no names, nothing about the pair.
        var mail = Assert.Single(factory.ReadOutbox(), m => m.Contains(cleo.Email, StringComparison.Ordinal) && m.Contains("/counsellor", StringComparison.Ordinal));
        Assert.DoesNotContain("Ana", mail, StringComparison.Ordinal);
        Assert.DoesNotContain("Ben", mail, StringComparison.Ordinal);

        var removed = Verbs.Succeeded(await Verbs.OnFolderAsync(factory.DataDirectory, "counsellors", "remove", cleo.Email));
        Assert.Contains("1 pair(s)", removed.Out, StringComparison.Ordinal);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await cleo.SheetAsync(grant));
        Assert.Equal("none", (await ana.GetJsonAsync($"/api/v1/spaces/{space}/counsellor")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task An_account_in_a_space_of_its_own_cannot_be_made_a_counsellor()
    {
        await using var factory = new SqliteHearthFactory();
        var ana = await Person.RegisterAsync(factory, "Ana");
        await ana.CreateSpaceAsync();
        var refused = await Verbs.OnFolderAsync(factory.DataDirectory, "counsellors", "add", ana.Email);
        Assert.Equal(1, refused.Code);
        Assert.Contains("open space", refused.Err, StringComparison.Ordinal);
        Assert.Equal(2, (await Verbs.OnFolderAsync(factory.DataDirectory, "counsellors", "add", "not an address")).Code);
        Assert.Equal(1, (await Verbs.OnFolderAsync(factory.DataDirectory, "counsellors", "add", "nobody@example.org")).Code);
        Assert.Contains("0 counsellor(s).", (await Verbs.OnFolderAsync(factory.DataDirectory, "counsellors", "list")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_prints_an_invitation_code_once_and_keeps_only_its_hash()
    {
        await using var factory = new SqliteHearthFactory();
        var cleo = await Person.RegisterAsync(factory, "Cleo");
        Task<int> CodesAsync() => factory.WithDbAsync(db => db.Set<CounsellorCode>().CountAsync());

        // Outside 1..90 days: a usage error, nothing written.
        foreach (var days in new[] { "0", "91", "-3" })
        {
            var refused = await Verbs.OnFolderAsync(factory.DataDirectory, "counsellors", "code", "--days", days);
            Assert.Equal(2, refused.Code);
            Assert.Contains("--days", refused.Err, StringComparison.Ordinal);
        }

        Assert.Equal(2, (await Verbs.OnFolderAsync(factory.DataDirectory, "counsellors", "code", "--days", "soon")).Code);
        Assert.Equal(0, await CodesAsync());

        var ran = Verbs.Succeeded(await Verbs.OnFolderAsync(factory.DataDirectory, "counsellors", "code"));
        var code = ran.Out.Split('\n')[0].Trim();
        Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{1,4}){6}$", code);
        Assert.Equal(26, code.Replace("-", "", StringComparison.Ordinal).Length);
        Assert.Contains("/counsellor/redeem", ran.Out, StringComparison.Ordinal);
        Assert.Contains("Practice mode must be on", ran.Out, StringComparison.Ordinal);
        Assert.Contains("14 day(s)", ran.Out, StringComparison.Ordinal);

        // Only the hash: the printed code (with or without dashes) is in no column of the row.
        var row = await factory.WithDbAsync(db => db.Set<CounsellorCode>().AsNoTracking().SingleAsync());
        Assert.Equal(CounsellorCodeService.Hash(code), row.CodeHash);
        Assert.Equal(14, (row.ExpiresAt - row.CreatedAt).TotalDays);
        var columns = await factory.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM CounsellorCodes";
            await using var reader = await command.ExecuteReaderAsync();
            var values = new List<string>();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
                }
            }

            return values;
        });
        Assert.NotEmpty(columns);
        var bare = code.Replace("-", "", StringComparison.Ordinal);
        Assert.DoesNotContain(columns, v => v.Contains(bare, StringComparison.OrdinalIgnoreCase) || v.Contains(code, StringComparison.OrdinalIgnoreCase));

        // A chosen length, and the printed code works once on the page's API.
        Assert.Contains("90 day(s)", Verbs.Succeeded(await Verbs.OnFolderAsync(factory.DataDirectory, "counsellors", "code", "--days", "90")).Out, StringComparison.Ordinal);
        await Expect.StatusAsync(HttpStatusCode.OK, await cleo.Http.PostAsJsonAsync("/api/v1/counsellor/redeem", new { code }));
        Assert.Contains(cleo.Email, Verbs.Succeeded(await Verbs.OnFolderAsync(factory.DataDirectory, "counsellors", "list")).Out, StringComparison.Ordinal);
    }
}

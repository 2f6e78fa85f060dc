using System.Net;
using System.Net.Http.Json;
using Hearth.Web.Features.Counsellors;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Counsellors;

/// <summary>
/// The operator's invitation codes (ADR 50 §3): redeemed by an account in no open space, it becomes a
/// counsellor; each code works once, atomically, and not after it expires; unknown, used and expired
/// codes get one and the same field error; a counsellor then has no space of their own (creating or
/// joining one is a 409 and writes nothing).
/// </summary>
public abstract class CounsellorCodeTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    private const string Redeem = "/api/v1/counsellor/redeem";

    /// <summary>What `hearth counsellors code` does, on this world's clock (the verb has its own test).</summary>
    private async Task<string> IssueAsync(int days = CounsellorRules.CodeDefaultDays)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<CounsellorCodeService>().IssueAsync(days)).Code;
    }

    private static Task<HttpResponseMessage> RedeemAsync(Person person, string code) =>
        person.Http.PostAsJsonAsync(Redeem, new { code });

    private static async Task<Guid> IdAsync(Person person) =>
        (await person.GetJsonAsync("/api/v1/me")).GetProperty("id").GetGuid();

    private Task<bool> IsCounsellorAsync(Guid userId) =>
        factory.WithDbAsync(db => CounsellorRole.HasAsync(db, userId, CancellationToken.None));

    private Task<CounsellorCode> RowAsync(string code)
    {
        var hash = CounsellorCodeService.Hash(code);
        return factory.WithDbAsync(db => db.Set<CounsellorCode>().AsNoTracking().SingleAsync(c => c.CodeHash == hash));
    }

    /// <summary>The field error an unknown code gets: every other dead code must get exactly this.</summary>
    private static async Task<string[]> UnknownCodeErrorAsync(Person person)
    {
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await RedeemAsync(person, CounsellorCodeService.NewCode()));
        var errors = problem.FieldErrors("code");
        Assert.Single(errors);
        return errors;
    }

    [Fact]
    public async Task A_code_makes_an_account_in_no_space_a_counsellor_once()
    {
        factory.RequireAvailable();
        var cleo = await Person.RegisterAsync(factory, "Cleo");
        var cleoId = await IdAsync(cleo);
        var unknown = await UnknownCodeErrorAsync(cleo);
        Assert.Equal(HttpStatusCode.NotFound, (await cleo.Http.GetAsync(new Uri("/api/v1/counsellor/pairs", UriKind.Relative))).StatusCode);

        // Typed the easy way: lower case, spaces instead of dashes.
        var code = await IssueAsync();
        var typed = code.Replace('-', ' ').ToLowerInvariant();
        var answer = await RedeemAsync(cleo, typed);
        await Expect.StatusAsync(HttpStatusCode.OK, answer);
        var view = await answer.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("counsellor", view.GetProperty("role").GetString());
        Assert.True(await IsCounsellorAsync(cleoId));
        var row = await RowAsync(code);
        Assert.Equal(cleoId, row.RedeemedByUserId);
        Assert.NotNull(row.RedeemedAt);
        Assert.Equal(0, (await cleo.GetJsonAsync("/api/v1/counsellor/pairs")).GetArrayLength());

        // Pairs can invite her by her address now.
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var space = await ana.PairWithAsync(ben);
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.InviteCounsellorAsync(space, cleo));

        // Used once, it is dead: for someone else the very error of an unknown code.
        var dan = await Person.RegisterAsync(factory, "Dan");
        var used = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await RedeemAsync(dan, code));
        Assert.Equal(unknown, used.FieldErrors("code"));
        Assert.False(await IsCounsellorAsync(await IdAsync(dan)));

        // Already a counsellor: a 409, and the new code is not used up.
        var spare = await IssueAsync();
        var again = await Expect.ProblemAsync(HttpStatusCode.Conflict, await RedeemAsync(cleo, spare));
        Assert.Contains("already", again.Detail(), StringComparison.Ordinal);
        Assert.Null((await RowAsync(spare)).RedeemedAt);
        await Expect.StatusAsync(HttpStatusCode.OK, await RedeemAsync(dan, spare));
        Assert.True(await IsCounsellorAsync(await IdAsync(dan)));
    }

    [Fact]
    public async Task The_page_redeems_a_code_and_explains_a_dead_one_beside_the_field()
    {
        factory.RequireAvailable();
        var eve = await Person.RegisterAsync(factory, "Eve");
        var page = await eve.Http.GetPageAsync("/counsellor/redeem");
        Assert.NotNull(page.QuerySelector("input[name='Input.Code']"));
        Assert.NotNull(page.QuerySelector("input[name='__af']"));

        var unknown = await UnknownCodeErrorAsync(eve);
        var wrong = await eve.Http.SubmitAsync("/counsellor/redeem", new Dictionary<string, string> { ["Input.Code"] = "not-a-code" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(unknown[0], WebUtility.HtmlDecode((await wrong.ParseAsync()).FieldError("Input.Code")));

        // Without the antiforgery token the form is refused and nothing changes.
        var code = await IssueAsync();
        var forged = await eve.Http.PostAsync(new Uri("/counsellor/redeem", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Code"] = code }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null((await RowAsync(code)).RedeemedAt);

        var done = await eve.Http.SubmitAsync("/counsellor/redeem", new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var location = done.Headers.Location!.OriginalString;
        Assert.StartsWith("/counsellor?", location, StringComparison.Ordinal);
        var list = await eve.Http.GetPageAsync(location);
        Assert.Contains("Pairs can invite you by your e-mail address", WebUtility.HtmlDecode(list.QuerySelector("#counsellor-welcome")!.TextContent), StringComparison.Ordinal);
        Assert.True(await IsCounsellorAsync(await IdAsync(eve)));

        // Used, on the page: the same words as an unknown code.
        var fay = await Person.RegisterAsync(factory, "Fay");
        var reused = await fay.Http.SubmitAsync("/counsellor/redeem", new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal(unknown[0], WebUtility.HtmlDecode((await reused.ParseAsync()).FieldError("Input.Code")));
    }

    [Fact]
    public async Task An_expired_code_gets_the_error_of_an_unknown_one()
    {
        factory.RequireAvailable();
        var code = await IssueAsync(days: 1);
        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var gus = await Person.RegisterAsync(factory, "Gus");
        var unknown = await UnknownCodeErrorAsync(gus);
        var expired = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await RedeemAsync(gus, code));
        Assert.Equal(unknown, expired.FieldErrors("code"));
        Assert.False(await IsCounsellorAsync(await IdAsync(gus)));
        Assert.Null((await RowAsync(code)).RedeemedAt);
    }

    [Fact]
    public async Task An_account_in_an_open_space_is_refused_and_the_code_still_works_for_another()
    {
        factory.RequireAvailable();
        var hal = await Person.RegisterAsync(factory, "Hal");
        await hal.CreateSpaceAsync();
        var code = await IssueAsync();
        var refused = await Expect.ProblemAsync(HttpStatusCode.Conflict, await RedeemAsync(hal, code));
        Assert.Contains("another account", refused.Detail(), StringComparison.Ordinal);
        Assert.False(await IsCounsellorAsync(await IdAsync(hal)));
        Assert.Null((await RowAsync(code)).RedeemedAt);

        var page = await hal.Http.SubmitAsync("/counsellor/redeem", new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("another account", WebUtility.HtmlDecode((await page.ParseAsync()).PageError() ?? ""), StringComparison.Ordinal);
        Assert.Null((await RowAsync(code)).RedeemedAt);

        var ivy = await Person.RegisterAsync(factory, "Ivy");
        await Expect.StatusAsync(HttpStatusCode.OK, await RedeemAsync(ivy, code));
        Assert.Equal(await IdAsync(ivy), (await RowAsync(code)).RedeemedByUserId);
    }

    [Fact]
    public async Task Two_people_redeeming_one_code_at_once_make_exactly_one_counsellor()
    {
        factory.RequireAvailable();
        for (var round = 0; round < 3; round++)
        {
            var jo = await Person.RegisterAsync(factory, $"Jo {round}");
            var kit = await Person.RegisterAsync(factory, $"Kit {round}");
            var code = await IssueAsync();
            var answers = await Task.WhenAll(RedeemAsync(jo, code), RedeemAsync(kit, code));
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest], answers.Select(a => a.StatusCode).Order());
            var joId = await IdAsync(jo);
            var kitId = await IdAsync(kit);
            var counsellors = new[] { await IsCounsellorAsync(joId), await IsCounsellorAsync(kitId) };
            Assert.Single(counsellors, c => c);
            var winner = answers[0].StatusCode == HttpStatusCode.OK ? joId : kitId;
            Assert.Equal(winner, (await RowAsync(code)).RedeemedByUserId);
        }
    }

    /// <summary>
    /// One account redeeming a code at the very moment it starts or joins a space: each request checks
    /// what the other writes, so without a lock both could pass their check and the account would be a
    /// counsellor with a space of their own. Whatever the timing, it ends as one or the other.
    /// </summary>
    [Fact]
    public async Task Redeeming_while_starting_or_joining_a_space_gives_one_or_the_other_never_both()
    {
        factory.RequireAvailable();
        var host = await Person.RegisterAsync(factory, "Host");
        for (var round = 0; round < 12; round++)
        {
            foreach (var joining in new[] { false, true })
            {
                var pat = await Person.RegisterAsync(factory, $"Pat {round} {joining}");
                var patId = await IdAsync(pat);
                var code = await IssueAsync();
                var token = joining ? await host.InviteAsync(await host.CreateSpaceAsync("friends")) : null;
                var space = joining ? pat.AcceptAsync(token!) : pat.Http.PostAsJsonAsync("/api/v1/spaces", new { kind = "friends" });
                var answers = await Task.WhenAll(RedeemAsync(pat, code), space);

                var counsellor = await IsCounsellorAsync(patId);
                var memberships = await factory.WithDbAsync(db => db.Memberships.IgnoreQueryFilters().CountAsync(m => m.UserId == patId && m.LeftAt == null));
                Assert.False(counsellor && memberships > 0, $"round {round} ({(joining ? "joining" : "starting")}): a counsellor with a space of their own; answers {answers[0].StatusCode}, {answers[1].StatusCode}");
                Assert.True(counsellor || memberships == 1);
                // The request that lost says so with a 409, and the code is used only if it made a counsellor.
                Assert.Contains(HttpStatusCode.Conflict, answers.Select(a => a.StatusCode));
                Assert.Equal(counsellor, (await RowAsync(code)).RedeemedAt is not null);
            }
        }
    }

    /// <summary>Starting spaces at once from one account cannot pass the limit of open spaces a person may have.</summary>
    [Fact]
    public async Task Starting_spaces_at_once_stops_at_the_limit()
    {
        factory.RequireAvailable();
        var limit = Hearth.Core.Spaces.SpaceRules.MaxOpenSpacesPerPerson;
        for (var round = 0; round < 4; round++)
        {
            var quin = await Person.RegisterAsync(factory, $"Quin {round}");
            var quinId = await IdAsync(quin);
            for (var i = 0; i < limit - 1; i++)
            {
                await quin.CreateSpaceAsync("friends");
            }

            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => quin.Http.PostAsJsonAsync("/api/v1/spaces", new { kind = "friends" })));
            Assert.Equal(limit, await factory.WithDbAsync(db => db.Memberships.IgnoreQueryFilters().CountAsync(m => m.UserId == quinId && m.LeftAt == null)));
            Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
            Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        }
    }

    [Fact]
    public async Task A_counsellor_cannot_start_or_join_a_space()
    {
        factory.RequireAvailable();
        var lou = await Person.RegisterAsync(factory, "Lou");
        await Expect.StatusAsync(HttpStatusCode.OK, await RedeemAsync(lou, await IssueAsync()));
        var louId = await IdAsync(lou);
        Task<(int Spaces, int Memberships)> WrittenAsync() => factory.WithDbAsync(async db => (
            await db.Spaces.IgnoreQueryFilters().CountAsync(s => s.CreatedByUserId == louId),
            await db.Memberships.IgnoreQueryFilters().CountAsync(m => m.UserId == louId)));

        var created = await Expect.ProblemAsync(HttpStatusCode.Conflict, await lou.Http.PostAsJsonAsync("/api/v1/spaces", new { kind = "friends" }));
        Assert.Contains("counsellor account", created.Detail(), StringComparison.Ordinal);
        // The page says so at once, without the form; a form post anyway is refused the same way.
        var newPage = await lou.Http.GetPageAsync("/spaces/new");
        Assert.Contains("counsellor account", WebUtility.HtmlDecode(newPage.PageError() ?? ""), StringComparison.Ordinal);
        Assert.Null(newPage.QuerySelector("input[name='Input.Kind']"));
        var antiforgery = (await lou.Http.GetPageAsync("/counsellor/redeem")).QuerySelector("input[name='__af']")!.GetAttribute("value")!;
        var page = await lou.Http.PostAsync(new Uri("/spaces/new", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = antiforgery, ["Input.Kind"] = "friends" }));
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("counsellor account", WebUtility.HtmlDecode((await page.ParseAsync()).PageError() ?? ""), StringComparison.Ordinal);
        Assert.Equal((0, 0), await WrittenAsync());

        // Invited by someone: refused by the API and the page; the link stays unused for someone else.
        var mo = await Person.RegisterAsync(factory, "Mo");
        var space = await mo.CreateSpaceAsync();
        var token = await mo.InviteAsync(space);
        var joined = await Expect.ProblemAsync(HttpStatusCode.Conflict, await lou.AcceptAsync(token));
        Assert.Contains("counsellor account", joined.Detail(), StringComparison.Ordinal);
        // The link's page says so at once and offers nothing to accept; a form post anyway is refused the same way.
        var joinPage = await lou.Http.GetPageAsync($"/join/{token}", HttpStatusCode.Conflict);
        Assert.Contains("counsellor account", WebUtility.HtmlDecode(joinPage.PageError() ?? ""), StringComparison.Ordinal);
        Assert.DoesNotContain(joinPage.Forms, f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase) && !f.Action.Contains("sign-out", StringComparison.Ordinal) && !f.Action.Contains("language", StringComparison.Ordinal));
        var joinPost = await lou.Http.PostAsync(new Uri($"/join/{token}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = antiforgery }));
        Assert.Equal(HttpStatusCode.Conflict, joinPost.StatusCode);
        Assert.Contains("counsellor account", WebUtility.HtmlDecode((await joinPost.ParseAsync()).PageError() ?? ""), StringComparison.Ordinal);
        Assert.Equal((0, 0), await WrittenAsync());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Memberships.IgnoreQueryFilters().CountAsync(m => m.SpaceId == space)));

        var ned = await Person.RegisterAsync(factory, "Ned");
        await Expect.StatusAsync(HttpStatusCode.OK, await ned.AcceptAsync(token));
    }

    /// <summary>
    /// Importing an export brings spaces into a new account; a counsellor's account is not one that
    /// may have spaces, so the import is refused like starting one, and nothing is written.
    /// </summary>
    [Fact]
    public async Task A_counsellor_cannot_import_spaces_either()
    {
        factory.RequireAvailable();
        var ivy = await Person.RegisterAsync(factory, "Ivy");
        await ivy.CreateSpaceAsync("friends");
        var (_, export, _) = await Hearth.Web.Tests.DataRights.DataWorld.ExportAsync(ivy);

        var rue = await Person.RegisterAsync(factory, "Rue");
        await Expect.StatusAsync(HttpStatusCode.OK, await RedeemAsync(rue, await IssueAsync()));
        var rueId = await IdAsync(rue);
        var refused = await Expect.ProblemAsync(HttpStatusCode.Conflict, await rue.Http.PostAsync(new Uri("/api/v1/account/import", UriKind.Relative), new StringContent(export, System.Text.Encoding.UTF8, "application/json")));
        Assert.Contains("counsellor account", refused.Detail(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Memberships.IgnoreQueryFilters().CountAsync(m => m.UserId == rueId)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Spaces.IgnoreQueryFilters().CountAsync(s => s.CreatedByUserId == rueId)));
    }
}

public sealed class CounsellorCodeOnSqlite(SqliteHearthFactory factory) : CounsellorCodeTests<SqliteHearthFactory>(factory);

public sealed class CounsellorCodeOnPostgres(PostgresHearthFactory factory) : CounsellorCodeTests<PostgresHearthFactory>(factory);

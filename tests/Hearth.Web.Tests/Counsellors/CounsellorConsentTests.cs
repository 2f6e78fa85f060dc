using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Features.Counsellors;
using Hearth.Web.Tests.Assessments;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Tests.Counsellors;

/// <summary>
/// The consent rules of a counsellor's access (ADR 46): one consent gives nothing; both give the
/// intersection of what each allowed, for the shorter time; either member ends it at once; leaving
/// the space or deleting the account ends it; and every "no" is the very 404 of an unknown id.
/// </summary>
public abstract class CounsellorConsentTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    private async Task<(Person Ana, Person Ben, Guid Space, Person Cleo)> PairAsync()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var space = await ana.PairWithAsync(ben);
        var cleo = await CounsellorSteps.CounsellorAsync(factory);
        return (ana, ben, space, cleo);
    }

    private static async Task<string> MissingAsync(Person counsellor)
    {
        var response = await counsellor.SheetAsync(Guid.NewGuid());
        return Shape(await Expect.ProblemAsync(HttpStatusCode.NotFound, response));
    }

    private static async Task AssertRefusedLikeMissingAsync(Person counsellor, Guid grantId)
    {
        var missing = await MissingAsync(counsellor);
        var problem = await Expect.ProblemAsync(HttpStatusCode.NotFound, await counsellor.SheetAsync(grantId));
        Assert.Equal(missing, Shape(problem));
        var page = await counsellor.Http.GetAsync(new Uri($"/counsellor/{grantId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var list = await counsellor.GetJsonAsync("/api/v1/counsellor/pairs");
        Assert.DoesNotContain(grantId.ToString(), list.GetRawText(), StringComparison.Ordinal);
    }

    private static string Shape(JsonElement problem) =>
        string.Join('|', problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));

    [Fact]
    public async Task The_export_holds_my_consent_the_others_as_shared_and_the_looks_and_deletion_removes_only_mine()
    {
        var (ana, ben, space, cleo) = await PairAsync();
        var grant = await CounsellorSteps.BothConsentAsync(ana, ben, space, cleo, firstScopes: ["map", "trends"], secondScopes: ["map"], firstDays: 30, secondDays: 60);
        await Expect.StatusAsync(HttpStatusCode.OK, await cleo.SheetAsync(grant));

        var (_, _, doc) = await Hearth.Web.Tests.DataRights.DataWorld.ExportAsync(ana);
        var schema = Hearth.Web.Tests.DataRights.MiniJsonSchema.Load(Path.Combine(Architecture.OpenApiDocument.RepositoryRoot(), "docs", "export-format.schema.json"));
        Assert.Empty(schema.Validate(doc));
        var exported = doc.GetProperty("spaces").EnumerateArray().Single(s => s.GetProperty("state").GetString() == "paired");
        var mine = Assert.Single(exported.GetProperty("mine").GetProperty("counsellorGrants").EnumerateArray());
        Assert.Equal(cleo.Email, mine.GetProperty("counsellorEmail").GetString());
        Assert.Equal(["map", "trends"], mine.GetProperty("scopes").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(30, mine.GetProperty("days").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, mine.GetProperty("startedAt").ValueKind);
        var theirs = Assert.Single(exported.GetProperty("sharedWithMe").GetProperty("items").GetProperty("counsellorGrants").EnumerateArray());
        Assert.Equal(["map"], theirs.GetProperty("scopes").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(60, theirs.GetProperty("days").GetInt32());
        var look = Assert.Single(exported.GetProperty("mine").GetProperty("counsellorLooks").EnumerateArray());
        Assert.Equal(["map"], look.GetProperty("scopes").EnumerateArray().Select(x => x.GetString()));

        // Cleo's own export holds nothing of the pair's consents.
        var (_, cleoBody, _) = await Hearth.Web.Tests.DataRights.DataWorld.ExportAsync(cleo);
        Assert.DoesNotContain("counsellorEmail", cleoBody, StringComparison.Ordinal);

        var anaId = (await ana.GetJsonAsync("/api/v1/me")).GetProperty("id").GetGuid();
        await Expect.StatusAsync(HttpStatusCode.NoContent, await ana.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, new Uri("/api/v1/account", UriKind.Relative)) { Content = JsonContent.Create(new { passphrase = ana.Password }) }));
        var left = await factory.WithDbAsync(db => db.Set<Hearth.Web.Features.Counsellors.CounsellorConsent>().IgnoreQueryFilters().Where(c => c.GrantId == grant).Select(c => c.UserId).ToListAsync());
        Assert.DoesNotContain(anaId, left);
        Assert.Single(left);
    }

    /// <summary>
    /// Both members inviting a counsellor at the same moment (or one tapping twice) make one
    /// invitation, and the other member agreeing twice at once agrees once: one answer says done, the
    /// others say it is already done (409), never a 500 and never a second grant or consent.
    /// </summary>
    [Fact]
    public async Task Inviting_and_agreeing_at_once_make_one_grant_and_one_consent_each()
    {
        for (var round = 0; round < 4; round++)
        {
            var (ana, ben, space, cleo) = await PairAsync();
            var invited = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? ana : ben).InviteCounsellorAsync(space, cleo)));
            Assert.All(invited, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"round {round}: inviting answered {(int)a.StatusCode}"));
            Assert.Single(invited, a => a.StatusCode == HttpStatusCode.OK);
            var other = Array.FindIndex(invited, a => a.StatusCode == HttpStatusCode.OK) % 2 == 0 ? ben : ana;
            Assert.Equal(1, await factory.WithDbAsync(db => db.Set<CounsellorGrant>().IgnoreQueryFilters().CountAsync(g => g.SpaceId == space)));

            var agreed = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => other.ConsentToCounsellorAsync(space)));
            Assert.All(agreed, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"round {round}: agreeing answered {(int)a.StatusCode}"));
            Assert.Single(agreed, a => a.StatusCode == HttpStatusCode.OK);
            Assert.Equal(2, await factory.WithDbAsync(db => db.Set<CounsellorConsent>().IgnoreQueryFilters().CountAsync(c => c.SpaceId == space)));
        }
    }

    [Fact]
    public async Task One_members_invitation_gives_the_counsellor_nothing()
    {
        var (ana, _, space, cleo) = await PairAsync();
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.InviteCounsellorAsync(space, cleo));
        var grant = await CounsellorSteps.GrantIdAsync(factory, space);

        Assert.Equal(0, (await cleo.GetJsonAsync("/api/v1/counsellor/pairs")).GetArrayLength());
        await AssertRefusedLikeMissingAsync(cleo, grant);
        Assert.Equal("waitingForOther", (await ana.GetJsonAsync($"/api/v1/spaces/{space}/counsellor")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Both_consents_give_the_intersection_of_what_each_allowed_for_the_shorter_time()
    {
        var (ana, ben, space, cleo) = await PairAsync();
        await ana.TakeAsync(space, AssessmentDriver.Uniform(5), share: ["emotional", "experiential"]);
        await ben.TakeAsync(space, AssessmentDriver.Uniform(3), share: ["emotional"]);
        var now = factory.Clock.GetUtcNow();
        var grant = await CounsellorSteps.BothConsentAsync(ana, ben, space, cleo, firstScopes: ["map", "trends", "saved"], secondScopes: ["map", "trends"], firstDays: 30, secondDays: 90);

        Assert.Equal("active", (await ben.GetJsonAsync($"/api/v1/spaces/{space}/counsellor")).GetProperty("state").GetString());
        var pairs = await cleo.GetJsonAsync("/api/v1/counsellor/pairs");
        Assert.Equal(grant, pairs[0].GetProperty("id").GetGuid());
        var sheet = await cleo.GetJsonAsync($"/api/v1/counsellor/pairs/{grant}");
        Assert.Equal(["map", "trends"], sheet.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(JsonValueKind.Null, sheet.GetProperty("saved").ValueKind);
        Assert.Equal(now.AddDays(30), sheet.GetProperty("expiresAt").GetDateTimeOffset());

        // The map: only the dimension both shared (emotional), each member's own score, never an average.
        var round = sheet.GetProperty("rounds")[0];
        var dimensions = round.GetProperty("dimensions").EnumerateArray().ToList();
        Assert.Equal(["emotional"], dimensions.Select(d => d.GetProperty("dimension").GetString()));
        var percents = dimensions[0].GetProperty("percents").EnumerateArray().Select(p => p.GetDouble()).ToList();
        Assert.Equal(2, percents.Count);
        Assert.NotEqual(percents[0], percents[1]);
    }

    [Fact]
    public async Task Access_ends_when_the_chosen_time_is_over()
    {
        var (ana, ben, space, cleo) = await PairAsync();
        var grant = await CounsellorSteps.BothConsentAsync(ana, ben, space, cleo, firstDays: 90, secondDays: 10);

        factory.Clock.Advance(TimeSpan.FromDays(10) - TimeSpan.FromMinutes(1));
        await cleo.SignInAsync();
        await Expect.StatusAsync(HttpStatusCode.OK, await cleo.SheetAsync(grant));

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await AssertRefusedLikeMissingAsync(cleo, grant);

        // The pair's page says there is no counsellor now, and a new invitation may be made.
        await ana.SignInAsync();
        Assert.Equal("none", (await ana.GetJsonAsync($"/api/v1/spaces/{space}/counsellor")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Either_member_ends_it_and_the_counsellors_next_request_gets_nothing()
    {
        var (ana, ben, space, cleo) = await PairAsync();
        var grant = await CounsellorSteps.BothConsentAsync(ana, ben, space, cleo);
        await Expect.StatusAsync(HttpStatusCode.OK, await cleo.SheetAsync(grant));

        await Expect.StatusAsync(HttpStatusCode.NoContent, await ben.EndCounsellorAsync(space));
        await AssertRefusedLikeMissingAsync(cleo, grant);
        // Consenting again is not possible: the access has ended; a new one starts with a new invitation.
        await Expect.ProblemAsync(HttpStatusCode.Conflict, await ana.ConsentToCounsellorAsync(space));
    }

    [Fact]
    public async Task A_member_leaving_the_space_ends_it()
    {
        var (ana, ben, space, cleo) = await PairAsync();
        var grant = await CounsellorSteps.BothConsentAsync(ana, ben, space, cleo);
        await Expect.StatusAsync(HttpStatusCode.OK, await cleo.SheetAsync(grant));

        await Expect.StatusAsync(HttpStatusCode.NoContent, await ben.LeaveAsync(space));
        await AssertRefusedLikeMissingAsync(cleo, grant);
    }

    [Fact]
    public async Task A_member_deleting_their_account_ends_it()
    {
        var (ana, ben, space, cleo) = await PairAsync();
        var grant = await CounsellorSteps.BothConsentAsync(ana, ben, space, cleo);
        await Expect.StatusAsync(HttpStatusCode.OK, await cleo.SheetAsync(grant));

        await Expect.StatusAsync(HttpStatusCode.NoContent, await ana.Http.SendAsync(
            new HttpRequestMessage(HttpMethod.Delete, new Uri("/api/v1/account", UriKind.Relative)) { Content = JsonContent.Create(new { passphrase = ana.Password }) }));
        await AssertRefusedLikeMissingAsync(cleo, grant);
    }

    [Fact]
    public async Task Another_counsellor_and_an_account_without_the_role_get_nothing()
    {
        var (ana, ben, space, cleo) = await PairAsync();
        var grant = await CounsellorSteps.BothConsentAsync(ana, ben, space, cleo);
        var dan = await CounsellorSteps.CounsellorAsync(factory, "Dan");
        await AssertRefusedLikeMissingAsync(dan, grant);
        Assert.Equal(0, (await dan.GetJsonAsync("/api/v1/counsellor/pairs")).GetArrayLength());

        // Ana is a member, not the counsellor: the sheet is not hers to open either.
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await ana.SheetAsync(grant));
    }

    [Fact]
    public async Task Only_a_counsellor_of_this_Hearth_can_be_invited_and_only_by_a_pair()
    {
        var (ana, _, space, _) = await PairAsync();
        var someone = await Person.RegisterAsync(factory, "Someone");
        var notCounsellor = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.InviteCounsellorAsync(space, someone));
        Assert.NotEmpty(notCounsellor.FieldErrors("email"));
        var cleo = await CounsellorSteps.CounsellorAsync(factory, "Cleo two");
        var noScopes = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.InviteCounsellorAsync(space, cleo, scopes: []));
        Assert.NotEmpty(noScopes.FieldErrors("scopes"));
        var badScope = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.InviteCounsellorAsync(space, cleo, scopes: ["memories"]));
        Assert.NotEmpty(badScope.FieldErrors("scopes"));
        var tooLong = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.InviteCounsellorAsync(space, cleo, days: 1000));
        Assert.NotEmpty(tooLong.FieldErrors("days"));

        var solo = await ana.CreateSpaceAsync("friends");
        await Expect.ProblemAsync(HttpStatusCode.Conflict, await ana.InviteCounsellorAsync(solo, cleo));
        Assert.Equal(0, await factory.WithDbAsync(db => Task.FromResult(db.Set<Hearth.Web.Features.Counsellors.CounsellorGrant>().All().Count(g => g.SpaceId == space || g.SpaceId == solo))));
    }

    [Fact]
    public async Task Both_members_see_every_look_in_the_access_log()
    {
        var (ana, ben, space, cleo) = await PairAsync();
        var grant = await CounsellorSteps.BothConsentAsync(ana, ben, space, cleo, secondScopes: ["trends"]);
        await Expect.StatusAsync(HttpStatusCode.OK, await cleo.SheetAsync(grant));
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = factory.Clock.GetUtcNow();
        var page = await cleo.Http.GetAsync(new Uri($"/counsellor/{grant}", UriKind.Relative));
        await Expect.StatusAsync(HttpStatusCode.OK, page);

        foreach (var member in new[] { ana, ben })
        {
            var looks = (await member.GetJsonAsync($"/api/v1/spaces/{space}/counsellor")).GetProperty("looks").EnumerateArray().ToList();
            Assert.Equal(2, looks.Count);
            Assert.All(looks, l => Assert.Equal(["trends"], l.GetProperty("scopes").EnumerateArray().Select(s => s.GetString())));
            Assert.Equal(second, looks[0].GetProperty("at").GetDateTimeOffset());
        }

        // The second look knows the first.
        var again = await cleo.GetJsonAsync($"/api/v1/counsellor/pairs/{grant}");
        Assert.Equal(second, again.GetProperty("changes").GetProperty("lastVisitAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Taking_the_role_away_ends_every_pairs_access()
    {
        var (ana, ben, space, cleo) = await PairAsync();
        var grant = await CounsellorSteps.BothConsentAsync(ana, ben, space, cleo);
        var normalized = cleo.Email.ToUpperInvariant();
        await factory.WithDbAsync(db => db.UserRoles.Where(r => db.Users.Any(u => u.Id == r.UserId && u.NormalizedEmail == normalized)).ExecuteDeleteAsync());
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await cleo.SheetAsync(grant));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await cleo.Http.GetAsync(new Uri("/api/v1/counsellor/pairs", UriKind.Relative)));
    }
}

public sealed class CounsellorConsentOnSqlite(SqliteHearthFactory factory) : CounsellorConsentTests<SqliteHearthFactory>(factory);

public sealed class CounsellorConsentOnPostgres(PostgresHearthFactory factory) : CounsellorConsentTests<PostgresHearthFactory>(factory);

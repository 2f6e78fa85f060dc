using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Tests.Assessments;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Counsellors;

/// <summary>
/// Shared insights as a scope (ADR 50 §2): with both allowing "insights", the counsellor reads the
/// very insights both members see (audience "both"), never one member's own; with one of them not
/// allowing it, none.
/// </summary>
public abstract class CounsellorInsightTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    private static async Task<(HashSet<string> Both, HashSet<string> Own)> InsightsOfAsync(Person member, Guid space)
    {
        var insights = (await member.GetJsonAsync($"/api/v1/spaces/{space}/insights")).GetProperty("insights").EnumerateArray().ToList();
        return (
            insights.Where(i => i.GetProperty("audience").GetString() == "both").Select(i => i.GetProperty("message").GetString()!).ToHashSet(StringComparer.Ordinal),
            insights.Where(i => i.GetProperty("audience").GetString() != "both").Select(i => i.GetProperty("message").GetString()!).ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_counsellor_reads_the_insights_both_see_and_none_only_one_sees()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var space = await ana.PairWithAsync(ben);
        var cleo = await CounsellorSteps.CounsellorAsync(factory);
        await ana.TakeAsync(space, AssessmentDriver.Uniform(5), share: ["emotional", "intellectual"]);
        await ben.TakeAsync(space, AssessmentDriver.Uniform(2), share: ["emotional", "intellectual"]);
        for (var week = 0; week < 4; week++)
        {
            await Expect.StatusAsync(HttpStatusCode.Created, await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/check-in", new { satisfaction = 8 - week, closeness = 7 - week }));
            await Expect.StatusAsync(HttpStatusCode.Created, await ben.Http.PostAsJsonAsync($"/api/v1/spaces/{space}/check-in", new { satisfaction = 7 - week, closeness = 5 - week }));
            factory.Clock.Advance(TimeSpan.FromDays(7));
            foreach (var person in new[] { ana, ben, cleo })
            {
                await person.SignInAsync();
            }
        }

        var grant = await CounsellorSteps.BothConsentAsync(ana, ben, space, cleo, firstScopes: ["insights"], secondScopes: ["insights", "map"]);
        var (anaBoth, anaOwn) = await InsightsOfAsync(ana, space);
        var (_, benOwn) = await InsightsOfAsync(ben, space);
        Assert.NotEmpty(anaBoth);
        Assert.NotEmpty(anaOwn.Union(benOwn));

        var sheet = await cleo.GetJsonAsync($"/api/v1/counsellor/pairs/{grant}");
        Assert.Equal(["insights"], sheet.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(JsonValueKind.Null, sheet.GetProperty("rounds").ValueKind);
        var seen = sheet.GetProperty("insights").EnumerateArray().Select(i => i.GetProperty("message").GetString()!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(anaBoth.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Empty(seen.Intersect(anaOwn.Union(benOwn).Except(anaBoth)));

        // The page shows the same words.
        var page = await cleo.Http.GetStringAsync(new Uri($"/counsellor/{grant}", UriKind.Relative));
        Assert.Contains("What Hearth points out to them both", page, StringComparison.Ordinal);
        Assert.All(seen, message => Assert.Contains(System.Net.WebUtility.HtmlEncode(message).Replace("&#39;", "&#x27;", StringComparison.Ordinal), page, StringComparison.Ordinal));

        // A pair where one of them does not allow insights: none.
        var cy = await Person.RegisterAsync(factory, "Cy");
        var dee = await Person.RegisterAsync(factory, "Dee");
        var other = await cy.PairWithAsync(dee);
        var otherGrant = await CounsellorSteps.BothConsentAsync(cy, dee, other, cleo, firstScopes: ["insights", "trends"], secondScopes: ["trends"]);
        Assert.Equal(JsonValueKind.Null, (await cleo.GetJsonAsync($"/api/v1/counsellor/pairs/{otherGrant}")).GetProperty("insights").ValueKind);
    }
}

public sealed class CounsellorInsightsOnSqlite(SqliteHearthFactory factory) : CounsellorInsightTests<SqliteHearthFactory>(factory);

public sealed class CounsellorInsightsOnPostgres(PostgresHearthFactory factory) : CounsellorInsightTests<PostgresHearthFactory>(factory);

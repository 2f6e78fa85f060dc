using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Web.Features.Insights;
using Hearth.Web.Tests.Assessments;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Tests.Insights;

/// <summary>"This doesn't fit us": hidden for the one who marks it, the other never told, the operator sees counts by kind only.</summary>
public abstract class NotFittingTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    private static string Insights(Guid spaceId) => $"/api/v1/spaces/{spaceId}/insights";

    private static string Fit(Guid spaceId, string key = "") => $"/api/v1/spaces/{spaceId}/insights/not-fitting{(key.Length > 0 ? "/" + key : "")}";

    private async Task<(Person Ana, Person Ben, Guid SpaceId)> ArrangeAsync()
    {
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);

        // Both feel close in every way and share it: shared strengths, seen by both.
        await ana.TakeAsync(spaceId, AssessmentDriver.Uniform(7));
        await ben.TakeAsync(spaceId, AssessmentDriver.Uniform(7));
        return (ana, ben, spaceId);
    }

    private static List<string> Keys(JsonElement insights) =>
        insights.GetProperty("insights").EnumerateArray().Select(i => i.GetProperty("key").GetString()!).ToList();

    private Task<Dictionary<string, int>> CountsAsync() => factory.WithDbAsync(async db => (await InsightService.CountsAsync(db)).ToDictionary());

    [Fact]
    public async Task A_shared_insight_marked_by_one_is_hidden_for_them_only_and_the_partners_pages_and_api_do_not_change_by_a_byte()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await ArrangeAsync();
        const string key = "strength.both.emotional.none";
        Assert.Contains(key, Keys(await ana.GetJsonAsync(Insights(spaceId))));
        var countsBefore = await CountsAsync();

        var benApi = await ben.Http.GetStringAsync(new Uri(Insights(spaceId), UriKind.Relative));
        var benFit = await ben.Http.GetStringAsync(new Uri(Fit(spaceId), UriKind.Relative));
        var benPage = PageText.WithoutAntiforgery(await ben.Http.GetStringAsync(new Uri($"/spaces/{spaceId}/trends", UriKind.Relative)));
        var benMap = await ben.Http.GetStringAsync(new Uri($"/api/v1/spaces/{spaceId}/assessment/map", UriKind.Relative));

        var marked = await ana.Http.PutAsync(new Uri(Fit(spaceId, key), UriKind.Relative), null);
        await Expect.StatusAsync(HttpStatusCode.OK, marked);
        var setAside = (await marked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("insights").EnumerateArray().Single();
        Assert.Equal(key, setAside.GetProperty("key").GetString());
        Assert.Equal("strength", setAside.GetProperty("kind").GetString());
        Assert.DoesNotContain(key, Keys(await ana.GetJsonAsync(Insights(spaceId))));
        var anaPage = System.Net.WebUtility.HtmlDecode(await ana.Http.GetStringAsync(new Uri($"/spaces/{spaceId}/trends", UriKind.Relative)));
        Assert.Contains("Insights you set aside", anaPage, StringComparison.Ordinal);

        Assert.Equal(benApi, await ben.Http.GetStringAsync(new Uri(Insights(spaceId), UriKind.Relative)));
        Assert.Equal(benFit, await ben.Http.GetStringAsync(new Uri(Fit(spaceId), UriKind.Relative)));
        Assert.Equal(benPage, PageText.WithoutAntiforgery(await ben.Http.GetStringAsync(new Uri($"/spaces/{spaceId}/trends", UriKind.Relative))));
        Assert.Equal(benMap, await ben.Http.GetStringAsync(new Uri($"/api/v1/spaces/{spaceId}/assessment/map", UriKind.Relative)));

        // The operator's view: one more "strength", and nothing that names a space or a person.
        var counts = await CountsAsync();
        Assert.Equal(countsBefore.GetValueOrDefault("strength") + 1, counts["strength"]);
        var columns = factory.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(InsightFitCount))!.GetProperties().Select(p => p.Name).Order().ToList()));
        Assert.Equal(["Kind", "NotFitting"], await columns);

        // Marking again changes nothing; undo brings it back and the count down.
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsync(new Uri(Fit(spaceId, key), UriKind.Relative), null));
        Assert.Equal(countsBefore.GetValueOrDefault("strength") + 1, (await CountsAsync())["strength"]);
        var undone = await ana.Http.DeleteAsync(new Uri(Fit(spaceId, key), UriKind.Relative));
        await Expect.StatusAsync(HttpStatusCode.OK, undone);
        Assert.Empty((await undone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("insights").EnumerateArray());
        Assert.Contains(key, Keys(await ana.GetJsonAsync(Insights(spaceId))));
        Assert.Equal(countsBefore.GetValueOrDefault("strength"), (await CountsAsync())["strength"]);
        Assert.Equal(benApi, await ben.Http.GetStringAsync(new Uri(Insights(spaceId), UriKind.Relative)));
    }

    [Fact]
    public async Task Each_decides_for_themselves_on_a_shared_insight()
    {
        factory.RequireAvailable();
        var (ana, ben, spaceId) = await ArrangeAsync();
        await Expect.StatusAsync(HttpStatusCode.OK, await ana.Http.PutAsync(new Uri(Fit(spaceId, "strength.both.emotional.none"), UriKind.Relative), null));
        await Expect.StatusAsync(HttpStatusCode.OK, await ben.Http.PutAsync(new Uri(Fit(spaceId, "strength.both.physical.none"), UriKind.Relative), null));
        var hers = Keys(await ana.GetJsonAsync(Insights(spaceId)));
        var his = Keys(await ben.GetJsonAsync(Insights(spaceId)));
        Assert.DoesNotContain("strength.both.emotional.none", hers);
        Assert.Contains("strength.both.physical.none", hers);
        Assert.Contains("strength.both.emotional.none", his);
        Assert.DoesNotContain("strength.both.physical.none", his);
    }

    [Fact]
    public async Task An_insight_you_do_not_see_cannot_be_marked_and_nothing_is_written()
    {
        factory.RequireAvailable();
        var (ana, _, spaceId) = await ArrangeAsync();
        var countsBefore = await CountsAsync();
        foreach (var key in new[] { "fading.both.none.satisfaction", "strength.you.emotional.none", "nonsense" })
        {
            var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ana.Http.PutAsync(new Uri(Fit(spaceId, key), UriKind.Relative), null));
            Assert.Contains("no insight like this", Assert.Single(problem.FieldErrors("insight")), StringComparison.Ordinal);
        }

        Assert.Equal(countsBefore, await CountsAsync());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<InsightNotFitting>().IgnoreFiltersForTests().CountAsync(x => x.SpaceId == spaceId)));
    }

    [Fact]
    public async Task The_trends_page_marks_and_brings_back_with_a_form()
    {
        factory.RequireAvailable();
        var (ana, _, spaceId) = await ArrangeAsync();
        var page = $"/spaces/{spaceId}/trends";
        var before = Keys(await ana.GetJsonAsync(Insights(spaceId)));
        var posted = await ana.Http.SubmitAsync(page, new Dictionary<string, string>(), handler: "NotFitting");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = Keys(await ana.GetJsonAsync(Insights(spaceId)));
        Assert.Equal(before.Skip(1), after);
        var back = await ana.Http.SubmitAsync(page, new Dictionary<string, string>(), handler: "BringBack");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(before, Keys(await ana.GetJsonAsync(Insights(spaceId))));

        var bad = await ana.Http.SubmitAsync(page, new Dictionary<string, string> { ["InsightKey"] = "nonsense" }, handler: "NotFitting");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("no insight like this", System.Net.WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}

public sealed class NotFittingOnSqlite(SqliteHearthFactory factory) : NotFittingTests<SqliteHearthFactory>(factory);

public sealed class NotFittingOnPostgres(PostgresHearthFactory factory) : NotFittingTests<PostgresHearthFactory>(factory);

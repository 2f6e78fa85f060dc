using System.Net;
using Hearth.Web.Tests.Assessments;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Operations;

/// <summary>
/// `hearth insights`: the operator's only view of "this doesn't fit us" (issue 17, item 12): how often
/// each kind of insight was set aside, and nothing that names a person, a space or what was said.
/// </summary>
[Slow("runs a verb against a whole installation")]
public sealed class InsightFitVerbTests
{
    [Fact]
    public async Task The_operator_sees_counts_per_kind_and_nothing_that_names_anyone()
    {
        await using var factory = new SqliteHearthFactory();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        await ana.TakeAsync(spaceId, AssessmentDriver.Uniform(7));
        await ben.TakeAsync(spaceId, AssessmentDriver.Uniform(7));

        var before = await Verbs.OnFolderAsync(factory.DataDirectory, "insights");
        Assert.Equal(0, before.Code);
        Assert.Contains("No insight has been set aside yet.", before.Out, StringComparison.Ordinal);

        foreach (var (who, key) in new[] { (ana, "strength.both.emotional.none"), (ben, "strength.both.emotional.none"), (ana, "strength.both.physical.none") })
        {
            var marked = await who.Http.PutAsync(new Uri($"/api/v1/spaces/{spaceId}/insights/not-fitting/{key}", UriKind.Relative), null);
            await Expect.StatusAsync(HttpStatusCode.OK, marked);
        }

        var after = await Verbs.OnFolderAsync(factory.DataDirectory, "insights");
        Assert.Equal(0, after.Code);
        Assert.Contains("KIND\tSET ASIDE", after.Out, StringComparison.Ordinal);
        Assert.Contains("strength\t3", after.Out, StringComparison.Ordinal);
        foreach (var canary in new[] { ana.Email, ben.Email, "Ana", "Ben", spaceId.ToString(), spaceId.ToString("N"), "emotional", "physical" })
        {
            Assert.DoesNotContain(canary, after.Said, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Without_a_database_it_says_where_it_looked_and_exits_non_zero()
    {
        var folder = Verbs.NewFolder();
        var ran = await Verbs.OnFolderAsync(folder, "insights");
        Assert.Equal(2, ran.Code);
        Assert.Contains("there is no Hearth database at", ran.Err, StringComparison.Ordinal);
        Assert.Empty(Verbs.FilesUnder(folder));
    }
}

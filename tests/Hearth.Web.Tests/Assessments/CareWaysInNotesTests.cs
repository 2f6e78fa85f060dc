using Hearth.Core.Assessments;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Assessments;

/// <summary>Notes suggest the ways of care the other person said mean a lot to them, only when they chose to share and both finished.</summary>
public sealed class CareWaysInNotesTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    private static Func<AssessmentItem, int> LovesWordsAndTime => item => item.CareWay switch
    {
        CareWay.Words or CareWay.Time => 5,
        CareWay.Gifts => 1,
        { } => 3,
        null => AssessmentDriver.Uniform(4)(item),
    };

    private static async Task<string[]> ValuedAsync(Person person, Guid spaceId) =>
        (await person.GetJsonAsync($"/api/v1/spaces/{spaceId}/notes")).GetProperty("careWays").EnumerateArray()
            .Where(w => w.GetProperty("meansALotToThem").GetBoolean())
            .Select(w => w.GetProperty("id").GetString()!)
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public async Task Notes_lean_toward_what_the_other_person_shared_once_both_finished()
    {
        var ana = await Person.RegisterAsync(factory);
        var ben = await Person.RegisterAsync(factory);
        var spaceId = await ana.PairWithAsync(ben);

        await ben.TakeAsync(spaceId, LovesWordsAndTime);
        Assert.Empty(await ValuedAsync(ana, spaceId)); // Ana hasn't finished the round yet: nothing revealed.

        await ana.TakeAsync(spaceId, AssessmentDriver.Uniform(4));
        Assert.Equal(["time", "words"], await ValuedAsync(ana, spaceId));
        var page = await ana.Http.GetPageAsync($"/spaces/{spaceId}/notes");
        Assert.Contains("mean a lot to them", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_is_suggested_when_the_other_person_kept_it_private()
    {
        var ana = await Person.RegisterAsync(factory);
        var ben = await Person.RegisterAsync(factory);
        var spaceId = await ana.PairWithAsync(ben);
        await ben.TakeAsync(spaceId, LovesWordsAndTime, shareCareWays: false);
        await ana.TakeAsync(spaceId, AssessmentDriver.Uniform(4));
        Assert.Empty(await ValuedAsync(ana, spaceId));
    }
}

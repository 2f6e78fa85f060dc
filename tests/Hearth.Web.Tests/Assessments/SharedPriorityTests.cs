using System.Net;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Assessments;

/// <summary>The daily question leans toward what the pair's shared map shows, and nothing private.</summary>
public sealed class SharedPriorityTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    private async Task<int> DaysExplainedByPriorityAsync(Person ana, Person ben, Guid spaceId, int days)
    {
        var count = 0;
        for (var day = 0; day < days; day++)
        {
            factory.Clock.Advance(TimeSpan.FromDays(1));
            await ana.SignInAsync();
            await ben.SignInAsync();
            var today = await ana.GetJsonAsync($"/api/v1/spaces/{spaceId}/prompt/today");
            if (today.GetRawText().Contains("priorities", StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    [Fact]
    public async Task A_pair_who_share_a_low_map_get_questions_leaning_that_way()
    {
        var ana = await Person.RegisterAsync(factory);
        var ben = await Person.RegisterAsync(factory);
        var spaceId = await ana.PairWithAsync(ben);
        await ana.TakeAsync(spaceId, AssessmentDriver.Uniform(1, importance: 7));
        await ben.TakeAsync(spaceId, AssessmentDriver.Uniform(2, importance: 7));
        Assert.True(await DaysExplainedByPriorityAsync(ana, ben, spaceId, 12) >= 3);
    }

    [Fact]
    public async Task Private_results_never_steer_the_shared_question()
    {
        // Both feel far apart, but neither shares any dimension: their results stay private, so
        // the question must not lean toward them.
        var ana = await Person.RegisterAsync(factory);
        var ben = await Person.RegisterAsync(factory);
        var spaceId = await ana.PairWithAsync(ben);
        await ana.TakeAsync(spaceId, AssessmentDriver.Uniform(1, importance: 7), share: []);
        await ben.TakeAsync(spaceId, AssessmentDriver.Uniform(1, importance: 7), share: []);
        Assert.Equal(0, await DaysExplainedByPriorityAsync(ana, ben, spaceId, 12));
    }
}

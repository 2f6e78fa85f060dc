using System.Net;
using Hearth.Core.Assessments;
using Hearth.Core.Dimensions;
using Hearth.Web.Tests.Assessments;
using Hearth.Web.Tests.CheckIns;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Insights;

/// <summary>
/// Issue 17, rule 8: numbers that don't hide a gap. Ana feels emotional closeness at 2.7 of 7 and
/// Ben at 5.7; their closeness of minds is 61 and 44 of 100; physical closeness is the same for both.
/// The trends page shows both views (never the 4.2 neither feels) and the shared map says "similar"
/// only where it is, names the gap, and says the in-between honestly, each with its threshold in
/// "why you're seeing this". Read as a person reads the pages (entities decoded).
/// </summary>
public abstract class BothViewsPagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    [Fact]
    public async Task The_trends_page_and_the_shared_map_show_both_views_and_name_the_gap()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        await ana.TakeAsync(spaceId, Experience(emotional: [3, 3, 2], intellectual: [5, 5, 4]));
        await ben.TakeAsync(spaceId, Experience(emotional: [6, 6, 5], intellectual: [4, 4, 3]));
        await ana.CheckInOkAsync(spaceId, new { satisfaction = 2, closeness = 4, feltHeard = 5, phoneFreeMinutes = 200, appreciation = 3, noTension = true });
        await ben.CheckInOkAsync(spaceId, new { satisfaction = 8, closeness = 4, feltHeard = 5, phoneFreeMinutes = 200, appreciation = 3, noTension = true });

        var map = await ana.Http.GetPageAsync($"/spaces/{spaceId}/assessment/map");
        var mapText = WebUtility.HtmlDecode(map.QuerySelector("main")!.TextContent);
        Assert.Contains("You experience emotional closeness differently.", mapText, StringComparison.Ordinal);
        Assert.Contains("You see physical closeness in a similar way.", mapText, StringComparison.Ordinal);
        Assert.DoesNotContain("You see closeness of minds in a similar way.", mapText, StringComparison.Ordinal);
        Assert.Contains("You may experience closeness of minds a little differently.", mapText, StringComparison.Ordinal);
        Assert.Contains("Your answers average 3.7 and 4.7 of 7, a difference of 1.", mapText, StringComparison.Ordinal);
        Assert.Contains("up to 0.8 points apart", mapText, StringComparison.Ordinal);
        Assert.Contains("more than 1.5 points apart", mapText, StringComparison.Ordinal);

        var trends = await ana.Http.GetPageAsync($"/spaces/{spaceId}/trends");
        var trendsText = WebUtility.HtmlDecode(trends.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("4.2", trendsText, StringComparison.Ordinal); // nobody feels the average
        Assert.Contains("You and Ben see emotional closeness differently: 2.7 and 5.7 of 7.", trendsText, StringComparison.Ordinal);
        Assert.Contains("You and Ben see physical closeness in a similar way: 4.7 and 4.7 of 7.", trendsText, StringComparison.Ordinal);
        Assert.Contains("You and Ben answered how happy you've been together differently: 2 and 8 of 10.", trendsText, StringComparison.Ordinal);
        Assert.Contains("You and Ben answered feeling listened to in a similar way: 5 and 5 of 7.", trendsText, StringComparison.Ordinal);
        Assert.Contains("more than 2.5 points apart", trendsText, StringComparison.Ordinal);
        Assert.DoesNotContain("The average of you both", trendsText, StringComparison.Ordinal);
        var together = trends.QuerySelector("#together-heading")!.ParentElement!;
        var headers = together.QuerySelectorAll("table thead th").Select(th => WebUtility.HtmlDecode(th.TextContent).Trim()).ToList();
        Assert.Contains("You", headers);
        Assert.Contains("Ben", headers);
    }

    /// <summary>Experience items by dimension (the three answers, before reverse keying); physical at 5, 5, 4 and the rest at 4 for both.</summary>
    private static Func<AssessmentItem, int> Experience(int[] emotional, int[] intellectual) => item =>
    {
        if (item.Section != AssessmentSection.Experience)
        {
            return item.Section == AssessmentSection.Importance ? 6 : (item.Scale.Min + item.Scale.Max) / 2;
        }

        var index = int.Parse(item.Id[^1..], System.Globalization.CultureInfo.InvariantCulture) - 1;
        var value = item.Dimension switch
        {
            Dimension.Emotional => emotional[index],
            Dimension.Intellectual => intellectual[index],
            Dimension.Physical => new[] { 5, 5, 4 }[index],
            _ => 4,
        };
        return item.IsReverseKeyed ? 8 - value : value;
    };
}

public sealed class BothViewsPagesOnSqlite(SqliteHearthFactory factory) : BothViewsPagesTests<SqliteHearthFactory>(factory);

public sealed class BothViewsPagesOnPostgres(PostgresHearthFactory factory) : BothViewsPagesTests<PostgresHearthFactory>(factory);

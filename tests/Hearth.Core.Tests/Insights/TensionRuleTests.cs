using Hearth.Core.CheckIns;
using Hearth.Core.Insights;
using Hearth.Core.Practices;
using static Hearth.Core.Tests.Insights.InsightTestData;

namespace Hearth.Core.Tests.Insights;

/// <summary>Issue 17, rule 4: when feeling heard and repair fall with satisfaction, it is not "life got busy".</summary>
public sealed class TensionRuleTests
{
    private static readonly InsightTexts Words = InsightTexts.Default;

    /// <summary>Six good weeks, then three in which happiness, feeling heard and finding the way back all fall, and little time together.</summary>
    private static List<CheckInRecord> Member(bool tension) =>
        Enumerable.Range(0, 9).Select(i => i < 6
            ? Record(i, 8, heard: 6, repair: 6, minutes: 150)
            : Record(i, 8 - (2 * (i - 5)), heard: tension ? 6 - (i - 5) : 6, repair: tension ? 6 - (i - 5) : 6, minutes: 40)).ToList();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Falling_heard_and_repair_are_named_not_explained_away_as_a_busy_week(bool tension)
    {
        var insights = InsightEngine.Run(Input(Member(tension), Member(tension), now: 8));

        var fading = insights.Single(i => i.Kind == InsightKind.Fading);
        var time = insights.Single(i => i.Kind == InsightKind.QualityTimeShortfall);
        if (tension)
        {
            Assert.DoesNotContain(insights, i => i.Message.StartsWith("Life got busy", StringComparison.Ordinal));
            Assert.Equal(Words.Say("fading.tension.shared/message"), fading.Message);
            Assert.Contains(CheckInMeasure.FeltHeard, fading.Measures);
            Assert.Contains(CheckInMeasure.Repair, fading.Measures);
            Assert.Equal(PracticeIds.IStatementTalk, fading.PracticeIds[0]);
            Assert.Equal(Words.Say("qualityTime.alongsideTension/message", "40"), time.Message);
            Assert.True(insights.ToList().IndexOf(fading) < insights.ToList().IndexOf(time));
        }
        else
        {
            Assert.Equal(Words.Say("fading.shared/message"), fading.Message);
            Assert.StartsWith("Life got busy", time.Message, StringComparison.Ordinal);
        }
    }
}

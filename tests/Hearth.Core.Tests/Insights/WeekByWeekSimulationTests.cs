using Hearth.Core.CheckIns;
using Hearth.Core.Insights;
using static Hearth.Core.Tests.Insights.InsightTestData;

namespace Hearth.Core.Tests.Insights;

/// <summary>
/// Pair histories replayed week by week (issue 17, rules 2 and 5): each week both members' check-ins
/// are generated, the engine runs on everything up to that week, and the test records what the pair
/// would see. Records are built from the stored document (<see cref="CheckInDocument"/>), the way the
/// app reads them back.
/// </summary>
public sealed class WeekByWeekSimulationTests
{
    /// <summary>One week's answers as the stored document holds them ("W" is the weekly warning-signs item).</summary>
    private static CheckInRecord Week(int index, int satisfaction, int closeness, int heard, int minutes, int? warningSigns = null)
    {
        var w = warningSigns is { } v ? $",\"W\":{v}" : string.Empty;
        return CheckInDocument.Read($"{{\"S\":{satisfaction},\"C\":{closeness},\"H\":{heard},\"M\":{minutes},\"A\":3,\"N\":true{w}}}", InsightTestData.Week(index), "weekly.v1")!;
    }

    /// <summary>Runs the engine after each week; the answer is the insights of every week, by week index.</summary>
    private static List<IReadOnlyList<Insight>> Replay(int weeks, Func<int, CheckInRecord?> a, Func<int, CheckInRecord?> b)
    {
        var mineA = new List<CheckInRecord>();
        var mineB = new List<CheckInRecord>();
        var seen = new List<IReadOnlyList<Insight>>();
        for (var week = 0; week < weeks; week++)
        {
            if (a(week) is { } ra)
            {
                mineA.Add(ra);
            }

            if (b(week) is { } rb)
            {
                mineB.Add(rb);
            }

            seen.Add(InsightEngine.Run(Input(a: [.. mineA], b: [.. mineB], now: week)));
        }

        return seen;
    }

    private static bool IsEverydayStrength(Insight i) =>
        i.Evidence.Any(e => e.Source.StartsWith("checkin.", StringComparison.Ordinal)) && i.Message.Contains("keep doing this", StringComparison.Ordinal);

    [Fact]
    public void Ten_excellent_weeks_name_what_is_working_for_both()
    {
        var seen = Replay(10, w => Week(w, 9, 6, 6, 200), w => Week(w, 8, 6, 7, 180));

        var last = seen[^1];
        var strengths = last.Where(IsEverydayStrength).ToList();
        Assert.True(strengths.Count > 0, "After ten excellent weeks the pair saw: " + string.Join(" / ", last.Select(i => i.Kind + ": " + i.Message)));
        Assert.All(strengths, s => Assert.True(s.Audience.IsShared));
        Assert.Contains(strengths, s => s.Measures.Contains(CheckInMeasure.Closeness));
        Assert.Contains(strengths, s => s.Measures.Contains(CheckInMeasure.FeltHeard));
        Assert.Contains(strengths, s => s.Measures.Contains(CheckInMeasure.PhoneFreeMinutes));
        Assert.DoesNotContain(last, i => i.Kind == InsightKind.Fading);

        // Named as soon as four weeks both checked in say so, and not before.
        var firstWeek = seen.FindIndex(s => s.Any(IsEverydayStrength));
        Assert.Equal(StrengthsRule.RoundsAtLeast - 1, firstWeek);
    }

    [Fact]
    public void Good_weeks_only_one_member_checked_in_stay_private_to_them()
    {
        var seen = Replay(10, w => Week(w, 9, 6, 6, 200), w => w % 3 == 0 ? Week(w, 8, 6, 7, 180) : null);

        var strengths = seen[^1].Where(IsEverydayStrength).ToList();
        Assert.NotEmpty(strengths);
        Assert.All(strengths, s => Assert.Equal(InsightAudience.OnlyMember(A), s.Audience));
    }

    [Fact]
    public void Warning_signs_creeping_up_over_six_weeks_are_seen_within_weeks()
    {
        // Four calm weeks ("never"), then sharp moments creep up: 2, 2, 3, 3, 4, 4 ("often").
        int[] warning = [1, 1, 1, 1, 2, 2, 3, 3, 4, 4];
        var seen = Replay(warning.Length, w => Week(w, 7, 5, 5, 150, warning[w]), w => Week(w, 7, 5, 5, 150, 1));

        var firstWeek = seen.FindIndex(s => s.Any(i => i.Evidence.Any(e => e.Source == "checkin.warningSigns")));
        Assert.True(firstWeek >= 0, "Warning signs rising over six weeks were never seen: " + string.Join(" / ", seen[^1].Select(i => i.Kind + ": " + i.Message)));
        Assert.Equal(6, firstWeek);
        var rising = seen[firstWeek].Where(i => i.Evidence.Any(e => e.Source == "checkin.warningSigns")).ToList();
        Assert.All(rising, i => Assert.Contains(i.Evidence, e => e.MemberId == A));
        Assert.DoesNotContain(seen[3], i => i.Evidence.Any(e => e.Source == "checkin.warningSigns"));
    }

    [Fact]
    public void Calm_weeks_and_skipped_warning_items_say_nothing_about_warning_signs()
    {
        var seen = Replay(10, w => Week(w, 7, 5, 5, 150, w % 2 == 0 ? 1 : null), w => Week(w, 7, 5, 5, 150));

        Assert.All(seen, s => Assert.DoesNotContain(s, i => i.Evidence.Any(e => e.Source == "checkin.warningSigns")));
    }

    [Fact]
    public void Unrevealed_warning_signs_never_reach_a_shared_insight()
    {
        int[] warning = [1, 1, 1, 1, 2, 2, 3, 3, 4, 4];

        // Only A checks in from week 4 on: nothing of A's later weeks is revealed to B.
        var seen = Replay(warning.Length, w => Week(w, 7, 5, 5, 150, warning[w]), w => w < 4 ? Week(w, 7, 5, 5, 150, 1) : null);

        var about = seen[^1].Where(i => i.Evidence.Any(e => e.Source == "checkin.warningSigns")).ToList();
        Assert.NotEmpty(about);
        Assert.All(about, i => Assert.Equal(InsightAudience.OnlyMember(A), i.Audience));
    }
}

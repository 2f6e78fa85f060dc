using Hearth.Core.Assessments;
using Hearth.Core.Dimensions;
using NodaTime;

namespace Hearth.Core.CheckIns;

/// <summary>One week of a series. A null value means the slot exists but nobody answered it.</summary>
public sealed record WeeklyValue(LocalDate Week, double? Value);

/// <summary>An assessment result and the pair week it was taken in.</summary>
public sealed record DatedAssessment(LocalDate Week, AssessmentResult Result);

/// <summary>
/// Three-week rolling means. Weeks are slots seven days apart on the pair's calendar (keys from
/// <c>PairWeek</c>). Missing weeks are simply empty slots.
/// </summary>
public static class RollingMean
{
    /// <summary>How many week slots a rolling mean covers.</summary>
    public const int WindowWeeks = 3;

    /// <summary>
    /// For every slot from the first week of the series to <paramref name="through"/> (or the
    /// last week when not given): the mean of the values that exist in that slot and the two
    /// before it, or null when none of the three has a value. So one answer in three weeks
    /// still gives a mean (of one), and three silent weeks give null rather than a guess.
    /// </summary>
    /// <exception cref="ArgumentException">Two entries share a week, or weeks are not whole weeks apart.</exception>
    public static IReadOnlyList<WeeklyValue> ThreeWeek(IEnumerable<WeeklyValue> series, LocalDate? through = null) =>
        OverSlots(Slots(series, through));

    /// <summary>The same rolling mean over slots already laid out by <see cref="Slots"/> (callers that need both lay them out once).</summary>
    public static IReadOnlyList<WeeklyValue> OverSlots(IReadOnlyList<WeeklyValue> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        var result = new List<WeeklyValue>(slots.Count);
        for (var i = 0; i < slots.Count; i++)
        {
            // A plain loop: this runs for every slot of every chart on the trends page.
            var sum = 0.0;
            var count = 0;
            for (var j = Math.Max(0, i - WindowWeeks + 1); j <= i; j++)
            {
                if (slots[j].Value is { } value)
                {
                    sum += value;
                    count++;
                }
            }

            result.Add(new WeeklyValue(slots[i].Week, count > 0 ? sum / count : null));
        }

        return result;
    }

    /// <summary>
    /// The series laid out as consecutive weekly slots (gaps filled with null), from its first
    /// week to <paramref name="through"/> or its last week. Entries after <paramref name="through"/> are ignored.
    /// </summary>
    public static IReadOnlyList<WeeklyValue> Slots(IEnumerable<WeeklyValue> series, LocalDate? through = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var byWeek = new SortedDictionary<LocalDate, double?>();
        foreach (var entry in series)
        {
            if (!byWeek.TryAdd(entry.Week, entry.Value))
            {
                throw new ArgumentException($"The week {entry.Week:uuuu-MM-dd} appears twice in the series.", nameof(series));
            }
        }

        if (byWeek.Count == 0)
        {
            return [];
        }

        var first = byWeek.Keys.First();
        var last = through ?? byWeek.Keys.Last();
        foreach (var week in byWeek.Keys.Append(last))
        {
            if (Period.Between(first, week, PeriodUnits.Days).Days % 7 != 0)
            {
                throw new ArgumentException("Weeks of a series must be whole weeks apart (keys of the pair's calendar).", nameof(series));
            }
        }

        var slots = new List<WeeklyValue>();
        for (var week = first; week <= last; week = week.PlusWeeks(1))
        {
            slots.Add(new WeeklyValue(week, byWeek.TryGetValue(week, out var value) ? value : null));
        }

        return slots;
    }
}

/// <summary>Weekly series of one member and of the pair.</summary>
public static class Trends
{
    /// <summary>A member's answers to one measure, one entry per week they checked in.</summary>
    public static IReadOnlyList<WeeklyValue> ForMember(IEnumerable<CheckInRecord> records, CheckInMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.OrderBy(r => r.Week).Select(r => new WeeklyValue(r.Week, r.Value(measure))).ToList();
    }

    /// <summary>
    /// The pair's series: the mean of the two members' answers, only for weeks where BOTH
    /// answered this measure. A week one of them skipped is left out rather than letting one
    /// person stand for two (and rather than showing one person's answer through the average).
    /// </summary>
    public static IReadOnlyList<WeeklyValue> ForPair(IEnumerable<CheckInRecord> first, IEnumerable<CheckInRecord> second, CheckInMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return Pair(ForMember(first, measure), ForMember(second, measure));
    }

    /// <summary>A member's experience of one dimension (1-7 mean) at each assessment they took.</summary>
    public static IReadOnlyList<WeeklyValue> ForDimension(IEnumerable<DatedAssessment> results, Dimension dimension)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.OrderBy(r => r.Week).Select(r => new WeeklyValue(r.Week, r.Result.For(dimension).Experience.Mean)).ToList();
    }

    /// <summary>The pair's dimension series, with the same both-answered rule as <see cref="ForPair"/>.</summary>
    public static IReadOnlyList<WeeklyValue> ForPairDimension(IEnumerable<DatedAssessment> first, IEnumerable<DatedAssessment> second, Dimension dimension) =>
        Pair(ForDimension(first, dimension), ForDimension(second, dimension));

    private static List<WeeklyValue> Pair(IReadOnlyList<WeeklyValue> a, IReadOnlyList<WeeklyValue> b)
    {
        var other = b.Where(v => v.Value is not null).GroupBy(v => v.Week).ToDictionary(g => g.Key, g => g.First().Value!.Value);
        return a.Where(v => v.Value is not null && other.ContainsKey(v.Week))
            .GroupBy(v => v.Week)
            .Select(g => new WeeklyValue(g.Key, (g.First().Value!.Value + other[g.Key]) / 2))
            .ToList();
    }
}

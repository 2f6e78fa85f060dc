using Hearth.Core.CheckIns;
using NodaTime;

namespace Hearth.Core.Tests.CheckIns;

/// <summary>Builds weekly series for tables: one entry per week from <see cref="Start"/>; NaN means no entry.</summary>
internal static class Series
{
    public static readonly LocalDate Start = new(2025, 1, 5); // a Sunday

    public static LocalDate Week(int index) => Start.PlusWeeks(index);

    public static List<WeeklyValue> Of(params double[] values) =>
        values.Select((v, i) => (v, i)).Where(p => !double.IsNaN(p.v)).Select(p => new WeeklyValue(Week(p.i), p.v)).ToList();

    public static string Show(IEnumerable<WeeklyValue> values) =>
        string.Join(" ", values.Select(v => v.Value is { } x ? Math.Round(x, 2).ToString(System.Globalization.CultureInfo.InvariantCulture) : "-"));
}

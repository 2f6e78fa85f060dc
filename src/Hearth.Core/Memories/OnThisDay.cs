using System.Globalization;
using NodaTime;

namespace Hearth.Core.Memories;

/// <summary>
/// Brings back memories from the same day in earlier years. A memory from 29 February comes back on
/// 28 February in years without a 29th (and on the 29th itself in leap years), so it is never skipped.
/// </summary>
public static class OnThisDay
{
    /// <summary>Memories from this month and day in earlier years, most recent year first.</summary>
    public static IReadOnlyList<SharedMemory> Find(IEnumerable<SharedMemory> memories, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(memories);
        return memories
            .Where(m => m.Date.Year < today.Year && AnniversaryIn(m.Date, today.Year) == today)
            .OrderByDescending(m => m.Date)
            .ThenBy(m => m.Title, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The day a date comes round in a given year: the same month and day, or 28 February for a
    /// 29 February date in a year without one.
    /// </summary>
    public static LocalDate AnniversaryIn(LocalDate date, int year) =>
        date.Month == 2 && date.Day == 29 && !CalendarSystem.Iso.IsLeapYear(year)
            ? new LocalDate(year, 2, 28)
            : new LocalDate(year, date.Month, date.Day);

    /// <summary>Whole years between the memory and today, counted by the anniversary rule above.</summary>
    public static int YearsAgo(SharedMemory memory, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(memory);
        var years = today.Year - memory.Date.Year;
        return today < AnniversaryIn(memory.Date, today.Year) ? years - 1 : years;
    }

    /// <summary>A heading such as "One year ago today" or "5 years ago today".</summary>
    public static string Heading(SharedMemory memory, LocalDate today)
    {
        var years = YearsAgo(memory, today);
        return years == 1
            ? "One year ago today"
            : string.Create(CultureInfo.InvariantCulture, $"{years} years ago today");
    }
}

using System.Globalization;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.Text;

namespace Hearth.Web.Languages;

/// <summary>
/// Dates, times and weekdays as a person reads them in their language (NodaTime patterns over the
/// culture's own formats): "Tuesday" / "Dienstag", "2:30 PM" / "14:30", "Tuesday, June 2, 2026" /
/// "Dienstag, 2. Juni 2026". Without a culture, the request's (<see cref="CultureInfo.CurrentCulture"/>);
/// an e-mail passes its recipient's. The pseudo-locale formats as English (<see cref="PseudoLocale"/>).
/// Wire values (the API's "19:00", "sunday") are not formatted here: they stay invariant.
/// </summary>
public static class CultureFormats
{
    /// <summary>The weekday's name: "Tuesday", "Dienstag".</summary>
    public static string Weekday(IsoDayOfWeek day, CultureInfo? culture = null) =>
        day == IsoDayOfWeek.None
            ? throw new ArgumentOutOfRangeException(nameof(day))
            : (culture ?? CultureInfo.CurrentCulture).DateTimeFormat.GetDayName(day.ToDayOfWeek());

    /// <summary>The time as the culture writes it on a clock: "2:30 PM", "14:30".</summary>
    public static string Time(LocalTime time, CultureInfo? culture = null) =>
        Spaced(LocalTimePattern.Create("t", culture ?? CultureInfo.CurrentCulture).Format(time));

    /// <summary>A short date: "6/2/2026", "02.06.2026".</summary>
    public static string ShortDate(LocalDate date, CultureInfo? culture = null) =>
        LocalDatePattern.Create("d", culture ?? CultureInfo.CurrentCulture).Format(date);

    /// <summary>A date in words: "Tuesday, June 2, 2026", "Dienstag, 2. Juni 2026".</summary>
    public static string LongDate(LocalDate date, CultureInfo? culture = null) =>
        LocalDatePattern.Create("D", culture ?? CultureInfo.CurrentCulture).Format(date);

    /// <summary>A weekday and a time: "Tuesday 2:30 PM", "Dienstag 14:30".</summary>
    public static string WeekdayAndTime(IsoDayOfWeek day, LocalTime time, CultureInfo? culture = null) =>
        $"{Weekday(day, culture)} {Time(time, culture)}";

    // ICU writes a narrow no-break space before AM/PM; some e-mail clients and plain-text readers
    // show it as a box. A plain space reads everywhere.
    private static string Spaced(string text) => text.Replace('\u202F', ' ');
}

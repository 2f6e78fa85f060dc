using System.Globalization;
using Hearth.Core.FreeText;
using NodaTime;
using NodaTime.Text;

namespace Hearth.Web.Pair;

/// <summary>Shared checks for what people type into the daily features: free text and dates.</summary>
public static class DailyText
{
    /// <summary>
    /// Trims the text and checks its length in characters as people see them (an emoji is one). Line
    /// breaks and tabs are fine in longer text; other control characters are refused. Markup is kept
    /// as typed: pages and the API always show it as text, never as HTML.
    /// </summary>
    public static string? Clean(string? raw, int maxLength, string field, FieldErrors errors, string emptyMessage, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = (raw ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add(field, emptyMessage);
            }

            return null;
        }

        switch (TextLength.Check(text, maxLength))
        {
            case TextFit.TooLong:
                errors.Add(field, PairText.Get("TextTooLong", maxLength, TextLength.Of(text)));
                return null;
            case TextFit.TooDense:
                errors.Add(field, TooDenseMessage);
                return null;
        }

        if (HasHiddenControl(text))
        {
            errors.Add(field, HiddenControlMessage);
            return null;
        }

        return text;
    }

    /// <summary>The message for a text with a control character in it, beside the field it is in, in the request's language.</summary>
    public static string HiddenControlMessage => PairText.Get("HiddenControl");

    /// <summary>Core's <see cref="TextFit.TooDense"/> (<see cref="TextLength.TooDenseMessage"/>) in the request's language.</summary>
    public static string TooDenseMessage => PairText.Get("TextTooDense");

    /// <summary>
    /// Whether the text has a control character a person cannot see: in longer text anything but line
    /// breaks and tabs, in a one-line text (a title) any at all.
    /// </summary>
    public static bool HasHiddenControl(string text, bool oneLine = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Any(c => char.IsControl(c) && (oneLine || c is not '\n' and not '\t'));
    }

    /// <summary>Reads an ISO date (2026-11-21).</summary>
    public static bool TryParseDate(string? raw, out LocalDate date)
    {
        var result = LocalDatePattern.Iso.Parse(raw?.Trim() ?? "");
        date = result.Success ? result.Value : default;
        return result.Success;
    }

    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>"Saturday 21 November".</summary>
    public static string Friendly(LocalDate date) =>
        date.ToString("dddd d MMMM", CultureInfo.InvariantCulture);

    /// <summary>"Saturday 21 November", "Samstag, 21. November": in English as <see cref="Friendly"/>, otherwise the culture's own day-and-month.</summary>
    public static string WeekdayDayMonth(LocalDate date) =>
        InEnglish(out var culture) ? Friendly(date) : date.ToString("dddd, " + culture.DateTimeFormat.MonthDayPattern, culture);

    /// <summary>"21 November", "21. November".</summary>
    public static string DayMonth(LocalDate date) =>
        InEnglish(out var culture) ? date.ToString("d MMMM", CultureInfo.InvariantCulture) : date.ToString(culture.DateTimeFormat.MonthDayPattern, culture);

    /// <summary>"21 November 2026", "21. November 2026".</summary>
    public static string DayMonthYear(LocalDate date) =>
        InEnglish(out var culture) ? FriendlyWithYear(date) : date.ToString(culture.DateTimeFormat.MonthDayPattern + " yyyy", culture);

    /// <summary>An instant's day, month and year in UTC ("1 July 2026", "1. Juli 2026"), never digits alone, which read two ways (12/4 is April to some, December to others).</summary>
    public static string DayMonthYear(DateTimeOffset at) => DayMonthYear(LocalDate.FromDateTime(at.UtcDateTime));

    // English (and the pseudo-locale, which reads as English) keeps Hearth's British day-month order.
    private static bool InEnglish(out CultureInfo culture)
    {
        culture = CultureInfo.CurrentCulture;
        return culture.TwoLetterISOLanguageName is "en" or "qps" || culture.Equals(CultureInfo.InvariantCulture);
    }

    /// <summary>"21 November 2026".</summary>
    public static string FriendlyWithYear(LocalDate date) =>
        date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

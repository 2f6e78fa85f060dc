using System.Globalization;

namespace Hearth.Web.Features.Spaces;

/// <summary>Day and month as the member's language writes them ("5 December" in English as before, "5. Dezember" in German).</summary>
public static class SpaceDates
{
    public static string DayAndMonth(DateTimeOffset when)
    {
        var culture = CultureInfo.CurrentCulture;
        return culture.TwoLetterISOLanguageName == "en" || culture.Equals(CultureInfo.InvariantCulture)
            ? when.ToString("d MMMM", CultureInfo.InvariantCulture)
            : when.ToString(culture.DateTimeFormat.MonthDayPattern, culture);
    }
}

using System.Globalization;
using Hearth.Web.Languages;
using NodaTime;

namespace Hearth.Web.Tests.Languages;

/// <summary>Dates, times and weekdays as people read them: English and German, and the pseudo-locale as English.</summary>
public sealed class CultureFormatsTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de");

    [Theory]
    [InlineData(IsoDayOfWeek.Monday, "Monday", "Montag")]
    [InlineData(IsoDayOfWeek.Tuesday, "Tuesday", "Dienstag")]
    [InlineData(IsoDayOfWeek.Wednesday, "Wednesday", "Mittwoch")]
    [InlineData(IsoDayOfWeek.Thursday, "Thursday", "Donnerstag")]
    [InlineData(IsoDayOfWeek.Friday, "Friday", "Freitag")]
    [InlineData(IsoDayOfWeek.Saturday, "Saturday", "Samstag")]
    [InlineData(IsoDayOfWeek.Sunday, "Sunday", "Sonntag")]
    public void Weekdays_have_their_names_in_each_language(IsoDayOfWeek day, string english, string german)
    {
        Assert.Equal(english, CultureFormats.Weekday(day, English));
        Assert.Equal(german, CultureFormats.Weekday(day, German));
        Assert.Equal(english, CultureFormats.Weekday(day, PseudoLocale.Culture));
    }

    [Theory]
    [InlineData(14, 30, "2:30 PM", "14:30")]
    [InlineData(9, 5, "9:05 AM", "09:05")]
    [InlineData(0, 0, "12:00 AM", "00:00")]
    [InlineData(12, 0, "12:00 PM", "12:00")]
    [InlineData(23, 59, "11:59 PM", "23:59")]
    public void Times_read_as_on_a_clock_of_each_language(int hour, int minute, string english, string german)
    {
        var time = new LocalTime(hour, minute);
        Assert.Equal(english, CultureFormats.Time(time, English));
        Assert.Equal(german, CultureFormats.Time(time, German));
        Assert.Equal(english, CultureFormats.Time(time, PseudoLocale.Culture));
    }

    [Fact]
    public void Dates_read_in_each_language()
    {
        var date = new LocalDate(2026, 6, 2);
        Assert.Equal("Tuesday, June 2, 2026", CultureFormats.LongDate(date, English));
        Assert.Equal("Dienstag, 2. Juni 2026", CultureFormats.LongDate(date, German));
        Assert.Equal("6/2/2026", CultureFormats.ShortDate(date, English));
        Assert.Equal("02.06.2026", CultureFormats.ShortDate(date, German));
        Assert.Equal(CultureFormats.LongDate(date, English), CultureFormats.LongDate(date, PseudoLocale.Culture));
        Assert.Equal("Dienstag 14:30", CultureFormats.WeekdayAndTime(IsoDayOfWeek.Tuesday, new LocalTime(14, 30), German));
    }

    [Fact]
    public void Without_a_culture_the_current_one_formats()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = German;
            Assert.Equal("Dienstag 14:30", CultureFormats.WeekdayAndTime(IsoDayOfWeek.Tuesday, new LocalTime(14, 30)));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void No_day_is_not_a_weekday() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CultureFormats.Weekday(IsoDayOfWeek.None, English));
}

using Hearth.Core.Rituals;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using NodaTime.Extensions;

namespace Hearth.Web.Features.Reminders;

/// <summary>One weekly event for the feed: an opaque id, the ritual, and when it was last set.</summary>
public sealed record IcsRitual(string Uid, Ritual Ritual, Instant SetAt);

/// <summary>
/// The iCalendar feed (RFC 5545), written by Ical.Net (docs/adr/0025-ical-net.md): it does the text,
/// CRLF line endings, folding at 75 octets and escaping. Hearth supplies the content: one VTIMEZONE
/// per zone used, and each ritual as a weekly VEVENT whose DTSTART carries a TZID, so the calendar
/// keeps it at the same local time across clock changes. The summary is just "Hearth": no names,
/// no relationship words, nothing from anyone's answers.
/// </summary>
public static class IcsCalendar
{
    public const string Summary = "Hearth";

    /// <summary>The ritual's length in the calendar.</summary>
    public static readonly NodaTime.Duration EventLength = NodaTime.Duration.FromMinutes(30);

    /// <summary>Clock changes written into each VTIMEZONE, from a year before the first ritual.</summary>
    public const int TimeZoneYears = 25;

    public static string Write(IReadOnlyList<IcsRitual> rituals)
    {
        ArgumentNullException.ThrowIfNull(rituals);
        var calendar = new Ical.Net.Calendar
        {
            ProductId = "-//Hearth//Hearth ritual feed//EN",
            Scale = "GREGORIAN",
            Method = "PUBLISH",
        };
        calendar.AddProperty("X-WR-CALNAME", Summary);

        foreach (var group in rituals.GroupBy(r => r.Ritual.Zone.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var from = group.Min(r => r.SetAt) - NodaTime.Duration.FromDays(366);
            calendar.AddTimeZone(TimeZone(group.First().Ritual.Zone, from, from + NodaTime.Duration.FromDays(366 * TimeZoneYears)));
        }

        foreach (var item in rituals)
        {
            var first = RitualSchedule.NextOccurrences(item.Ritual, item.SetAt, 1)[0];
            var start = first.Date + item.Ritual.Time;
            var weekly = new RecurrenceRule(FrequencyType.Weekly);
            weekly.ByDay.Add(new WeekDay(item.Ritual.Day.ToDayOfWeek()));
            calendar.Events.Add(new CalendarEvent
            {
                Uid = item.Uid,
                DtStamp = new CalDateTime(item.SetAt.ToDateTimeUtc(), "UTC"),
                DtStart = new CalDateTime(start.Date.ToDateOnly(), start.TimeOfDay.ToTimeOnly(), item.Ritual.Zone.Id),
                Duration = Ical.Net.DataTypes.Duration.FromMinutes((int)EventLength.TotalMinutes),
                RecurrenceRule = weekly,
                Summary = Summary,
                Transparency = TransparencyType.Opaque,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>
    /// The zone's clock changes in [from, to), each as its own observance. Built here from NodaTime's
    /// data rather than by VTimeZone.FromDateTimeZone, which reads the system clock and stops at today.
    /// </summary>
    private static VTimeZone TimeZone(DateTimeZone zone, Instant from, Instant to)
    {
        var timeZone = new VTimeZone { TzId = zone.Id };
        var intervals = zone.GetZoneIntervals(from, to).ToList();
        var first = intervals[0];
        timeZone.AddChild(Observance(first, new LocalDateTime(1970, 1, 1, 0, 0), first.WallOffset));
        for (var i = 1; i < intervals.Count; i++)
        {
            var previous = intervals[i - 1].WallOffset;
            timeZone.AddChild(Observance(intervals[i], intervals[i].Start.WithOffset(previous).LocalDateTime, previous));
        }

        return timeZone;
    }

    private static VTimeZoneInfo Observance(NodaTime.TimeZones.ZoneInterval interval, LocalDateTime start, Offset previous)
    {
        var observance = new VTimeZoneInfo(interval.Savings != Offset.Zero ? "DAYLIGHT" : "STANDARD")
        {
            Start = new CalDateTime(start.Date.ToDateOnly(), start.TimeOfDay.ToTimeOnly()),
            OffsetFrom = new UtcOffset(previous.ToTimeSpan()),
            OffsetTo = new UtcOffset(interval.WallOffset.ToTimeSpan()),
        };
        if (!string.IsNullOrWhiteSpace(interval.Name) && interval.Name.All(c => c < 128 && !char.IsControl(c)))
        {
            observance.TimeZoneName = interval.Name;
        }

        return observance;
    }
}

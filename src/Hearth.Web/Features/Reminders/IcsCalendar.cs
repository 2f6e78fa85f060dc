using System.Globalization;
using System.Text;
using Hearth.Core.Rituals;
using NodaTime;

namespace Hearth.Web.Features.Reminders;

/// <summary>One weekly event for the feed: an opaque id, the ritual, and when it was last set.</summary>
public sealed record IcsRitual(string Uid, Ritual Ritual, Instant SetAt);

/// <summary>
/// Writes an iCalendar file (RFC 5545 basics): CRLF line endings, lines folded at 75 octets, one
/// VTIMEZONE per zone used, and each ritual as a weekly VEVENT whose DTSTART carries a TZID, so the
/// calendar keeps it at the same local time across clock changes. The summary is just "Hearth":
/// no names, no relationship words, nothing from anyone's answers.
/// </summary>
public static class IcsCalendar
{
    public const string Summary = "Hearth";

    /// <summary>The ritual's length in the calendar.</summary>
    public static readonly Duration EventLength = Duration.FromMinutes(30);

    /// <summary>Clock changes written into each VTIMEZONE, from a year before the first ritual.</summary>
    public const int TimeZoneYears = 25;

    private const int MaxOctets = 75;

    public static string Write(IReadOnlyList<IcsRitual> rituals)
    {
        ArgumentNullException.ThrowIfNull(rituals);
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Hearth//Hearth ritual feed//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Summary,
        };

        foreach (var group in rituals.GroupBy(r => r.Ritual.Zone.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var from = group.Min(r => r.SetAt) - Duration.FromDays(366);
            lines.AddRange(TimeZone(group.First().Ritual.Zone, from, from + Duration.FromDays(366 * TimeZoneYears)));
        }

        foreach (var item in rituals)
        {
            var first = RitualSchedule.NextOccurrences(item.Ritual, item.SetAt, 1)[0];
            lines.Add("BEGIN:VEVENT");
            lines.Add("UID:" + item.Uid);
            lines.Add("DTSTAMP:" + Utc(item.SetAt));
            lines.Add($"DTSTART;TZID={item.Ritual.Zone.Id}:{Local(first.Date + item.Ritual.Time)}");
            lines.Add("DURATION:PT" + (int)EventLength.TotalMinutes + "M");
            lines.Add("RRULE:FREQ=WEEKLY;BYDAY=" + Day(item.Ritual.Day));
            lines.Add("SUMMARY:" + Summary);
            lines.Add("TRANSP:OPAQUE");
            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(line, text);
        }

        return text.ToString();
    }

    /// <summary>Folds a content line so no physical line exceeds 75 octets (UTF-8), never splitting a character.</summary>
    internal static void Fold(string line, StringBuilder into)
    {
        var octets = 0;
        var limit = MaxOctets;
        var i = 0;
        while (i < line.Length)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var bytes = Encoding.UTF8.GetByteCount(line.AsSpan(i, width));
            if (octets + bytes > limit)
            {
                into.Append("\r\n ");
                octets = 0;
                limit = MaxOctets - 1;
            }

            into.Append(line, i, width);
            octets += bytes;
            i += width;
        }

        into.Append("\r\n");
    }

    private static IEnumerable<string> TimeZone(DateTimeZone zone, Instant from, Instant to)
    {
        yield return "BEGIN:VTIMEZONE";
        yield return "TZID:" + zone.Id;
        var intervals = zone.GetZoneIntervals(from, to).ToList();
        var first = intervals[0];
        foreach (var line in Observance(first, new LocalDateTime(1970, 1, 1, 0, 0), first.WallOffset))
        {
            yield return line;
        }

        for (var i = 1; i < intervals.Count; i++)
        {
            var previous = intervals[i - 1].WallOffset;
            var start = intervals[i].Start.WithOffset(previous).LocalDateTime;
            foreach (var line in Observance(intervals[i], start, previous))
            {
                yield return line;
            }
        }

        yield return "END:VTIMEZONE";
    }

    private static IEnumerable<string> Observance(NodaTime.TimeZones.ZoneInterval interval, LocalDateTime start, Offset previous)
    {
        var kind = interval.Savings != Offset.Zero ? "DAYLIGHT" : "STANDARD";
        yield return "BEGIN:" + kind;
        yield return "DTSTART:" + Local(start);
        yield return "TZOFFSETFROM:" + Show(previous);
        yield return "TZOFFSETTO:" + Show(interval.WallOffset);
        if (!string.IsNullOrWhiteSpace(interval.Name) && interval.Name.All(c => c < 128 && !char.IsControl(c)))
        {
            yield return "TZNAME:" + interval.Name;
        }

        yield return "END:" + kind;
    }

    private static string Show(Offset offset)
    {
        var seconds = offset.Seconds;
        var sign = seconds < 0 ? "-" : "+";
        seconds = Math.Abs(seconds);
        var text = string.Create(CultureInfo.InvariantCulture, $"{sign}{seconds / 3600:00}{seconds / 60 % 60:00}");
        return seconds % 60 == 0 ? text : text + (seconds % 60).ToString("00", CultureInfo.InvariantCulture);
    }

    private static string Local(LocalDateTime time) => time.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    private static string Utc(Instant instant) => instant.InUtc().LocalDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Day(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => "MO",
        IsoDayOfWeek.Tuesday => "TU",
        IsoDayOfWeek.Wednesday => "WE",
        IsoDayOfWeek.Thursday => "TH",
        IsoDayOfWeek.Friday => "FR",
        IsoDayOfWeek.Saturday => "SA",
        _ => "SU",
    };
}

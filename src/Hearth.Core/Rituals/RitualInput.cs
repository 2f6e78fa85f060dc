using System.Globalization;
using NodaTime;

namespace Hearth.Core.Rituals;

public enum RitualProblem
{
    /// <summary>No value was given.</summary>
    Missing = 1,

    /// <summary>The text is not written as hours and minutes.</summary>
    NotATime = 2,

    /// <summary>The hour is outside 00-23.</summary>
    HourOutOfRange = 3,

    /// <summary>The minutes are outside 00-59.</summary>
    MinuteOutOfRange = 4,

    /// <summary>The time zone id is not an IANA zone Hearth knows.</summary>
    UnknownTimeZone = 5,

    /// <summary>The day of the week is not one of the seven days.</summary>
    UnknownDay = 6,

    /// <summary>A waking window starts and ends at the same time.</summary>
    EmptyWindow = 7,

    /// <summary>A waking window is shorter than <see cref="WakingWindow.MinimumLength"/>.</summary>
    WindowTooShort = 8,
}

/// <summary>
/// A specific problem with one field of a ritual or waking window, in words a member can act on.
/// <paramref name="Message"/> is the English sentence; <paramref name="Problem"/> with <paramref name="Arguments"/>
/// (the value as typed, or the times, in the sentence's order) lets the app say it in the member's language.
/// </summary>
public sealed record RitualError(string Field, RitualProblem Problem, string Message, IReadOnlyList<string>? Arguments = null)
{
    /// <summary>The values the sentence names, in order; empty when it names none.</summary>
    public IReadOnlyList<string> Values => Arguments ?? [];
}

/// <summary>Parses the small pieces of schedule input: a time of day and an IANA time zone id.</summary>
public static class RitualInput
{
    /// <summary>Minutes after midnight of a time as <see cref="TryParseTime"/> reads it ("08:30" is 510), or null when it isn't one.</summary>
    public static int? MinuteOfDay(string? text) =>
        TryParseTime(text, "time", out var time, out _) ? (time.Hour * 60) + time.Minute : null;

    /// <summary>"08:30" for 510 minutes after midnight: how stored times of day are written on the wire and in the export.</summary>
    public static string ShowMinuteOfDay(int minute) =>
        string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");

    /// <summary>
    /// Reads "19:00" or "7:05" (24-hour clock, hours and minutes). Gives a specific message for
    /// impossible times such as 25:00 or 10:61.
    /// </summary>
    public static bool TryParseTime(string? text, string field, out LocalTime time, out RitualError? error)
    {
        time = default;
        error = null;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            error = new RitualError(field, RitualProblem.Missing, "Please choose a time, like 19:00.");
            return false;
        }

        var parts = value.Split(':');
        if (parts.Length != 2
            || parts[0].Length is < 1 or > 2
            || parts[1].Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minute))
        {
            error = new RitualError(field, RitualProblem.NotATime, $"Please write the time as hours and minutes on a 24-hour clock, like 19:00.");
            return false;
        }

        if (hour > 23)
        {
            error = new RitualError(field, RitualProblem.HourOutOfRange, $"Hours go from 00 to 23, so {value} isn't a time of day.", [value]);
            return false;
        }

        if (minute > 59)
        {
            error = new RitualError(field, RitualProblem.MinuteOutOfRange, $"Minutes go from 00 to 59, so {value} isn't a time of day.", [value]);
            return false;
        }

        time = new LocalTime(hour, minute);
        return true;
    }

    /// <summary>Finds an IANA zone ("Europe/London") in the time zone database shipped with NodaTime.</summary>
    public static bool TryFindZone(string? zoneId, string field, out DateTimeZone zone, out RitualError? error)
    {
        zone = DateTimeZone.Utc;
        error = null;
        var id = zoneId?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            error = new RitualError(field, RitualProblem.Missing, "Please choose a time zone, like Europe/London.");
            return false;
        }

        var found = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
        if (found is null)
        {
            error = new RitualError(field, RitualProblem.UnknownTimeZone, $"We don't know the time zone \"{id}\". Please pick one from the list, like Europe/London or America/New_York.", [id]);
            return false;
        }

        zone = found;
        return true;
    }

    /// <summary>Reads a day name ("sunday", "Sun") or ISO number ("7").</summary>
    public static bool TryParseDay(string? text, string field, out IsoDayOfWeek day, out RitualError? error)
    {
        day = IsoDayOfWeek.None;
        error = null;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            error = new RitualError(field, RitualProblem.Missing, "Please choose a day of the week.");
            return false;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 7)
        {
            day = (IsoDayOfWeek)number;
            return true;
        }

        foreach (var candidate in Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None))
        {
            var name = candidate.ToString();
            if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase)
                || (value.Length >= 3 && name.StartsWith(value, StringComparison.OrdinalIgnoreCase)))
            {
                day = candidate;
                return true;
            }
        }

        error = new RitualError(field, RitualProblem.UnknownDay, $"\"{value}\" isn't a day of the week. Please choose one from Monday to Sunday.", [value]);
        return false;
    }

    /// <summary>"19:00", invariant culture.</summary>
    internal static string Show(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

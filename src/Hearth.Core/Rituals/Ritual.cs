using NodaTime;

namespace Hearth.Core.Rituals;

/// <summary>
/// A pair's weekly ritual, e.g. "Sunday 19:00 Europe/London". The day and time are local to the
/// zone of the member who set it, so the ritual stays at 19:00 for them when clocks change.
/// </summary>
/// <param name="Day">The day of the week, in <paramref name="Zone"/>.</param>
/// <param name="Time">The local time of day, in <paramref name="Zone"/>.</param>
/// <param name="Zone">The IANA zone of the member who set the ritual.</param>
public sealed record Ritual(IsoDayOfWeek Day, LocalTime Time, DateTimeZone Zone)
{
    public const string DayField = "day";
    public const string TimeField = "time";
    public const string ZoneField = "timeZone";

    /// <summary>
    /// Builds a ritual from form input, or returns null with every problem found (one per field).
    /// </summary>
    public static Ritual? TryCreate(string? day, string? time, string? zoneId, out IReadOnlyList<RitualError> errors)
    {
        var found = new List<RitualError>();
        if (!RitualInput.TryParseDay(day, DayField, out var parsedDay, out var dayError))
        {
            found.Add(dayError!);
        }

        if (!RitualInput.TryParseTime(time, TimeField, out var parsedTime, out var timeError))
        {
            found.Add(timeError!);
        }

        if (!RitualInput.TryFindZone(zoneId, ZoneField, out var zone, out var zoneError))
        {
            found.Add(zoneError!);
        }

        errors = found;
        return found.Count == 0 ? new Ritual(parsedDay, parsedTime, zone) : null;
    }

    /// <summary>"Sunday 19:00 Europe/London".</summary>
    public override string ToString() => $"{Day} {RitualInput.Show(Time)} {Zone.Id}";

    internal void EnsureValid()
    {
        if (Day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentException("A ritual needs a day from Monday to Sunday.", nameof(Day));
        }

        ArgumentNullException.ThrowIfNull(Zone);
    }
}

using System.Globalization;
using Hearth.Core.Rituals;
using Hearth.Web.Data;
using Hearth.Web.Pair;
using Hearth.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Hearth.Web.Features.Notifications;

/// <summary>A kind of notification on the wire (stored as its wire name, <see cref="NotificationKinds"/>).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<NotificationKind>))]
public enum NotificationKind
{
    [System.Text.Json.Serialization.JsonStringEnumMemberName(NotificationKinds.WeeklyCheckIn)]
    WeeklyCheckIn,

    [System.Text.Json.Serialization.JsonStringEnumMemberName(NotificationKinds.ThinkingOfYou)]
    ThinkingOfYou,

    [System.Text.Json.Serialization.JsonStringEnumMemberName(NotificationKinds.NoteReceived)]
    NoteReceived,

    [System.Text.Json.Serialization.JsonStringEnumMemberName(NotificationKinds.BothAnswered)]
    BothAnswered,

    [System.Text.Json.Serialization.JsonStringEnumMemberName(NotificationKinds.CheckInFollowUp)]
    CheckInFollowUp,

    [System.Text.Json.Serialization.JsonStringEnumMemberName(NotificationKinds.TodaysQuestion)]
    TodaysQuestion,

    [System.Text.Json.Serialization.JsonStringEnumMemberName(NotificationKinds.PlanStepDay)]
    PlanStepDay,
}

/// <summary>A channel on the wire: "push" to the member's devices, "email" to their address.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<NotificationChannel>))]
public enum NotificationChannel
{
    [System.Text.Json.Serialization.JsonStringEnumMemberName(NotificationChannels.Push)]
    Push,

    [System.Text.Json.Serialization.JsonStringEnumMemberName(NotificationChannels.Email)]
    Email,
}

public static class NotificationWire
{
    public static NotificationKind Kind(string stored) => stored switch
    {
        NotificationKinds.WeeklyCheckIn => NotificationKind.WeeklyCheckIn,
        NotificationKinds.ThinkingOfYou => NotificationKind.ThinkingOfYou,
        NotificationKinds.NoteReceived => NotificationKind.NoteReceived,
        NotificationKinds.BothAnswered => NotificationKind.BothAnswered,
        NotificationKinds.CheckInFollowUp => NotificationKind.CheckInFollowUp,
        NotificationKinds.TodaysQuestion => NotificationKind.TodaysQuestion,
        NotificationKinds.PlanStepDay => NotificationKind.PlanStepDay,
        _ => throw new ArgumentOutOfRangeException(nameof(stored), stored, "Not a kind of notification"),
    };

    public static string Stored(NotificationKind kind) => kind switch
    {
        NotificationKind.WeeklyCheckIn => NotificationKinds.WeeklyCheckIn,
        NotificationKind.ThinkingOfYou => NotificationKinds.ThinkingOfYou,
        NotificationKind.NoteReceived => NotificationKinds.NoteReceived,
        NotificationKind.BothAnswered => NotificationKinds.BothAnswered,
        NotificationKind.CheckInFollowUp => NotificationKinds.CheckInFollowUp,
        NotificationKind.TodaysQuestion => NotificationKinds.TodaysQuestion,
        NotificationKind.PlanStepDay => NotificationKinds.PlanStepDay,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>One kind of notification and whether it may reach you by push, and by e-mail (null when e-mail reminders aren't available on this Hearth).</summary>
public sealed record NotificationKindView(NotificationKind Kind, bool Push, bool? Email);

/// <summary>
/// Your rules for notifications: each kind on or off, quiet hours on your own clock ("22:00" to
/// "07:00", both or neither), a pause until a date ("2026-12-27": nothing before that day begins),
/// and the most a day this Hearth sends (set by whoever runs it).
/// </summary>
public sealed record NotificationSettingsView(IReadOnlyList<NotificationKindView> Kinds, string? QuietFrom, string? QuietUntil, string? PausedUntil, int PerDay);

/// <summary>One kind's choice: by push, by e-mail, or both (a channel not named keeps its setting).</summary>
public sealed record NotificationKindInput(NotificationKind? Kind, bool? Push, bool? Email = null);

public sealed record NotificationSettingsInput(IReadOnlyList<NotificationKindInput>? Kinds, string? QuietFrom, string? QuietUntil, string? PausedUntil);

/// <summary>One notification Hearth sent you: what kind, when, on which channels, to how many devices (an e-mail counts as one).</summary>
public sealed record NotificationLogView(NotificationKind Kind, IReadOnlyList<NotificationChannel> Channels, DateTimeOffset At, int Delivered);

/// <summary>
/// The member's own notification choices and the log of what was sent to them. Only ever their own:
/// nothing here is shown to, or changes anything for, the other member (a pause is not announced).
/// </summary>
public sealed class NotificationPreferences(
    HearthDbContext db, CurrentMember current, TimeProvider clock, IOptions<Hosting.HearthOptions> options, IOptions<Email.EmailOptions> email, IStringLocalizer<NotificationsText> text)
{
    /// <summary>The furthest ahead a pause may reach.</summary>
    public const int MaxPauseDays = 366;

    public const int LogSize = 50;

    public async Task<NotificationSettingsView> GetAsync(CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        var prefs = await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.UserId == me).ToListAsync(ct);
        var rules = await db.Set<NotificationSetting>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == me, ct);
        var byEmail = email.Value.RemindersWork;
        var kinds = NotificationKinds.All
            .Select(k => new NotificationKindView(
                NotificationWire.Kind(k.Kind),
                prefs.FirstOrDefault(p => p.Kind == k.Kind && p.Channel == NotificationChannels.Push)?.Enabled ?? k.OnByDefault,
                byEmail ? prefs.FirstOrDefault(p => p.Kind == k.Kind && p.Channel == NotificationChannels.Email)?.Enabled ?? false : null))
            .ToList();
        return new NotificationSettingsView(
            kinds,
            rules?.QuietFromMinute is { } from ? Hearth.Core.Rituals.RitualInput.ShowMinuteOfDay(from) : null,
            rules?.QuietUntilMinute is { } until ? Hearth.Core.Rituals.RitualInput.ShowMinuteOfDay(until) : null,
            rules?.PausedUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Math.Max(0, options.Value.Background.NotificationsPerDay));
    }

    public async Task<Outcome<NotificationSettingsView>> UpdateAsync(NotificationSettingsInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var me = current.RequireUserId();
        var errors = new FieldErrors();
        var kinds = input.Kinds ?? [];
        for (var i = 0; i < kinds.Count; i++)
        {
            if (kinds[i]?.Kind is null || !Enum.IsDefined(kinds[i].Kind!.Value))
            {
                errors.Add($"kinds[{i}].kind", text["KindUnknown"]);
            }
            else if (kinds[i].Push is null && kinds[i].Email is null)
            {
                errors.Add($"kinds[{i}].push", text["PushMissing"]);
            }
            else if (kinds[i].Email is not null && !email.Value.RemindersWork)
            {
                errors.Add($"kinds[{i}].email", text["EmailNotAvailable"]);
            }
        }

        if (kinds.Where(k => k is not null).GroupBy(k => k.Kind).Any(g => g.Count() > 1))
        {
            errors.Add("kinds", text["KindTwice"]);
        }

        int? quietFrom = null, quietUntil = null;
        var hasFrom = !string.IsNullOrWhiteSpace(input.QuietFrom);
        var hasUntil = !string.IsNullOrWhiteSpace(input.QuietUntil);
        if (hasFrom != hasUntil)
        {
            errors.Add(hasFrom ? "quietUntil" : "quietFrom", text["QuietBoth"]);
        }
        else if (hasFrom)
        {
            quietFrom = ParseTime(input.QuietFrom, "quietFrom", errors);
            quietUntil = ParseTime(input.QuietUntil, "quietUntil", errors);
            if (quietFrom is not null && quietFrom == quietUntil)
            {
                errors.Add("quietUntil", text["QuietSame"]);
            }
        }

        var zone = TimeZones.Find(await db.Users.Where(u => u.Id == me).Select(u => u.TimeZoneId).FirstAsync(ct));
        var today = PairCalendar.ToDateOnly(Instant.FromDateTimeOffset(clock.GetUtcNow()).InZone(zone).Date);
        DateOnly? pausedUntil = null;
        if (!string.IsNullOrWhiteSpace(input.PausedUntil))
        {
            if (input.PausedUntil.Trim().Length != 10
                || !DateOnly.TryParseExact(input.PausedUntil.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
            {
                errors.Add("pausedUntil", text["PauseNotADate"]);
            }
            else if (until <= today)
            {
                errors.Add("pausedUntil", text["PauseInThePast"]);
            }
            else if (until > today.AddDays(MaxPauseDays))
            {
                errors.Add("pausedUntil", text["PauseTooFar"]);
            }
            else
            {
                pausedUntil = until;
            }
        }

        if (errors.Any)
        {
            return errors.ToOutcome<NotificationSettingsView>();
        }

        var now = clock.GetUtcNow();
        var rules = await db.Set<NotificationSetting>().FirstOrDefaultAsync(s => s.UserId == me, ct);
        if (rules is null)
        {
            rules = new NotificationSetting { UserId = me };
            db.Add(rules);
        }

        rules.QuietFromMinute = quietFrom;
        rules.QuietUntilMinute = quietUntil;
        rules.PausedUntil = pausedUntil;
        rules.UpdatedAt = now;
        var prefs = await db.Set<NotificationPreference>().Where(p => p.UserId == me).ToListAsync(ct);
        foreach (var kind in kinds)
        {
            var stored = NotificationWire.Stored(kind.Kind!.Value);
            foreach (var (channel, on) in new[] { (NotificationChannels.Push, kind.Push), (NotificationChannels.Email, kind.Email) })
            {
                if (on is null)
                {
                    continue;
                }

                // UpdatedAt is when what applies last changed (the dispatcher tells of nothing that
                // happened before a kind was turned on): saving the same choice again changes nothing.
                var row = prefs.FirstOrDefault(p => p.Kind == stored && p.Channel == channel);
                var before = row?.Enabled ?? (channel == NotificationChannels.Push && NotificationKinds.OnByDefault(stored));
                if (row is null)
                {
                    row = new NotificationPreference { UserId = me, Kind = stored, Channel = channel, UpdatedAt = DateTimeOffset.UnixEpoch };
                    db.Add(row);
                    prefs.Add(row);
                }

                row.Enabled = on.Value;
                if (before != on.Value)
                {
                    row.UpdatedAt = now;
                }
            }
        }

        await db.SaveChangesAsync(ct);
        return Outcome<NotificationSettingsView>.Ok(await GetAsync(ct));
    }

    /// <summary>What was sent to you, newest first (the last <see cref="LogSize"/>).</summary>
    public async Task<IReadOnlyList<NotificationLogView>> LogAsync(CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        var rows = await db.Set<NotificationSend>().AsNoTracking().Where(s => s.UserId == me)
            .Select(s => new { s.Kind, s.Channel, s.ClaimedAt, s.SentAt, s.Delivered })
            .ToListAsync(ct);
        return rows.OrderByDescending(s => s.ClaimedAt).Take(LogSize)
            .Select(s => new NotificationLogView(NotificationWire.Kind(s.Kind), NotificationChannels.Parse(s.Channel), s.SentAt ?? s.ClaimedAt, s.Delivered))
            .ToList();
    }

    private int? ParseTime(string? value, string field, FieldErrors errors)
    {
        var minute = RitualInput.MinuteOfDay(value);
        if (minute is null)
        {
            errors.Add(field, text["QuietNotATime"]);
        }

        return minute;
    }
}

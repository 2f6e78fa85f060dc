using System.Globalization;
using Hearth.Core.Rituals;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Features.Daily;
using Hearth.Web.Languages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;
using NodaTime.Extensions;

namespace Hearth.Web.Features.Rituals;

/// <summary>
/// The pair's weekly ritual: when it is, on each member's clock, and (for pairs living apart) the
/// hours when both are awake, with suggested times inside them. Scheduling rules are in Hearth.Core.
/// </summary>
public sealed class RitualService(HearthDbContext db, PairSpaces pairs, TimeProvider clock, IStringLocalizer<RitualsText> text)
{
    /// <summary>How many coming rituals the page lists.</summary>
    public const int OccurrencesShown = 4;

    public static readonly LocalTime DefaultWakeFrom = new(8, 0);
    public static readonly LocalTime DefaultWakeTo = new(22, 0);

    public async Task<Outcome<RitualView>> GetAsync(Guid spaceId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        return pair is null ? Outcome<RitualView>.NotFound() : Outcome<RitualView>.Ok(await ViewAsync(pair, ct));
    }

    /// <summary>
    /// Just the next check-in time on the caller's own clock ("Sunday 7 June, 18:00 (Etc/UTC)"), or null
    /// while no time is set or the space is not the caller's: what the pair dashboard shows, without the
    /// waking hours and proposals of the full view.
    /// </summary>
    public async Task<string?> NextForYouAsync(Guid spaceId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        var row = pair is null ? null : await FindAsync(spaceId, ct);
        if (row is null)
        {
            return null;
        }

        var next = RitualSchedule.NextOccurrences(PairCalendar.WeekRule(row, pair!), pair!.Now, 1)[0];
        return When(next.In(TimeZones.Find(pair!.MyTimeZoneId)));
    }

    /// <summary>
    /// The ritual row of a space the caller may use: read with the pair itself (<see cref="PairSpaces.OpenAsync"/>,
    /// once a request; the dashboard asks for it twice), not tracked: do not change it.
    /// </summary>
    public Task<SpaceRitual?> FindAsync(Guid spaceId, CancellationToken ct = default) => pairs.RitualAsync(spaceId, ct);

    public async Task<Outcome<RitualView>> SetAsync(Guid spaceId, RitualSettingInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<RitualView>.NotFound();
        }

        var zoneId = string.IsNullOrWhiteSpace(input.TimeZoneId) ? pair.MyTimeZoneId : input.TimeZoneId.Trim();
        var ritual = Ritual.TryCreate(input.Day, input.Time, zoneId, out var problems);
        if (ritual is null)
        {
            var errors = new FieldErrors();
            foreach (var problem in problems)
            {
                errors.Add(problem.Field == Ritual.ZoneField ? "timeZoneId" : problem.Field, Say(problem));
            }

            return errors.ToOutcome<RitualView>();
        }

        // Both members (or a double tap) may save the very first ritual at the same moment.
        await RaceSafeWrites.SaveFirstOrUpdateAsync(
            db,
            c => db.Set<SpaceRitual>().FirstOrDefaultAsync(r => r.SpaceId == spaceId, c),
            () => new SpaceRitual { SpaceId = spaceId },
            row =>
            {
                row.Day = (int)ritual.Day;
                row.MinuteOfDay = (ritual.Time.Hour * 60) + ritual.Time.Minute;
                row.TimeZoneId = ritual.Zone.Id;
                row.UpdatedAt = clock.GetUtcNow();
            },
            ct);
        return Outcome<RitualView>.Ok(await ViewAsync(pair, ct));
    }

    public async Task<Outcome<RitualView>> SetWakingHoursAsync(Guid spaceId, WakingHoursInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<RitualView>.NotFound();
        }

        var window = WakingWindow.TryCreate(input.From, input.To, out var problems);
        if (window is null)
        {
            var errors = new FieldErrors();
            foreach (var problem in problems)
            {
                errors.Add(problem.Field == WakingWindow.FromField ? "from" : "to", Say(problem));
            }

            return errors.ToOutcome<RitualView>();
        }

        // The same member's two requests at once (a double tap) may both find no row yet.
        await RaceSafeWrites.SaveFirstOrUpdateAsync(
            db,
            c => db.Set<MemberWakingHours>().FirstOrDefaultAsync(w => w.SpaceId == spaceId && w.UserId == pair.Me, c),
            () => new MemberWakingHours { SpaceId = spaceId, UserId = pair.Me },
            row =>
            {
                row.FromMinute = (window.From.Hour * 60) + window.From.Minute;
                row.ToMinute = (window.To.Hour * 60) + window.To.Minute;
                row.UpdatedAt = clock.GetUtcNow();
            },
            ct);
        return Outcome<RitualView>.Ok(await ViewAsync(pair, ct));
    }

    private async Task<RitualView> ViewAsync(PairSpace pair, CancellationToken ct)
    {
        var row = await FindAsync(pair.SpaceId, ct);
        var rule = PairCalendar.WeekRule(row, pair);
        var myZone = TimeZones.Find(pair.MyTimeZoneId);
        var otherZone = pair.OtherId is not null ? TimeZones.Find(pair.OtherTimeZoneId) : null;
        var week = PairWeek.WeekOf(pair.Now, rule);

        var next = row is null
            ? []
            : RitualSchedule.NextOccurrences(rule, pair.Now, OccurrencesShown)
                .Select(o => new OccurrenceView(
                    DailyText.Iso(o.Date),
                    o.Instant.ToDateTimeOffset(),
                    When(o.In(myZone)),
                    otherZone is null ? null : When(o.In(otherZone)),
                    Note(o)))
                .ToList();

        var hours = await db.Set<MemberWakingHours>().AsNoTracking().Where(w => w.SpaceId == pair.SpaceId).ToListAsync(ct);
        var mine = Window(hours.FirstOrDefault(w => w.UserId == pair.Me));
        var theirs = pair.OtherId is null ? null : Window(hours.FirstOrDefault(w => w.UserId == pair.OtherId));
        IReadOnlyList<OverlapView> overlap = [];
        IReadOnlyList<ProposalView> proposals = [];
        var overlapMinutes = 0;
        if (pair.LivingApart && otherZone is not null && theirs is not null)
        {
            var me = new MemberClock(pair.Me.ToString(), myZone, mine);
            var other = new MemberClock(pair.OtherId!.Value.ToString(), otherZone, theirs);
            var today = pair.Now.InZone(myZone).Date;
            var weekly = WakingOverlap.For(me, other, today);
            overlapMinutes = (int)weekly.Total.TotalMinutes;
            overlap = weekly.Intervals
                .Select(i => new OverlapView(Span(i.StartForFirst, i.EndForFirst), Span(i.StartForSecond, i.EndForSecond), (int)i.Length.TotalMinutes))
                .ToList();
            proposals = WakingOverlap.ProposeRitualTimes(me, other, today)
                .Select(p => new ProposalView(
                    p.Ritual.Day.ToString().ToLowerInvariant(),
                    Show(p.Ritual.Time),
                    p.Ritual.Zone.Id,
                    CultureFormats.WeekdayAndTime(p.ForFirst.DayOfWeek, p.ForFirst.TimeOfDay),
                    CultureFormats.WeekdayAndTime(p.ForSecond.DayOfWeek, p.ForSecond.TimeOfDay),
                    Why(p)))
                .ToList();
        }

        return new RitualView(
            row is not null,
            row is null ? null : rule.Day.ToString().ToLowerInvariant(),
            row is null ? null : Show(rule.Time),
            row?.TimeZoneId,
            rule.Day.ToString(),
            DailyText.Iso(week.Key),
            next,
            pair.IsPaired,
            pair.OtherName,
            pair.LivingApart,
            myZone.Id,
            otherZone?.Id,
            new WakingView(Show(mine.From), Show(mine.To)),
            theirs is null ? null : new WakingView(Show(theirs.From), Show(theirs.To)),
            overlapMinutes,
            overlap,
            proposals);
    }

    private string Why(RitualProposal p) => (p.EveningForBoth, p.WeekendForBoth) switch
    {
        (true, true) => text["WhyWeekendEvening"],
        (true, false) => text["WhyEvening"],
        (false, true) => text["WhyWeekendDay"],
        _ => text["WhyAwake"],
    };

    /// <summary>A problem from Hearth.Core's rules, in the member's language (the key is the problem; a missing value names its field).</summary>
    private string Say(RitualError problem)
    {
        var key = problem.Problem != RitualProblem.Missing
            ? problem.Problem.ToString()
            : problem.Field switch
            {
                Ritual.DayField => "DayMissing",
                Ritual.ZoneField => "TimeZoneMissing",
                _ => "TimeMissing",
            };
        // The waking hours in a problem are the member's own clock times: written as their language writes them.
        var values = problem.Problem == RitualProblem.WindowTooShort
            ? problem.Values.Select(v => RitualInput.TryParseTime(v, Ritual.TimeField, out var t, out _) ? CultureFormats.Time(t) : v)
            : problem.Values;
        return text[key, values.Cast<object>().ToArray()];
    }

    /// <summary>The clock-change note of an occurrence, in the member's language; null on ordinary days.</summary>
    private string? Note(RitualOccurrence o) => o.ClockChange switch
    {
        ClockChange.MovedForwardPastGap => text["ClockForward", CultureFormats.Time(o.PlannedTime), CultureFormats.Time(o.Start.TimeOfDay)].Value,
        ClockChange.EarlierOfTwo => text["ClockBack", CultureFormats.Time(o.PlannedTime)].Value,
        _ => null,
    };

    private static WakingWindow Window(MemberWakingHours? row) =>
        row is null
            ? new WakingWindow(DefaultWakeFrom, DefaultWakeTo)
            : new WakingWindow(LocalTime.FromMinutesSinceMidnight(row.FromMinute), LocalTime.FromMinutesSinceMidnight(row.ToMinute));

    /// <summary>"Sunday 22 November, 7:00 PM (Europe/London)", "Sonntag, 22. November, 19:00 (Europe/Berlin)".</summary>
    internal static string When(ZonedDateTime time) =>
        string.Create(CultureInfo.InvariantCulture, $"{Friendly(time.Date)}, {CultureFormats.Time(time.TimeOfDay)} ({time.Zone.Id})");

    /// <summary>
    /// The one place this feature formats a date for people: NodaTime's pattern with the request's
    /// culture (English "Sunday 22 November", German "Sonntag, 22. November"). When the shared
    /// culture formatting helpers land in Languages/, this is the line to switch.
    /// </summary>
    private static string Friendly(LocalDate date) =>
        date.ToString(CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "de" ? "dddd, d. MMMM" : "dddd d MMMM", CultureInfo.CurrentCulture);

    private string Span(ZonedDateTime from, ZonedDateTime to) =>
        from.Date == to.Date || (to.TimeOfDay == LocalTime.Midnight && to.Date == from.Date.PlusDays(1))
            ? text["SpanSameDay", CultureFormats.Weekday(from.DayOfWeek), CultureFormats.Time(from.TimeOfDay), CultureFormats.Time(to.TimeOfDay)]
            : text["SpanTwoDays", CultureFormats.Weekday(from.DayOfWeek), CultureFormats.Time(from.TimeOfDay), CultureFormats.Weekday(to.DayOfWeek), CultureFormats.Time(to.TimeOfDay)];

    /// <summary>A time as the API and the export carry it ("19:00"): a wire value, not words. People read <see cref="CultureFormats.Time"/>.</summary>
    internal static string Show(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

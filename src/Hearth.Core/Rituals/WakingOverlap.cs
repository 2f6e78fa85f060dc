using NodaTime;

namespace Hearth.Core.Rituals;

/// <summary>
/// The hours of a day a member is usually awake and happy to talk, on their own clock, e.g.
/// 08:00-22:00. A window may cross midnight (22:00-06:00 for someone who works nights).
/// </summary>
public sealed record WakingWindow
{
    public const string FromField = "wakingFrom";
    public const string ToField = "wakingTo";

    /// <summary>Shorter windows leave no real room for a ritual, so we ask for at least an hour.</summary>
    public static readonly Duration MinimumLength = Duration.FromHours(1);

    public WakingWindow(LocalTime from, LocalTime to)
    {
        var error = Check(from, to);
        if (error is not null)
        {
            throw new ArgumentException(error.Message, nameof(to));
        }

        From = from;
        To = to;
    }

    public LocalTime From { get; }

    public LocalTime To { get; }

    /// <summary>The window ends on the next day (its end is not later than its start).</summary>
    public bool CrossesMidnight => To <= From;

    /// <summary>Nominal length on an ordinary day.</summary>
    public Duration Length => LengthOf(From, To);

    /// <summary>Builds a window from form input, or returns null with every problem found.</summary>
    public static WakingWindow? TryCreate(string? from, string? to, out IReadOnlyList<RitualError> errors)
    {
        var found = new List<RitualError>();
        var fromOk = RitualInput.TryParseTime(from, FromField, out var start, out var fromError);
        var toOk = RitualInput.TryParseTime(to, ToField, out var end, out var toError);
        if (!fromOk)
        {
            found.Add(fromError!);
        }

        if (!toOk)
        {
            found.Add(toError!);
        }

        if (fromOk && toOk && Check(start, end) is { } windowError)
        {
            found.Add(windowError);
        }

        errors = found;
        return found.Count == 0 ? new WakingWindow(start, end) : null;
    }

    private static Duration LengthOf(LocalTime from, LocalTime to)
    {
        var minutes = (to.TickOfDay - from.TickOfDay) / NodaConstants.TicksPerMinute;
        return Duration.FromMinutes(minutes > 0 ? minutes : minutes + (24 * 60));
    }

    private static RitualError? Check(LocalTime from, LocalTime to)
    {
        if (from == to)
        {
            return new RitualError(ToField, RitualProblem.EmptyWindow, "Your waking hours need a start and an end that differ.");
        }

        return LengthOf(from, to) < MinimumLength
            ? new RitualError(ToField, RitualProblem.WindowTooShort, $"Your waking hours from {RitualInput.Show(from)} to {RitualInput.Show(to)} are shorter than an hour. Please give at least an hour.", [RitualInput.Show(from), RitualInput.Show(to)])
            : null;
    }
}

/// <summary>One member's clock: their own zone and waking hours.</summary>
public sealed record MemberClock(string MemberId, DateTimeZone Zone, WakingWindow Waking);

/// <summary>A stretch of time when both members are awake, on each member's own clock.</summary>
public sealed record OverlapInterval(
    Instant Start,
    Instant End,
    ZonedDateTime StartForFirst,
    ZonedDateTime EndForFirst,
    ZonedDateTime StartForSecond,
    ZonedDateTime EndForSecond)
{
    public Duration Length => End - Start;
}

/// <summary>All shared waking time in one week.</summary>
/// <param name="WeekOf">The local date the week starts on, in the first member's zone.</param>
/// <param name="Start">Start of that local week, as an instant.</param>
/// <param name="End">End of that local week (exclusive).</param>
/// <param name="Intervals">Shared waking stretches, in time order.</param>
public sealed record WeeklyOverlap(LocalDate WeekOf, Instant Start, Instant End, IReadOnlyList<OverlapInterval> Intervals)
{
    public Duration Total => Intervals.Aggregate(Duration.Zero, (sum, i) => sum + i.Length);
}

/// <summary>A suggested ritual slot inside both members' waking hours.</summary>
/// <param name="Ritual">The slot as a ritual, anchored in the first member's zone.</param>
/// <param name="ForFirst">The slot on the first member's clock, in the week looked at.</param>
/// <param name="ForSecond">The same moment on the second member's clock.</param>
/// <param name="EveningForBoth">It falls between 18:00 and 21:30 on both clocks.</param>
/// <param name="WeekendForBoth">It falls on a Saturday or Sunday on both clocks.</param>
/// <param name="Why">One plain sentence on why this slot was suggested.</param>
public sealed record RitualProposal(Ritual Ritual, ZonedDateTime ForFirst, ZonedDateTime ForSecond, bool EveningForBoth, bool WeekendForBoth, string Why);

/// <summary>
/// When two members in different zones are both awake. Works week by week on real instants, so
/// zones that change their clocks on different dates (London and New York in March; Sydney,
/// whose summer time runs October to April) give the right overlap for each week.
/// </summary>
public static class WakingOverlap
{
    /// <summary>Check-ins start on a half-hour mark of the first member's clock.</summary>
    public static readonly Duration SlotStep = Duration.FromMinutes(30);

    /// <summary>How long a proposed slot must fit inside the overlap: the check-in and a talk.</summary>
    public static readonly Duration DefaultSessionLength = Duration.FromMinutes(45);

    /// <summary>Evening, for preferring slots: a start from 18:00 up to 21:30 local.</summary>
    public static readonly LocalTime EveningFrom = new(18, 0);

    public static readonly LocalTime EveningUntil = new(21, 30);

    /// <summary>
    /// Shared waking time during the seven local days starting <paramref name="weekOf"/> in
    /// <paramref name="first"/>'s zone.
    /// </summary>
    public static WeeklyOverlap For(MemberClock first, MemberClock second, LocalDate weekOf)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var start = first.Zone.AtStartOfDay(weekOf).ToInstant();
        var end = first.Zone.AtStartOfDay(weekOf.PlusWeeks(1)).ToInstant();
        var a = Awake(first, start, end);
        var b = Awake(second, start, end);

        var intervals = new List<OverlapInterval>();
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            var from = Max(a[i].Start, b[j].Start);
            var to = Min(a[i].End, b[j].End);
            if (from < to)
            {
                intervals.Add(new OverlapInterval(
                    from,
                    to,
                    from.InZone(first.Zone),
                    to.InZone(first.Zone),
                    from.InZone(second.Zone),
                    to.InZone(second.Zone)));
            }

            if (a[i].End <= b[j].End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return new WeeklyOverlap(weekOf, start, end, intervals);
    }

    /// <summary>
    /// Suggests up to <paramref name="count"/> ritual slots (on different days where possible)
    /// inside the week's overlap, preferring evenings and weekends on both clocks. Ties go to
    /// the slot closest to 19:00 on the first member's clock, then to the earlier slot.
    /// </summary>
    public static IReadOnlyList<RitualProposal> ProposeRitualTimes(
        MemberClock first,
        MemberClock second,
        LocalDate weekOf,
        int count = 3,
        Duration? sessionLength = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var length = sessionLength ?? DefaultSessionLength;
        var overlap = For(first, second, weekOf);

        var candidates = new List<(Instant At, int Score, long Distance)>();
        foreach (var interval in overlap.Intervals)
        {
            for (var at = FirstHalfHour(interval.Start, first.Zone); at + length <= interval.End; at += SlotStep)
            {
                var a = at.InZone(first.Zone);
                var b = at.InZone(second.Zone);
                var score = (IsEvening(a) ? 2 : 0) + (IsEvening(b) ? 2 : 0) + (IsWeekend(a) ? 1 : 0) + (IsWeekend(b) ? 1 : 0);
                var distance = Math.Abs(a.TimeOfDay.TickOfDay - new LocalTime(19, 0).TickOfDay);
                candidates.Add((at, score, distance));
            }
        }

        var proposals = new List<RitualProposal>();
        var usedDays = new HashSet<IsoDayOfWeek>();
        var ordered = candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Distance).ThenBy(c => c.At).ToList();

        // First pass: one slot per day of the week; second pass fills up if there are few days.
        foreach (var pass in new[] { true, false })
        {
            foreach (var (at, _, _) in ordered)
            {
                if (proposals.Count == count)
                {
                    break;
                }

                var a = at.InZone(first.Zone);
                if ((pass && usedDays.Contains(a.DayOfWeek)) || proposals.Any(p => p.ForFirst.ToInstant() == at))
                {
                    continue;
                }

                usedDays.Add(a.DayOfWeek);
                proposals.Add(Propose(first, at.InZone(first.Zone), at.InZone(second.Zone)));
            }
        }

        return proposals;
    }

    private static RitualProposal Propose(MemberClock first, ZonedDateTime a, ZonedDateTime b)
    {
        var evening = IsEvening(a) && IsEvening(b);
        var weekend = IsWeekend(a) && IsWeekend(b);
        var when = $"{a.DayOfWeek} {RitualInput.Show(a.TimeOfDay)} for one of you is {b.DayOfWeek} {RitualInput.Show(b.TimeOfDay)} for the other";
        var why = (evening, weekend) switch
        {
            (true, true) => $"{when}: a weekend evening for you both.",
            (true, false) => $"{when}: an evening for you both.",
            (false, true) => $"{when}: a weekend for you both, while you're both awake.",
            _ => $"{when}, while you're both awake.",
        };
        return new RitualProposal(new Ritual(a.DayOfWeek, a.TimeOfDay, first.Zone), a, b, evening, weekend, why);
    }

    private static bool IsEvening(ZonedDateTime time) => time.TimeOfDay >= EveningFrom && time.TimeOfDay <= EveningUntil;

    private static bool IsWeekend(ZonedDateTime time) => time.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;

    private static Instant FirstHalfHour(Instant start, DateTimeZone zone)
    {
        var local = start.InZone(zone);
        var minutesPast = (local.Minute % 30 == 0 && local.Second == 0 && local.NanosecondOfSecond == 0)
            ? 0
            : 30 - (local.Minute % 30);
        var rounded = start - Duration.FromSeconds(local.Second) - Duration.FromNanoseconds(local.NanosecondOfSecond);
        return minutesPast == 0 ? start : rounded + Duration.FromMinutes(minutesPast);
    }

    /// <summary>The member's waking stretches that touch [start, end), clipped to it, in order, merged.</summary>
    private static List<(Instant Start, Instant End)> Awake(MemberClock member, Instant start, Instant end)
    {
        var firstDate = start.InZone(member.Zone).Date.PlusDays(-1);
        var lastDate = end.InZone(member.Zone).Date.PlusDays(1);
        var stretches = new List<(Instant Start, Instant End)>();
        for (var date = firstDate; date <= lastDate; date = date.PlusDays(1))
        {
            var from = RitualSchedule.Resolve(member.Zone, date + member.Waking.From).Start.ToInstant();
            var toDate = member.Waking.CrossesMidnight ? date.PlusDays(1) : date;
            var to = RitualSchedule.Resolve(member.Zone, toDate + member.Waking.To).Start.ToInstant();
            var clippedFrom = Max(from, start);
            var clippedTo = Min(to, end);
            if (clippedFrom >= clippedTo)
            {
                continue;
            }

            if (stretches.Count > 0 && stretches[^1].End >= clippedFrom)
            {
                stretches[^1] = (stretches[^1].Start, Max(stretches[^1].End, clippedTo));
            }
            else
            {
                stretches.Add((clippedFrom, clippedTo));
            }
        }

        return stretches;
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}

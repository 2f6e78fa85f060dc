using System.Text.Json;
using System.Text.Json.Serialization;
using Hearth.Core.CheckIns;
using Hearth.Core.Dimensions;
using Hearth.Core.Rituals;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Features.Assessments;
using Hearth.Web.Features.Daily;
using Hearth.Web.Features.Rituals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Hearth.Web.Features.CheckIns;

/// <summary>
/// A check-in. Every item may be left out (null). <see cref="SafetyPulse"/> maps a pulse question id
/// to yes (true), no (false) or skipped (null or absent); it is looked at once and never stored.
/// </summary>
public sealed record CheckInInput(
    string? Week = null,
    int? Satisfaction = null,
    int? Closeness = null,
    int? FeltHeard = null,
    int? PhoneFreeMinutes = null,
    int? Appreciation = null,
    int? Repair = null,
    bool? NoTension = null,
    string? Needs = null,
    string? NeedsDimension = null,
    Dictionary<string, bool?>? SafetyPulse = null);

public sealed record CheckInAnswersView(
    int? Satisfaction,
    int? Closeness,
    int? FeltHeard,
    int? PhoneFreeMinutes,
    int? Appreciation,
    int? Repair,
    bool NoTension,
    string? Needs,
    string? NeedsDimension)
{
    public static CheckInAnswersView From(CheckInRecord r) =>
        new(r.Satisfaction, r.Closeness, r.FeltHeard, r.PhoneFreeMinutes, r.Appreciation, r.Repair, r.NoTension, r.Needs, r.NeedsDimension?.WireName());
}

/// <summary>
/// The other member's check-in for a week. Until both have checked in that week it is always the
/// same: not revealed, no answers, and nothing about whether they have checked in.
/// </summary>
public sealed record OtherCheckInView(string Name, bool Revealed, CheckInAnswersView? Answers);

/// <summary>This week's check-in as the pair dashboard shows it: states only.</summary>
/// <param name="BothCheckedIn">True only once both checked in (before that, nothing about the other person).</param>
public sealed record CheckInWeekGlance(string Week, bool RitualSet, bool YouCheckedIn, bool BothCheckedIn);

public sealed record CheckInWeekView(
    string Week,
    DateTimeOffset Starts,
    DateTimeOffset Ends,
    bool IsCurrent,
    bool RitualSet,
    bool CanCheckIn,
    CheckInAnswersView? Yours,
    OtherCheckInView? Theirs);

/// <summary>What the member who just checked in sees. <see cref="ShowSupport"/> is for their eyes only.</summary>
public sealed record CheckInSubmitted(CheckInWeekView Week, bool ShowSupport, IReadOnlyList<SupportResource> Resources);

public sealed record CheckInItemView(string Id, string Text, int Min, int Max, string MinLabel, string MaxLabel, string? Hint, string? NoTensionLabel);

public sealed record CheckInQuestionsView(
    string ContentVersion,
    string Intro,
    string GroundRulesTitle,
    string GroundRulesIntro,
    IReadOnlyList<string> GroundRules,
    IReadOnlyList<CheckInItemView> Items,
    string NeedsText,
    string NeedsHint,
    int NeedsMaxLength,
    string SafetyPulseIntro,
    IReadOnlyDictionary<string, string> SafetyPulse);

/// <summary>A member's own check-ins and the other's revealed ones, keyed by the current week rule.</summary>
public sealed record CheckInHistory(Ritual Rule, LocalDate CurrentWeek, IReadOnlyList<CheckInRecord> Mine, IReadOnlyList<CheckInRecord> TheirsRevealed);

/// <summary>
/// The weekly check-in (docs/product/assessment-and-insights.md): about a minute, once per member and pair week, with mutual
/// reveal per week and a private safety pulse that is never stored.
/// </summary>
public sealed class CheckInService(HearthDbContext db, PairSpaces pairs, FieldCipher cipher, IOptions<SafetyOptions> safety, TimeProvider clock)
{
    private const string Table = "WeeklyCheckIns";
    private const string Column = "Answers";

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static CheckInContent Content => CheckInContent.Weekly;

    public static CheckInQuestionsView Questions { get; } = new(
        Content.Version,
        Content.Intro,
        Content.GroundRules.Title,
        Content.GroundRules.Intro,
        Content.GroundRules.Rules,
        Content.Items.Select(i => new CheckInItemView(i.Id, i.Text, i.Min, i.Max, i.MinLabel, i.MaxLabel, i.Hint, i.NoTensionLabel)).ToList(),
        Content.Needs.Text,
        Content.Needs.Hint,
        Content.Needs.MaxLength,
        Content.SafetyPulse.Intro,
        Content.SafetyPulse.Items.ToDictionary(i => i.Id, i => i.Text, StringComparer.Ordinal));

    /// <summary>
    /// This week at a glance, for the pair dashboard: whether a check-in time is set, whether the caller
    /// checked in, and whether both did. States only: one query for the week keys of the pair's rows,
    /// nothing decrypted. The other person's state shows only once both checked in (the reveal rule).
    /// </summary>
    public async Task<Outcome<CheckInWeekGlance>> GlanceAsync(Guid spaceId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<CheckInWeekGlance>.NotFound();
        }

        var ritual = await pairs.RitualAsync(spaceId, ct);
        var rule = PairCalendar.WeekRule(ritual, pair);
        var current = PairWeek.WeekOf(pair.Now, rule);
        var done = DoneIn(await NearRowsAsync(spaceId, pair.Me, current.Key, ct), current);
        var both = done is not null && pair.OtherId is { } other
            && await db.Set<WeeklyCheckIn>().AsNoTracking().AnyAsync(c => c.SpaceId == spaceId && c.UserId == other && c.Week == done.Week, ct);
        var week = done is null ? current.Key : PairCalendar.ToLocalDate(done.Week);
        return Outcome<CheckInWeekGlance>.Ok(new CheckInWeekGlance(DailyText.Iso(week), ritual is not null, done is not null, both));
    }

    /// <summary>The current week, or the week containing <paramref name="date"/> (yyyy-mm-dd).</summary>
    public async Task<Outcome<CheckInWeekView>> GetWeekAsync(Guid spaceId, string? date = null, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<CheckInWeekView>.NotFound();
        }

        var ritual = await pairs.RitualAsync(spaceId, ct);
        var rule = PairCalendar.WeekRule(ritual, pair);
        var now = await NowAsync(pair, rule, ct);
        var week = now.Key;
        if (date is not null)
        {
            if (!DailyText.TryParseDate(date, out var day))
            {
                return Outcome<CheckInWeekView>.Invalid("date", "Please give a date as year-month-day, for example 2026-11-22.");
            }

            // A week a check-in of yours was sent in is found by its own first day, whatever the ritual is now.
            var yoursThen = PairCalendar.ToDateOnly(day);
            if (!await db.Set<WeeklyCheckIn>().AsNoTracking().AnyAsync(c => c.SpaceId == spaceId && c.UserId == pair.Me && c.Week == yoursThen, ct))
            {
                var key = PairCalendar.Rekey(day, rule);
                if (key > now.Current.Key)
                {
                    return Outcome<CheckInWeekView>.Invalid("date", "That week hasn't started yet.");
                }

                week = key == now.Current.Key ? now.Key : key;
            }
            else
            {
                week = day;
            }
        }

        return Outcome<CheckInWeekView>.Ok(await WeekViewAsync(pair, rule, week, now, ritual is not null, ct));
    }

    public async Task<Outcome<CheckInSubmitted>> SubmitAsync(Guid spaceId, CheckInInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<CheckInSubmitted>.NotFound();
        }

        var ritual = await pairs.RitualAsync(spaceId, ct);
        var rule = PairCalendar.WeekRule(ritual, pair);
        var now = await NowAsync(pair, rule, ct);
        var current = now.Current;

        var errors = new FieldErrors();
        if (input.Week is not null)
        {
            // The week the check-in page shows as this one (after a ritual change, the week your check-in was sent in) is this week.
            if (!DailyText.TryParseDate(input.Week, out var asked))
            {
                errors.Add("week", "Please give the week as year-month-day, for example 2026-11-22, or leave it out for this week.");
            }
            else if (asked != now.Key && PairCalendar.Rekey(asked, rule) > current.Key)
            {
                errors.Add("week", "That week hasn't started yet. You can check in once it has.");
            }
            else if (asked != now.Key && PairCalendar.Rekey(asked, rule) < current.Key)
            {
                errors.Add("week", "That week is over. Check-ins are for the week you're in.");
            }
        }

        Dimension? tag = null;
        if (!string.IsNullOrWhiteSpace(input.NeedsDimension))
        {
            if (DimensionCatalog.TryParse(input.NeedsDimension, out var parsed))
            {
                tag = parsed;
            }
            else
            {
                errors.Add(CheckInAnswers.NeedsDimensionField, "Please choose one of the five kinds of closeness, or no tag.");
            }
        }

        var needs = DailyText.Clean(input.Needs, Content.Needs.MaxLength, CheckInAnswers.NeedsField, errors, "", required: false);
        var pulse = new SafetyPulse((input.SafetyPulse ?? []).Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!.Value, StringComparer.Ordinal));
        foreach (var error in SafetyPulse.Validate(Content, pulse))
        {
            errors.Add($"safetyPulse.{error.Field}", error.Message);
        }

        var answers = new CheckInAnswers(
            input.Satisfaction,
            input.Closeness,
            input.FeltHeard,
            input.PhoneFreeMinutes,
            input.Appreciation,
            input.Repair,
            input.NoTension ?? false,
            needs,
            tag);
        foreach (var error in CheckInAnswers.Validate(Content, answers))
        {
            if (!(error.Field == CheckInAnswers.NeedsDimensionField && errors.ToDictionary().ContainsKey(CheckInAnswers.NeedsDimensionField)))
            {
                errors.Add(error.Field, error.Message);
            }
        }

        if (errors.Any)
        {
            return errors.ToOutcome<CheckInSubmitted>();
        }

        if (now.Done is not null)
        {
            return AlreadyCheckedIn();
        }

        var record = answers.ToRecord(Content, current.Key);
        var row = new WeeklyCheckIn
        {
            Id = Guid.CreateVersion7(),
            SpaceId = spaceId,
            UserId = pair.Me,
            Week = PairCalendar.ToDateOnly(current.Key),
            ContentVersion = Content.Version,
            SubmittedAt = clock.GetUtcNow(),
        };
        row.AnswersCiphertext = await cipher.EncryptAsync(StoredAnswers(record), Context(row), ct);
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException race) when (DbErrors.IsUniqueViolation(race))
        {
            // Two submissions at once: the unique (space, member, week) index lets one through.
            db.Entry(row).State = EntityState.Detached;
            return AlreadyCheckedIn();
        }

        // The pulse is read here, once, for this answer only; it is not kept or passed on.
        var showSupport = pulse.AnyEndorsed;
        var view = await WeekViewAsync(pair, rule, current.Key, new ThisWeek(current, row), ritual is not null, ct);
        return Outcome<CheckInSubmitted>.Ok(new CheckInSubmitted(view, showSupport, showSupport ? safety.Value.EffectiveResources : []));
    }

    /// <summary>
    /// The caller's own check-ins, and the other member's only for weeks both checked in (revealed:
    /// equal stored weeks). For the charts, each is then placed on the week of today's calendar that
    /// contains its own first day; if a ritual change puts two of yours in one place, the first given
    /// is drawn, and the other person's only beside the very one it was revealed with.
    /// Call only after <see cref="PairSpaces.OpenAsync"/> said the caller is a member.
    /// </summary>
    /// <param name="lastWeeks">Only the weeks that began at most this many weeks before the current one
    /// (trends and insights need a year at most, so years of history cost nothing per request); null reads all.</param>
    public async Task<CheckInHistory> HistoryAsync(PairSpace pair, int? lastWeeks = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var ritual = await pairs.RitualAsync(pair.SpaceId, ct);
        var rule = PairCalendar.WeekRule(ritual, pair);
        var current = PairWeek.WeekOf(pair.Now, rule).Key;
        // A week of margin: stored week keys follow the ritual day of the time they were written.
        var since = lastWeeks is { } n ? current.PlusWeeks(-n).PlusDays(-7).ToDateOnly() : DateOnly.MinValue;
        var myRows = await MineAsync(pair.SpaceId, pair.Me, since, ct);
        var placed = new Dictionary<LocalDate, WeeklyCheckIn>();
        foreach (var row in myRows.OrderBy(r => r.SubmittedAt))
        {
            var slot = PairCalendar.Rekey(PairCalendar.ToLocalDate(row.Week), rule);
            if ((lastWeeks is null || slot > current.PlusWeeks(-lastWeeks.Value)) && !placed.ContainsKey(slot))
            {
                placed[slot] = row;
            }
        }

        var mine = await PlacedAsync(placed, ct);
        var theirs = new List<CheckInRecord>();
        if (pair.OtherId is { } other && mine.Count > 0)
        {
            var revealed = RevealedTo(placed.Values, await MineAsync(pair.SpaceId, other, since, ct)).GroupBy(r => r.Week).ToDictionary(g => g.Key, g => g.First());
            var theirsPlaced = placed
                .Where(p => revealed.ContainsKey(p.Value.Week))
                .ToDictionary(p => p.Key, p => revealed[p.Value.Week]);
            var mineSlots = mine.Select(m => m.Week).ToHashSet();
            theirs = (await PlacedAsync(theirsPlaced, ct)).Where(r => mineSlots.Contains(r.Week)).ToList();
        }

        return new CheckInHistory(rule, current, mine, theirs);
    }

    /// <summary>Whether the caller still has this week's check-in to do in a space with a ritual (for the discreet reminder).</summary>
    public async Task<bool> IsDueAsync(PairSpace pair, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var ritual = await pairs.RitualAsync(pair.SpaceId, ct);
        if (ritual is null)
        {
            return false;
        }

        return (await NowAsync(pair, ritual.ToRitual(), ct)).Done is null;
    }

    /// <summary>
    /// Of a member's rows near a week, the one that already does their check-in for it
    /// (<see cref="CheckInWeeks.Does"/>): that week's own, else the first sent while it ran.
    /// </summary>
    internal static T? DoneIn<T>(IEnumerable<T> rows, PairWeek current, Func<T, DateOnly> week, Func<T, DateTimeOffset> sentAt)
        where T : class
    {
        var near = rows.ToList();
        var key = PairCalendar.ToDateOnly(current.Key);
        return near.Where(r => week(r) == key).OrderBy(sentAt).FirstOrDefault()
            ?? near.Where(r => CheckInWeeks.Does(PairCalendar.ToLocalDate(week(r)), Instant.FromDateTimeOffset(sentAt(r)), current)).OrderBy(sentAt).FirstOrDefault();
    }

    private static WeeklyCheckIn? DoneIn(IEnumerable<WeeklyCheckIn> rows, PairWeek current) => DoneIn(rows, current, r => r.Week, r => r.SubmittedAt);

    /// <summary>
    /// A member's rows that can do the week starting on <paramref name="weekKey"/>: a row sent while
    /// it ran has a key at most seven days either side (a week, and a day of zone difference).
    /// </summary>
    private Task<List<WeeklyCheckIn>> NearRowsAsync(Guid spaceId, Guid userId, LocalDate weekKey, CancellationToken ct)
    {
        var from = PairCalendar.ToDateOnly(weekKey.PlusDays(-7));
        var to = PairCalendar.ToDateOnly(weekKey.PlusDays(7));
        return db.Set<WeeklyCheckIn>().AsNoTracking()
            .Where(c => c.SpaceId == spaceId && c.UserId == userId && c.Week >= from && c.Week <= to)
            .ToListAsync(ct);
    }

    /// <summary>This week for the caller: the pair week now, and the check-in of theirs that does it (if any).</summary>
    private sealed record ThisWeek(PairWeek Current, WeeklyCheckIn? Done)
    {
        /// <summary>The week the page shows as this week: the one the caller's check-in was sent in, else the pair week now.</summary>
        public LocalDate Key => Done is null ? Current.Key : PairCalendar.ToLocalDate(Done.Week);
    }

    private async Task<ThisWeek> NowAsync(PairSpace pair, Ritual rule, CancellationToken ct)
    {
        var current = PairWeek.WeekOf(pair.Now, rule);
        return new ThisWeek(current, DoneIn(await NearRowsAsync(pair.SpaceId, pair.Me, current.Key, ct), current));
    }

    private static Outcome<CheckInSubmitted> AlreadyCheckedIn() =>
        Outcome<CheckInSubmitted>.Refused(409, "Already checked in", "You've already checked in this week. Answers stay as they were first given; next week is a fresh start.");

    /// <summary>
    /// One week's view: the caller's check-in stored in exactly that week, and the other member's
    /// stored in exactly that week, only if the caller has one there too. Reads at most two rows.
    /// </summary>
    private async Task<CheckInWeekView> WeekViewAsync(PairSpace pair, Ritual rule, LocalDate key, ThisWeek now, bool ritualSet, CancellationToken ct)
    {
        var yours = await RecordAsync(await StoredInAsync(pair.SpaceId, pair.Me, key, ct), ct);
        var theirs = yours is null || pair.OtherId is not { } other
            ? null
            : await RecordAsync(await StoredInAsync(pair.SpaceId, other, key, ct), ct);
        var week = key == now.Current.Key ? now.Current : CheckInWeeks.Bounds(key, rule);
        var isCurrent = key == now.Key;
        return new CheckInWeekView(
            DailyText.Iso(key),
            week.Start.ToDateTimeOffset(),
            week.End.ToDateTimeOffset(),
            isCurrent,
            ritualSet,
            isCurrent && now.Done is null,
            yours is null ? null : CheckInAnswersView.From(yours),
            pair.IsPaired ? new OtherCheckInView(pair.OtherName!, theirs is not null, theirs is null ? null : CheckInAnswersView.From(theirs)) : null);
    }

    /// <summary>A member's check-in stored in exactly the week <paramref name="key"/> (the unique index allows one).</summary>
    private Task<WeeklyCheckIn?> StoredInAsync(Guid spaceId, Guid userId, LocalDate key, CancellationToken ct)
    {
        var week = PairCalendar.ToDateOnly(key);
        return db.Set<WeeklyCheckIn>().AsNoTracking()
            .Where(c => c.SpaceId == spaceId && c.UserId == userId && c.Week == week)
            .OrderBy(c => c.SubmittedAt)
            .FirstOrDefaultAsync(ct);
    }

    private async Task<CheckInRecord?> RecordAsync(WeeklyCheckIn? row, CancellationToken ct) =>
        row is null ? null : ReadStoredAnswers(await cipher.DecryptAsync(row.AnswersCiphertext, Context(row), ct), PairCalendar.ToLocalDate(row.Week), row.ContentVersion);

    private Task<List<WeeklyCheckIn>> MineAsync(Guid spaceId, Guid userId, DateOnly since, CancellationToken ct) =>
        db.Set<WeeklyCheckIn>().AsNoTracking().Where(c => c.SpaceId == spaceId && c.UserId == userId && c.Week >= since).OrderBy(c => c.Week).ThenBy(c => c.SubmittedAt).ToListAsync(ct);

    /// <summary>Decrypts rows placed on chart weeks; each record carries the week it is drawn at.</summary>
    private async Task<List<CheckInRecord>> PlacedAsync(Dictionary<LocalDate, WeeklyCheckIn> placed, CancellationToken ct)
    {
        var records = new List<CheckInRecord>();
        foreach (var (slot, row) in placed.OrderBy(p => p.Key))
        {
            if (await RecordAsync(row, ct) is { } record)
            {
                records.Add(record with { Week = slot });
            }
        }

        return records;
    }

    /// <summary>
    /// The other member's check-ins that are revealed to a member: only those stored in a week the
    /// member has a check-in stored in too (<see cref="CheckInWeeks.SameWeek"/>), whatever the ritual
    /// is now. The check-in page, trends, insights and the export all go by this one rule.
    /// </summary>
    internal static List<WeeklyCheckIn> RevealedTo(IEnumerable<WeeklyCheckIn> mine, IEnumerable<WeeklyCheckIn> theirs)
    {
        var myWeeks = mine.Select(r => r.Week).ToList();
        return theirs.Where(r => myWeeks.Any(w => CheckInWeeks.SameWeek(PairCalendar.ToLocalDate(w), PairCalendar.ToLocalDate(r.Week))))
            .OrderBy(r => r.Week).ThenBy(r => r.SubmittedAt).ToList();
    }

    /// <summary>The cipher context of a check-in's answers: bound to its row and to the member who gave them.</summary>
    internal static CipherContext Context(WeeklyCheckIn row) => new(Table, Column, row.Id, row.UserId);

    /// <summary>The plaintext of the encrypted answers document for a record (the same format the feature writes).</summary>
    internal static string StoredAnswers(CheckInRecord record) => JsonSerializer.Serialize(Stored.From(record), Json);

    /// <summary>Reads a decrypted answers document back; null when there is nothing (a shredded author).</summary>
    internal static CheckInRecord? ReadStoredAnswers(string? json, LocalDate week, string version) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<Stored>(json, Json)?.ToRecord(week, version);

    /// <summary>The encrypted document. Short names; never a safety field.</summary>
    private sealed record Stored(int? S, int? C, int? H, int? M, int? A, int? R, bool N, string? T, string? D)
    {
        public static Stored From(CheckInRecord r) =>
            new(r.Satisfaction, r.Closeness, r.FeltHeard, r.PhoneFreeMinutes, r.Appreciation, r.Repair, r.NoTension, r.Needs, r.NeedsDimension?.WireName());

        public CheckInRecord ToRecord(LocalDate week, string version) =>
            new(week, version, S, C, H, M, A, R, N, T, DimensionCatalog.TryParse(D, out var d) ? d : null);
    }
}

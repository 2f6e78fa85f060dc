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
/// The weekly check-in (ASSESSMENT.md): about a minute, once per member and pair week, with mutual
/// reveal per week and a private safety pulse that is never stored.
/// </summary>
public sealed class CheckInService(HearthDbContext db, PairSpaces pairs, RitualService rituals, FieldCipher cipher, IOptions<SafetyOptions> safety, TimeProvider clock)
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

        var ritual = await rituals.FindAsync(spaceId, ct);
        var rule = PairCalendar.WeekRule(ritual, pair);
        var current = PairWeek.WeekOf(pair.Now, rule);
        var from = PairCalendar.ToDateOnly(current.Key);
        var to = PairCalendar.ToDateOnly(current.Key.PlusDays(6));
        var other = pair.OtherId ?? pair.Me;
        var rows = await db.Set<WeeklyCheckIn>().AsNoTracking()
            .Where(c => c.SpaceId == spaceId && (c.UserId == pair.Me || c.UserId == other) && c.Week >= from && c.Week <= to)
            .Select(c => new { c.UserId, c.Week })
            .ToListAsync(ct);
        bool In(Guid user) => rows.Any(r => r.UserId == user && PairCalendar.Rekey(PairCalendar.ToLocalDate(r.Week), rule) == current.Key);
        var yours = In(pair.Me);
        var both = yours && pair.OtherId is { } otherId && In(otherId);
        return Outcome<CheckInWeekGlance>.Ok(new CheckInWeekGlance(DailyText.Iso(current.Key), ritual is not null, yours, both));
    }

    /// <summary>The current week, or the week containing <paramref name="date"/> (yyyy-mm-dd).</summary>
    public async Task<Outcome<CheckInWeekView>> GetWeekAsync(Guid spaceId, string? date = null, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<CheckInWeekView>.NotFound();
        }

        var ritual = await rituals.FindAsync(spaceId, ct);
        var rule = PairCalendar.WeekRule(ritual, pair);
        var current = PairWeek.WeekOf(pair.Now, rule);
        var week = current;
        if (date is not null)
        {
            if (!DailyText.TryParseDate(date, out var day))
            {
                return Outcome<CheckInWeekView>.Invalid("date", "Please give a date as year-month-day, for example 2026-11-22.");
            }

            week = PairWeek.ForKey(PairCalendar.Rekey(day, rule), rule);
            if (week.Key > current.Key)
            {
                return Outcome<CheckInWeekView>.Invalid("date", "That week hasn't started yet.");
            }
        }

        return Outcome<CheckInWeekView>.Ok(await WeekViewAsync(pair, rule, week, current, ritual is not null, ct));
    }

    public async Task<Outcome<CheckInSubmitted>> SubmitAsync(Guid spaceId, CheckInInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<CheckInSubmitted>.NotFound();
        }

        var ritual = await rituals.FindAsync(spaceId, ct);
        var rule = PairCalendar.WeekRule(ritual, pair);
        var current = PairWeek.WeekOf(pair.Now, rule);

        var errors = new FieldErrors();
        if (input.Week is not null)
        {
            if (!DailyText.TryParseDate(input.Week, out var asked))
            {
                errors.Add("week", "Please give the week as year-month-day, for example 2026-11-22, or leave it out for this week.");
            }
            else if (PairCalendar.Rekey(asked, rule) > current.Key)
            {
                errors.Add("week", "That week hasn't started yet. You can check in once it has.");
            }
            else if (PairCalendar.Rekey(asked, rule) < current.Key)
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

        if (await HasCheckedInAsync(spaceId, pair.Me, rule, current.Key, ct))
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
        var view = await WeekViewAsync(pair, rule, current, current, ritual is not null, ct);
        return Outcome<CheckInSubmitted>.Ok(new CheckInSubmitted(view, showSupport, showSupport ? safety.Value.EffectiveResources : []));
    }

    /// <summary>
    /// The caller's own check-ins, and the other member's only for weeks both checked in (revealed).
    /// Call only after <see cref="PairSpaces.OpenAsync"/> said the caller is a member.
    /// </summary>
    /// <param name="lastWeeks">Only the weeks that began at most this many weeks before the current one
    /// (trends and insights need a year at most, so years of history cost nothing per request); null reads all.</param>
    public async Task<CheckInHistory> HistoryAsync(PairSpace pair, int? lastWeeks = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var ritual = await rituals.FindAsync(pair.SpaceId, ct);
        var rule = PairCalendar.WeekRule(ritual, pair);
        var current = PairWeek.WeekOf(pair.Now, rule).Key;
        // A week of margin: stored week keys follow the ritual day of the time they were written.
        var since = lastWeeks is { } n ? current.PlusWeeks(-n).PlusDays(-7).ToDateOnly() : DateOnly.MinValue;
        var myRows = await MineAsync(pair.SpaceId, pair.Me, since, ct);
        var mine = (await RecordsAsync(myRows, rule, ct)).Where(r => lastWeeks is null || r.Week > current.PlusWeeks(-lastWeeks.Value)).ToList();
        var theirs = new List<CheckInRecord>();
        if (pair.OtherId is { } other && mine.Count > 0)
        {
            var myWeeks = mine.Select(m => m.Week).ToHashSet();
            theirs = (await RecordsAsync(RevealedTo(myRows, await MineAsync(pair.SpaceId, other, since, ct), rule), rule, ct))
                .Where(r => myWeeks.Contains(r.Week)).ToList();
        }

        return new CheckInHistory(rule, current, mine, theirs);
    }

    /// <summary>Whether the caller still has this week's check-in to do in a space with a ritual (for the discreet reminder).</summary>
    public async Task<bool> IsDueAsync(PairSpace pair, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var ritual = await rituals.FindAsync(pair.SpaceId, ct);
        if (ritual is null)
        {
            return false;
        }

        var rule = ritual.ToRitual();
        var current = PairWeek.WeekOf(pair.Now, rule).Key;
        return !await HasCheckedInAsync(pair.SpaceId, pair.Me, rule, current, ct);
    }

    private static Outcome<CheckInSubmitted> AlreadyCheckedIn() =>
        Outcome<CheckInSubmitted>.Refused(409, "Already checked in", "You've already checked in this week. Answers stay as they were first given; next week is a fresh start.");

    /// <summary>
    /// One week's view. Reads only the rows that can fall in that week (not the whole history), so
    /// its cost does not grow with the years a pair has used Hearth.
    /// </summary>
    private async Task<CheckInWeekView> WeekViewAsync(PairSpace pair, Ritual rule, PairWeek week, PairWeek current, bool ritualSet, CancellationToken ct)
    {
        var yours = (await RecordsAsync(await WeekRowsAsync(pair.SpaceId, pair.Me, week.Key, ct), rule, ct)).FirstOrDefault(r => r.Week == week.Key);
        var theirs = yours is null || pair.OtherId is not { } other
            ? null
            : (await RecordsAsync(await WeekRowsAsync(pair.SpaceId, other, week.Key, ct), rule, ct)).FirstOrDefault(r => r.Week == week.Key);
        return new CheckInWeekView(
            DailyText.Iso(week.Key),
            week.Start.ToDateTimeOffset(),
            week.End.ToDateTimeOffset(),
            week.Key == current.Key,
            ritualSet,
            week.Key == current.Key && yours is null,
            yours is null ? null : CheckInAnswersView.From(yours),
            pair.IsPaired ? new OtherCheckInView(pair.OtherName!, theirs is not null, theirs is null ? null : CheckInAnswersView.From(theirs)) : null);
    }

    /// <summary>
    /// A member's rows that can belong to the week starting on <paramref name="weekKey"/>: a stored week
    /// key re-keys to the start day on or before it (at most six days earlier), so only keys from the
    /// week's first to its last day qualify. Served by the unique (SpaceId, UserId, Week) index.
    /// </summary>
    private Task<List<WeeklyCheckIn>> WeekRowsAsync(Guid spaceId, Guid userId, LocalDate weekKey, CancellationToken ct)
    {
        var from = PairCalendar.ToDateOnly(weekKey);
        var to = PairCalendar.ToDateOnly(weekKey.PlusDays(6));
        return db.Set<WeeklyCheckIn>().AsNoTracking()
            .Where(c => c.SpaceId == spaceId && c.UserId == userId && c.Week >= from && c.Week <= to)
            .OrderBy(c => c.Week).ThenBy(c => c.SubmittedAt)
            .ToListAsync(ct);
    }

    /// <summary>Whether the member has a check-in in the week starting on <paramref name="weekKey"/> under <paramref name="rule"/>.</summary>
    private async Task<bool> HasCheckedInAsync(Guid spaceId, Guid userId, Ritual rule, LocalDate weekKey, CancellationToken ct) =>
        (await WeekRowsAsync(spaceId, userId, weekKey, ct)).Any(r => WeekOf(r, rule) == weekKey);

    private Task<List<WeeklyCheckIn>> MineAsync(Guid spaceId, Guid userId, DateOnly since, CancellationToken ct) =>
        db.Set<WeeklyCheckIn>().AsNoTracking().Where(c => c.SpaceId == spaceId && c.UserId == userId && c.Week >= since).OrderBy(c => c.Week).ThenBy(c => c.SubmittedAt).ToListAsync(ct);

    /// <summary>Decrypts and re-keys to the current week rule; if two fall in one week, the first given counts.</summary>
    private async Task<List<CheckInRecord>> RecordsAsync(List<WeeklyCheckIn> rows, Ritual rule, CancellationToken ct)
    {
        var records = new List<CheckInRecord>();
        foreach (var row in rows)
        {
            var week = PairCalendar.Rekey(PairCalendar.ToLocalDate(row.Week), rule);
            if (records.Any(r => r.Week == week))
            {
                continue;
            }

            var json = await cipher.DecryptAsync(row.AnswersCiphertext, Context(row), ct);
            if (ReadStoredAnswers(json, week, row.ContentVersion) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    /// <summary>
    /// The other member's check-ins that are revealed to a member: only those in weeks (as the pair's
    /// calendar reads them now) that the member checked in too. The check-in page, trends, insights
    /// and the export all go by this one rule.
    /// </summary>
    internal static List<WeeklyCheckIn> RevealedTo(IEnumerable<WeeklyCheckIn> mine, IEnumerable<WeeklyCheckIn> theirs, Ritual rule)
    {
        var myWeeks = mine.Select(r => WeekOf(r, rule)).ToHashSet();
        return theirs.Where(r => myWeeks.Contains(WeekOf(r, rule))).OrderBy(r => r.Week).ThenBy(r => r.SubmittedAt).ToList();
    }

    /// <summary>The week of the pair's calendar (under <paramref name="rule"/>) a stored check-in falls in.</summary>
    internal static LocalDate WeekOf(WeeklyCheckIn row, Ritual rule) => PairCalendar.Rekey(PairCalendar.ToLocalDate(row.Week), rule);

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

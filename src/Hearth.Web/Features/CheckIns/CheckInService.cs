using System.Globalization;
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
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Hearth.Web.Features.CheckIns;

/// <summary>
/// The weekly check-in (docs/product/assessment-and-insights.md): about a minute, once per member and pair week, with mutual
/// reveal per week and a private safety pulse that is never stored.
/// </summary>
public sealed partial class CheckInService(HearthDbContext db, PairSpaces pairs, FieldCipher cipher, IOptions<SafetyOptions> safety, TimeProvider clock, IStringLocalizer<CheckInsText> text)
{
    // Fields, so the use cases in the other parts of this class (CheckInService.*.cs) can read them.
    private readonly HearthDbContext db = db;
    private readonly PairSpaces pairs = pairs;
    private readonly FieldCipher cipher = cipher;
    private readonly IOptions<SafetyOptions> safety = safety;
    private readonly TimeProvider clock = clock;
    private readonly IStringLocalizer<CheckInsText> text = text;

    /// <summary>The questions' structure (ids, ranges, limits, version): the same in every language.</summary>
    public static CheckInContent Content => CheckInContent.Weekly;

    /// <summary>The questions in a member's language (a culture name such as "de"); English for anything unknown.</summary>
    public static CheckInContent ContentFor(string culture) => CheckInContent.For(culture);

    /// <summary>The questions in the request's language (<see cref="CultureInfo.CurrentUICulture"/>).</summary>
    public static CheckInContent CurrentContent => ContentFor(CultureInfo.CurrentUICulture.Name);

    /// <summary>The questions as the API and the page show them, in the request's language.</summary>
    public static CheckInQuestionsView Questions => QuestionsOf(CurrentContent);

    private static CheckInQuestionsView QuestionsOf(CheckInContent content) => new(
        content.Version,
        content.Intro,
        content.GroundRules.Title,
        content.GroundRules.Intro,
        content.GroundRules.Rules,
        content.Items.Select(i => new CheckInItemView(i.Id, i.Text, i.Min, i.Max, i.MinLabel, i.MaxLabel, i.Hint, i.NoTensionLabel)).ToList(),
        content.Needs.Text,
        content.Needs.Hint,
        content.Needs.MaxLength,
        content.SafetyPulse.Intro,
        content.SafetyPulse.Items.ToDictionary(i => i.Id, i => i.Text, StringComparer.Ordinal));

    private static WeeklyCheckIn? DoneIn(IEnumerable<WeeklyCheckIn> rows, PairWeek current) => CheckInStorage.DoneIn(rows, current, r => r.Week, r => r.SubmittedAt);

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
        row is null ? null : await cipher.ReadAsync(row, ct);

}

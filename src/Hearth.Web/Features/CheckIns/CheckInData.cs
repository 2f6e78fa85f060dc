using System.Text.Json;
using Hearth.Core.CheckIns;
using Hearth.Core.Dimensions;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Data.Export;
using Hearth.Web.Features.Daily;
using Hearth.Web.Features.DataRights;
using Hearth.Web.Features.Rituals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Hearth.Web.Features.CheckIns;

/// <summary>
/// Your weekly check-in: the seven answers (null where you skipped one), "no tension this week", and
/// what you'd like more or less of with its optional kind of closeness. "week" is the day that week
/// began on the pair's calendar when you checked in. "warningSigns" (how often things got sharp, 1 never
/// to 5 very often) is absent or null in check-ins from before it was asked.
/// </summary>
public sealed record CheckInExportItem(
    string Week,
    string ContentVersion,
    int? Satisfaction,
    int? Closeness,
    int? FeltHeard,
    int? PhoneFreeMinutes,
    int? Appreciation,
    int? Repair,
    bool NoTension,
    string? Needs,
    string? NeedsDimension,
    DateTimeOffset SubmittedAt,
    int? WarningSigns = null);

/// <summary>The other person's check-in for a week you both checked in (mutual reveal).</summary>
public sealed record RevealedCheckInItem(
    string Week,
    string ContentVersion,
    int? Satisfaction,
    int? Closeness,
    int? FeltHeard,
    int? PhoneFreeMinutes,
    int? Appreciation,
    int? Repair,
    bool NoTension,
    string? Needs,
    string? NeedsDimension,
    int? WarningSigns = null);

/// <summary>
/// Weekly check-ins: yours, every week you checked in; theirs only for weeks you both checked in,
/// exactly as the check-in page reveals them. Only the scored answers are ever stored; the private
/// questions at the end of a check-in are looked at once and dropped, so there is nothing of them here.
/// </summary>
public sealed class CheckInData(HearthDbContext db, FieldCipher cipher, IStringLocalizer<CheckInsText> text) : IPersonalDataKind
{
    public string Name => "checkIns";

    public KindDisplay Display { get; } = new("Your weekly check-ins", "Their check-ins, for weeks you both checked in");

    public async Task<KindExport> ExportAsync(MemberSpace space, CancellationToken ct)
    {
        var rows = await db.Set<WeeklyCheckIn>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.SpaceId == space.SpaceId)
            .OrderBy(c => c.Week).ThenBy(c => c.SubmittedAt)
            .ToListAsync(ct);
        var mineRows = rows.Where(r => r.UserId == space.Me).ToList();
        var mine = new List<CheckInExportItem>(mineRows.Count);
        foreach (var row in mineRows)
        {
            if (await ReadAsync(row, ct) is { } r)
            {
                mine.Add(new CheckInExportItem(
                    Week(row), row.ContentVersion, r.Satisfaction, r.Closeness, r.FeltHeard, r.PhoneFreeMinutes, r.Appreciation, r.Repair,
                    r.NoTension, r.Needs, r.NeedsDimension?.WireName(), ExportJson.Instant(row.SubmittedAt), r.WarningSigns));
            }
        }

        // Mutual reveal, by the same rule as the check-in page: only their check-ins stored in a week
        // one of yours is stored in, whatever the ritual is now (a ritual change never reveals one).
        var shared = new List<RevealedCheckInItem>();
        var seen = new HashSet<DateOnly>();
        foreach (var row in CheckInStorage.RevealedTo(mineRows, rows.Where(r => r.UserId != space.Me)))
        {
            if (seen.Add(row.Week) && await ReadAsync(row, ct) is { } r)
            {
                shared.Add(new RevealedCheckInItem(
                    Week(row), row.ContentVersion, r.Satisfaction, r.Closeness, r.FeltHeard, r.PhoneFreeMinutes, r.Appreciation, r.Repair,
                    r.NoTension, r.Needs, r.NeedsDimension?.WireName(), r.WarningSigns));
            }
        }

        return KindExport.Of(mine, shared);
    }

    public ImportWriter? PrepareImport(JsonElement mine, string path, FieldErrors errors)
    {
        var items = ExportJson.ReadList<CheckInExportItem>(mine, path, errors);
        if (items is null)
        {
            return null;
        }

        var content = CheckInService.Content;
        var weeks = new HashSet<LocalDate>();
        var clean = new List<(CheckInRecord Record, DateTimeOffset SubmittedAt)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = $"{path}[{i}]";
            var weekOk = DailyText.TryParseDate(item.Week, out var week);
            if (!weekOk)
            {
                errors.Add($"{at}.week", text["ImportWeekFormat"]);
            }
            else if (!weeks.Add(week))
            {
                errors.Add($"{at}.week", text["ImportWeekTwice"]);
            }

            if (item.ContentVersion != content.Version)
            {
                errors.Add($"{at}.contentVersion", text["ImportOtherVersion", content.Version]);
            }

            // The same reading and the same messages as a check-in sent today (CheckInInputReader).
            var before = errors.ToDictionary().Sum(e => e.Value.Length);
            var answers = CheckInInputReader.Read(
                content,
                new CheckInInput(null, item.Satisfaction, item.Closeness, item.FeltHeard, item.PhoneFreeMinutes, item.Appreciation, item.Repair, item.NoTension, item.Needs, item.NeedsDimension, WarningSigns: item.WarningSigns),
                $"{at}.",
                errors,
                text);
            var answersOk = errors.ToDictionary().Sum(e => e.Value.Length) == before;

            // With any problem anywhere nothing is written, so only a sound item needs its record.
            if (weekOk && answersOk)
            {
                clean.Add((answers.ToRecord(content, week), item.SubmittedAt));
            }
        }

        return async (target, token) =>
        {
            foreach (var (record, submittedAt) in clean)
            {
                db.Add(await cipher.NewRowAsync(target.SpaceId, target.Me, record, submittedAt, token));
            }
        };
    }

    /// <summary>The person's own check-ins go; the other person's stay theirs.</summary>
    public Task EraseAsync(Guid userId, CancellationToken ct) =>
        db.Set<WeeklyCheckIn>().IgnoreQueryFilters().Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);

    private Task<CheckInRecord?> ReadAsync(WeeklyCheckIn row, CancellationToken ct) => cipher.ReadAsync(row, ct);

    private static string Week(WeeklyCheckIn row) => DailyText.Iso(PairCalendar.ToLocalDate(row.Week));
}

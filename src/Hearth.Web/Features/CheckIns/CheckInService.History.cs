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

/// <summary>A member's history for trends and insights, with the other member's revealed weeks.</summary>
public sealed partial class CheckInService
{
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
        // The ritual read with the pair (the same row PairSpaces.RitualAsync hands out), so the history
        // is the one its member sees, also when the caller is a counsellor (ADR 50 §2).
        var ritual = pair.Ritual;
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
            var revealed = CheckInStorage.RevealedTo(placed.Values, await MineAsync(pair.SpaceId, other, since, ct)).GroupBy(r => r.Week).ToDictionary(g => g.Key, g => g.First());
            var theirsPlaced = placed
                .Where(p => revealed.ContainsKey(p.Value.Week))
                .ToDictionary(p => p.Key, p => revealed[p.Value.Week]);
            var mineSlots = mine.Select(m => m.Week).ToHashSet();
            theirs = (await PlacedAsync(theirsPlaced, ct)).Where(r => mineSlots.Contains(r.Week)).ToList();
        }

        return new CheckInHistory(rule, current, mine, theirs);
    }

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
}

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

/// <summary>Reading a week: the dashboard's glance and the week view.</summary>
public sealed partial class CheckInService
{
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

            // A week a check-in was sent in (yours or theirs) is found by its own first day, whatever the
            // ritual is now: a zone change can put theirs after this week's start, and it is still a week
            // that happened. Its view shows their answers only where yours is in the same week.
            var sentThen = PairCalendar.ToDateOnly(day);
            if (!await db.Set<WeeklyCheckIn>().AsNoTracking().AnyAsync(c => c.SpaceId == spaceId && c.Week == sentThen, ct))
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
}

using Hearth.Core.Prompts;
using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Hearth.Web.Features.Prompts;

/// <summary>Choosing the day's prompt on its first visit, from the recent history the recommender reads.</summary>
public sealed partial class PromptService
{
    /// <summary>The day's stored prompt, choosing and storing it on the first visit of the day.</summary>
    private async Task<PromptDay> EnsureDayAsync(PairSpace pair, LocalDate date, CancellationToken ct)
    {
        var key = date.ToDateOnly();
        var existing = await db.Set<PromptDay>().FirstOrDefaultAsync(d => d.SpaceId == pair.SpaceId && d.Date == key, ct);
        if (existing is not null)
        {
            return existing;
        }

        // Only the recent window and the unlock thresholds change the choice (DailyPromptRecommender.HistoryStart),
        // so this reads the same few rows after five years as after five weeks.
        // The window, and the newest day before it (whether there was any day at all matters): one index range.
        var since = DailyPromptRecommender.HistoryStart(date).ToDateOnly();
        var windowStart = since.AddDays(1);
        var shown = await db.Set<PromptDay>().AsNoTracking()
            .Where(d => d.SpaceId == pair.SpaceId && d.Date < key
                        && d.Date >= (db.Set<PromptDay>().Where(o => o.SpaceId == pair.SpaceId && o.Date <= since).Max(o => (DateOnly?)o.Date) ?? windowStart))
            .Select(d => new { d.Date, d.PromptId })
            .ToListAsync(ct);
        var answered = await AnsweredByDepthAsync(pair, key, ct);

        var (first, second) = await consent.ForSpaceAsync(pair.SpaceId, ct);
        var choice = DailyPromptRecommender.Choose(new DailyPromptRequest(
            pair.SpaceId,
            date,
            pair.Kind,
            first,
            pair.IsPaired && second,
            pair.LivingApart,
            await priorities.ForSpaceAsync(pair.SpaceId, ct),
            answered,
            shown.Select(d => new PromptShown(d.PromptId, LocalDate.FromDateOnly(d.Date))).ToList()));

        var day = new PromptDay
        {
            Id = Guid.CreateVersion7(),
            SpaceId = pair.SpaceId,
            Date = key,
            PromptId = choice.Prompt.Id,
            Explanation = PromptExplanation.Store(choice.Reasons),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(day);
        try
        {
            await db.SaveChangesAsync(ct);
            return day;
        }
        catch (DbUpdateException race) when (DbErrors.IsUniqueViolation(race))
        {
            // The other member opened the day at the same moment: theirs is the day's prompt.
            db.Entry(day).State = EntityState.Detached;
            return await db.Set<PromptDay>().FirstAsync(d => d.SpaceId == pair.SpaceId && d.Date == key, ct);
        }
    }

    /// <summary>
    /// Days both members answered (one member, before the other joins), by depth, newest first and only
    /// until the unlock thresholds are reached: one short read for a pair that keeps answering. A pair that
    /// has answered many days without reaching them is counted in full, in one grouped query.
    /// </summary>
    private async Task<AnsweredByDepth> AnsweredByDepthAsync(PairSpace pair, DateOnly before, CancellationToken ct)
    {
        const int Recent = 64;
        var members = pair.IsPaired ? 2 : 1;
        var answeredDays = db.Set<PromptDay>().AsNoTracking()
            .Where(d => d.SpaceId == pair.SpaceId && d.Date < before
                        && db.Set<PromptResponse>().Count(r => r.SpaceId == pair.SpaceId && r.PromptDayId == d.Id && !r.Skipped) >= members);
        var recent = await answeredDays.OrderByDescending(d => d.Date).Take(Recent).Select(d => d.PromptId).ToListAsync(ct);
        var counts = Tally(recent.Select(id => (id, 1)));
        if (recent.Count == Recent && !Unlocked(counts))
        {
            var all = await answeredDays.GroupBy(d => d.PromptId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            counts = Tally(all.Select(g => (g.Key, g.Count)));
        }

        return counts;

        static AnsweredByDepth Tally(IEnumerable<(string PromptId, int Count)> days)
        {
            var tally = AnsweredByDepth.None;
            foreach (var (promptId, count) in days)
            {
                if (PromptCatalog.Default.TryGet(promptId, out var prompt))
                {
                    tally = prompt.Depth switch
                    {
                        PromptDepth.Light => tally with { Light = tally.Light + count },
                        PromptDepth.Medium => tally with { Medium = tally.Medium + count },
                        _ => tally with { Deep = tally.Deep + count },
                    };
                }
            }

            return tally;
        }

        static bool Unlocked(AnsweredByDepth counts) =>
            counts.Light >= DailyPromptRecommender.MediumUnlocksAfterLightAnswers
            && counts.Medium >= DailyPromptRecommender.DeepUnlocksAfterMediumAnswers;
    }
}

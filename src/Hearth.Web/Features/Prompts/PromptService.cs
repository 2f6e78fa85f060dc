using Hearth.Core.Dimensions;
using Hearth.Core.Prompts;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Features.Daily;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Hearth.Web.Features.Prompts;

/// <summary>
/// Today's conversation prompt for a pair, chosen by <see cref="DailyPromptRecommender"/> on the pair's
/// calendar, with mutual reveal: a member sees the other's answer only after both answered.
/// </summary>
public sealed class PromptService(
    HearthDbContext db,
    PairSpaces pairs,
    FieldCipher cipher,
    IPriorityDimensions priorities,
    ISexualContentConsent consent,
    TimeProvider clock)
{
    public const int MaxAnswerLength = 2000;
    private const string Table = "PromptResponses";
    private const string Column = "Answer";

    public async Task<Outcome<PromptDayView>> TodayAsync(Guid spaceId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<PromptDayView>.NotFound();
        }

        var day = await EnsureDayAsync(pair, pair.Today, ct);
        return Outcome<PromptDayView>.Ok(await ViewAsync(pair, day, ct));
    }

    /// <summary>
    /// Today's question at a glance, for the pair dashboard: the words and where each stands, never the
    /// answers (nothing is decrypted). Today's prompt and its responses come in one query once the day
    /// exists; the first look of the day chooses it, as <see cref="TodayAsync"/> does.
    /// </summary>
    public async Task<Outcome<PromptGlance>> GlanceAsync(Guid spaceId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<PromptGlance>.NotFound();
        }

        var key = pair.Today.ToDateOnly();
        var found = await db.Set<PromptDay>().AsNoTracking()
            .Where(d => d.SpaceId == spaceId && d.Date == key)
            .Select(d => new
            {
                d.PromptId,
                Responses = db.Set<PromptResponse>().Where(r => r.PromptDayId == d.Id).Select(r => new { r.UserId, r.Skipped }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        var promptId = found?.PromptId ?? (await EnsureDayAsync(pair, pair.Today, ct)).PromptId;
        var responses = found?.Responses ?? [];
        var mine = responses.FirstOrDefault(r => r.UserId == pair.Me);
        var theirs = pair.OtherId is { } other ? responses.FirstOrDefault(r => r.UserId == other) : null;
        var prompt = PromptCatalog.Default.TryGet(promptId, out var p) ? p : PromptCatalog.Default.Prompts[0];
        return Outcome<PromptGlance>.Ok(new PromptGlance(
            DailyText.Iso(pair.Today),
            prompt.Text,
            prompt.Dimension.Title(),
            mine is null ? PromptResponseState.Open : mine.Skipped ? PromptResponseState.Skipped : PromptResponseState.Answered,
            mine is { Skipped: false } && theirs is { Skipped: false }));
    }

    public Task<Outcome<PromptDayView>> AnswerAsync(Guid spaceId, string? date, PromptAnswerInput input, CancellationToken ct = default) =>
        RespondAsync(spaceId, date, input?.Text, skip: false, ct);

    public Task<Outcome<PromptDayView>> SkipAsync(Guid spaceId, string? date, CancellationToken ct = default) =>
        RespondAsync(spaceId, date, null, skip: true, ct);

    private async Task<Outcome<PromptDayView>> RespondAsync(Guid spaceId, string? rawDate, string? rawText, bool skip, CancellationToken ct)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<PromptDayView>.NotFound();
        }

        var errors = new FieldErrors();
        if (!DailyText.TryParseDate(rawDate, out var date))
        {
            errors.Add("date", "Please give the prompt's date as year-month-day, for example 2026-11-21.");
        }

        var text = skip ? null : DailyText.Clean(rawText, MaxAnswerLength, "text", errors, "Write a few words, or skip this one. Skipping is always fine.");
        if (errors.Any)
        {
            return errors.ToOutcome<PromptDayView>();
        }

        // Today, or yesterday (an answer typed just before midnight still counts for its own prompt).
        if (date > pair.Today)
        {
            return Outcome<PromptDayView>.Invalid("date", "That day's prompt isn't here yet.");
        }

        var day = date == pair.Today
            ? await EnsureDayAsync(pair, date, ct)
            : date == pair.Today.PlusDays(-1)
                ? await db.Set<PromptDay>().FirstOrDefaultAsync(d => d.SpaceId == spaceId && d.Date == date.ToDateOnly(), ct)
                : null;
        if (day is null)
        {
            return Outcome<PromptDayView>.Refused(409, "That day has passed", "That prompt's day has passed. Today's prompt is waiting for you.");
        }

        var me = pair.Me;
        var mine = await db.Set<PromptResponse>().FirstOrDefaultAsync(r => r.PromptDayId == day.Id && r.UserId == me, ct);
        if (mine is { Skipped: false })
        {
            return Outcome<PromptDayView>.Refused(409, "Already answered", "You've already answered this one. Answers stay as they were given, so you both read what was first shared.");
        }

        if (mine is not null && skip)
        {
            return Outcome<PromptDayView>.Ok(await ViewAsync(pair, day, ct));
        }

        if (mine is null)
        {
            mine = new PromptResponse { Id = Guid.CreateVersion7(), SpaceId = spaceId, PromptDayId = day.Id, UserId = me };
            db.Add(mine);
        }

        mine.Skipped = skip;
        mine.RespondedAt = clock.GetUtcNow();
        mine.AnswerCiphertext = text is null ? null : await cipher.EncryptAsync(text, new CipherContext(Table, Column, mine.Id, me), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException race) when (DbErrors.IsUniqueViolation(race))
        {
            // The same person answered twice at the same moment (two tabs): the first one stands.
            return Outcome<PromptDayView>.Refused(409, "Already answered", "You've already answered this one. Answers stay as they were given, so you both read what was first shared.");
        }

        return Outcome<PromptDayView>.Ok(await ViewAsync(pair, day, ct));
    }

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
            Explanation = choice.Explanation,
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

    private async Task<PromptDayView> ViewAsync(PairSpace pair, PromptDay day, CancellationToken ct)
    {
        var responses = await db.Set<PromptResponse>().AsNoTracking().Where(r => r.PromptDayId == day.Id).ToListAsync(ct);
        var mine = responses.FirstOrDefault(r => r.UserId == pair.Me);
        var theirs = pair.OtherId is { } other ? responses.FirstOrDefault(r => r.UserId == other) : null;
        var myText = mine is { Skipped: false } ? await cipher.DecryptAsync(mine.AnswerCiphertext, new CipherContext(Table, Column, mine.Id, mine.UserId), ct) : null;

        // Mutual reveal: only when both answered (a skip never reveals, and is never shown as a skip).
        var revealed = mine is { Skipped: false } && theirs is { Skipped: false };
        var theirText = revealed ? await cipher.DecryptAsync(theirs!.AnswerCiphertext, new CipherContext(Table, Column, theirs.Id, theirs.UserId), ct) : null;

        var prompt = PromptCatalog.Default.TryGet(day.PromptId, out var p) ? p : PromptCatalog.Default.Prompts[0];
        return new PromptDayView(
            DailyText.Iso(LocalDate.FromDateOnly(day.Date)),
            prompt.Id,
            prompt.Text,
            prompt.Dimension.WireName(),
            prompt.Dimension.Title(),
            prompt.Depth.WireName(),
            day.Explanation,
            prompt.Depth == PromptDepth.Deep ? DailyPromptRecommender.DeepSkipNote : null,
            new OwnResponseView(mine is null ? PromptResponseState.Open : mine.Skipped ? PromptResponseState.Skipped : PromptResponseState.Answered, myText),
            pair.IsPaired ? new OtherResponseView(pair.OtherName!, revealed, theirText) : null);
    }
}

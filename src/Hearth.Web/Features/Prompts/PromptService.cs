using Hearth.Core.Dimensions;
using Hearth.Core.Prompts;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Features.Daily;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Hearth.Web.Features.Prompts;

/// <summary>
/// Today's conversation prompt for a pair, chosen by <see cref="DailyPromptRecommender"/> on the pair's
/// calendar, with mutual reveal: a member sees the other's answer only after both answered.
/// </summary>
public sealed partial class PromptService(
    HearthDbContext db,
    PairSpaces pairs,
    FieldCipher cipher,
    IPriorityDimensions priorities,
    ISexualContentConsent consent,
    IStringLocalizer<PromptsText> words,
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
        var prompt = InMyLanguage(promptId);
        return Outcome<PromptGlance>.Ok(new PromptGlance(
            DailyText.Iso(pair.Today),
            prompt.Text,
            PromptExplanation.DimensionTitle(prompt.Dimension, words),
            mine is null ? PromptResponseState.Open : mine.Skipped ? PromptResponseState.Skipped : PromptResponseState.Answered,
            mine is { Skipped: false } && theirs is { Skipped: false }));
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

        var prompt = InMyLanguage(day.PromptId);
        return new PromptDayView(
            DailyText.Iso(LocalDate.FromDateOnly(day.Date)),
            prompt.Id,
            prompt.Text,
            prompt.Dimension.WireName(),
            PromptExplanation.DimensionTitle(prompt.Dimension, words),
            prompt.Depth.WireName(),
            PromptExplanation.Read(day.Explanation, prompt, words),
            prompt.Depth == PromptDepth.Deep ? words["DeepSkipNote"].Value : null,
            new OwnResponseView(mine is null ? PromptResponseState.Open : mine.Skipped ? PromptResponseState.Skipped : PromptResponseState.Answered, myText),
            pair.IsPaired ? new OtherResponseView(pair.OtherName!, revealed, theirText) : null);
    }

    /// <summary>The day's prompt (the same id for both members) in the caller's language.</summary>
    private static ConversationPrompt InMyLanguage(string promptId)
    {
        var catalog = PromptCatalog.For(CultureInfo.CurrentUICulture.Name);
        return catalog.TryGet(promptId, out var p) ? p : catalog.Prompts[0];
    }
}

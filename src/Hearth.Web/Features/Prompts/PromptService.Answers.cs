using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Features.Prompts;

/// <summary>Answering or skipping a day's prompt: today's, or yesterday's just after midnight; the first answer stands.</summary>
public sealed partial class PromptService
{
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
            errors.Add("date", words["DateFormat"].Value);
        }

        var text = skip ? null : DailyText.Clean(rawText, MaxAnswerLength, "text", errors, words["AnswerEmpty"].Value);
        if (errors.Any)
        {
            return errors.ToOutcome<PromptDayView>();
        }

        // Today, or yesterday (an answer typed just before midnight still counts for its own prompt).
        if (date > pair.Today)
        {
            return Outcome<PromptDayView>.Invalid("date", words["NotYet"].Value);
        }

        var day = date == pair.Today
            ? await EnsureDayAsync(pair, date, ct)
            : date == pair.Today.PlusDays(-1)
                ? await db.Set<PromptDay>().FirstOrDefaultAsync(d => d.SpaceId == spaceId && d.Date == date.ToDateOnly(), ct)
                : null;
        if (day is null)
        {
            return Outcome<PromptDayView>.Refused(409, words["DayPassedTitle"].Value, words["DayPassed"].Value);
        }

        var me = pair.Me;
        var mine = await db.Set<PromptResponse>().FirstOrDefaultAsync(r => r.PromptDayId == day.Id && r.UserId == me, ct);
        if (mine is { Skipped: false })
        {
            return Outcome<PromptDayView>.Refused(409, words["AlreadyAnsweredTitle"].Value, words["AlreadyAnswered"].Value);
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
            return Outcome<PromptDayView>.Refused(409, words["AlreadyAnsweredTitle"].Value, words["AlreadyAnswered"].Value);
        }

        return Outcome<PromptDayView>.Ok(await ViewAsync(pair, day, ct));
    }
}

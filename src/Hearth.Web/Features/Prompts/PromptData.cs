using System.Text.Json;
using Hearth.Core.Prompts;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Data.Export;
using Hearth.Web.Features.Daily;
using Hearth.Web.Features.DataRights;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Hearth.Web.Features.Prompts;

/// <summary>Your answer to (or skip of) a day's question. "prompt" is the question's text, for reading; import goes by promptId.</summary>
public sealed record PromptAnswerItem(string Date, string PromptId, string Prompt, bool Skipped, string? Answer, DateTimeOffset RespondedAt);

/// <summary>The other person's answer, revealed to you because you both answered that day.</summary>
public sealed record RevealedPromptAnswerItem(string Date, string PromptId, string Prompt, string Answer);

/// <summary>Daily questions: your answers and skips; theirs only on days you both answered (mutual reveal).</summary>
public sealed class PromptData(HearthDbContext db, FieldCipher cipher) : IPersonalDataKind
{
    private const string Table = "PromptResponses";
    private const string Column = "Answer";
    internal const string ImportedExplanation = "This question came along with your data from another Hearth.";

    public string Name => "promptAnswers";

    public KindDisplay Display { get; } = new("Your answers to the daily question", "Their answers, on days you both answered");

    public async Task<KindExport> ExportAsync(MemberSpace space, CancellationToken ct)
    {
        var rows = await (from r in db.Set<PromptResponse>().IgnoreQueryFilters()
                          join d in db.Set<PromptDay>().IgnoreQueryFilters() on r.PromptDayId equals d.Id
                          where r.SpaceId == space.SpaceId
                          select new { Response = r, d.Date, d.PromptId })
            .AsNoTracking()
            .ToListAsync(ct);
        var mine = new List<PromptAnswerItem>();
        var shared = new List<RevealedPromptAnswerItem>();
        var answeredByMe = rows.Where(r => r.Response.UserId == space.Me && !r.Response.Skipped).Select(r => r.Response.PromptDayId).ToHashSet();
        foreach (var row in rows)
        {
            var r = row.Response;
            var date = DailyText.Iso(LocalDate.FromDateOnly(row.Date));
            if (r.UserId == space.Me)
            {
                var text = r.Skipped ? null : await cipher.DecryptAsync(r.AnswerCiphertext, new CipherContext(Table, Column, r.Id, r.UserId), ct);
                mine.Add(new PromptAnswerItem(date, row.PromptId, PromptText(row.PromptId), r.Skipped, text, ExportJson.Instant(r.RespondedAt)));
            }
            else if (!r.Skipped && answeredByMe.Contains(r.PromptDayId)
                     && await cipher.DecryptAsync(r.AnswerCiphertext, new CipherContext(Table, Column, r.Id, r.UserId), ct) is { } theirs)
            {
                // Mutual reveal: only days both answered. A shredded (deleted) author's answer is simply gone.
                shared.Add(new RevealedPromptAnswerItem(date, row.PromptId, PromptText(row.PromptId), theirs));
            }
        }

        return KindExport.Of(mine, shared);
    }

    public ImportWriter? PrepareImport(JsonElement mine, string path, FieldErrors errors)
    {
        var items = ExportJson.ReadList<PromptAnswerItem>(mine, path, errors);
        if (items is null)
        {
            return null;
        }

        var dates = new HashSet<LocalDate>();
        var clean = new List<(LocalDate Date, string PromptId, string? Text, bool Skipped, DateTimeOffset At)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = $"{path}[{i}]";
            if (!DailyText.TryParseDate(item.Date, out var date))
            {
                errors.Add($"{at}.date", "Dates are year-month-day, for example 2026-11-21.");
                continue;
            }

            if (!dates.Add(date))
            {
                errors.Add($"{at}.date", "There is more than one answer for this day.");
            }

            if (!PromptCatalog.Default.TryGet(item.PromptId, out _))
            {
                errors.Add($"{at}.promptId", "This question is not one this Hearth knows.");
            }

            string? text = null;
            if (item.Skipped && item.Answer is not null)
            {
                errors.Add($"{at}.answer", "A skipped question has no answer.");
            }
            else if (!item.Skipped)
            {
                text = DailyText.Clean(item.Answer, PromptService.MaxAnswerLength, $"{at}.answer", errors, "An answered question needs its answer.");
            }

            clean.Add((date, item.PromptId, text, item.Skipped, item.RespondedAt));
        }

        return async (target, token) =>
        {
            foreach (var (date, promptId, text, skipped, respondedAt) in clean)
            {
                var day = new PromptDay
                {
                    Id = Guid.CreateVersion7(),
                    SpaceId = target.SpaceId,
                    Date = date.ToDateOnly(),
                    PromptId = promptId,
                    Explanation = ImportedExplanation,
                    CreatedAt = respondedAt,
                };
                var response = new PromptResponse
                {
                    Id = Guid.CreateVersion7(),
                    SpaceId = target.SpaceId,
                    PromptDayId = day.Id,
                    UserId = target.Me,
                    Skipped = skipped,
                    RespondedAt = respondedAt,
                };
                response.AnswerCiphertext = text is null ? null : await cipher.EncryptAsync(text, new CipherContext(Table, Column, response.Id, target.Me), token);
                db.Add(day);
                db.Add(response);
            }
        };
    }

    public Task EraseAsync(Guid userId, CancellationToken ct) =>
        db.Set<PromptResponse>().IgnoreQueryFilters().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);

    private static string PromptText(string promptId) => PromptCatalog.Default.TryGet(promptId, out var p) ? p.Text : "";
}

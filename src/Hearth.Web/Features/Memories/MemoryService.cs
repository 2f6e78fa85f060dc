using Hearth.Core.Memories;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Features.Daily;
using Hearth.Core.FreeText;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Hearth.Web.Features.Memories;

/// <summary>The pair's shared timeline, with "on this day" resurfacing.</summary>
public sealed class MemoryService(HearthDbContext db, PairSpaces pairs, FieldCipher cipher, IStringLocalizer<MemoriesText> words, TimeProvider clock)
{
    private const string Table = "Memories";

    public async Task<Outcome<TimelineView>> TimelineAsync(Guid spaceId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<TimelineView>.NotFound();
        }

        var rows = await VisibleTo(pair).OrderByDescending(m => m.Date).ThenByDescending(m => m.CreatedAt).ToListAsync(ct);
        var views = new List<MemoryView>(rows.Count);
        foreach (var row in rows)
        {
            views.Add(await ViewAsync(pair, row, ct));
        }

        var byId = views.ToDictionary(v => v.Id);
        var today = pair.Today;
        var onThisDay = OnThisDay.Find(views.Select(v => new SharedMemory(v.Id, Parse(v.Date), MemoryKinds.TryParse(v.Kind, out var k) ? k : MemoryKind.SharedExperience, v.Title, v.Text)), today)
            .Select(m => new OnThisDayView(OnThisDay.YearsAgo(m, today) is var years && years == 1 ? words["OneYearAgo"].Value : words["YearsAgo", years].Value, byId[m.Id]))
            .ToList();
        return Outcome<TimelineView>.Ok(new TimelineView(DailyText.Iso(today), views, onThisDay));
    }

    public async Task<Outcome<MemoryView>> GetAsync(Guid spaceId, Guid memoryId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<MemoryView>.NotFound();
        }

        var row = await VisibleTo(pair).FirstOrDefaultAsync(m => m.Id == memoryId, ct);
        return row is null ? Outcome<MemoryView>.NotFound() : Outcome<MemoryView>.Ok(await ViewAsync(pair, row, ct));
    }

    public async Task<Outcome<MemoryView>> AddAsync(Guid spaceId, MemoryInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<MemoryView>.NotFound();
        }

        var row = new Memory { Id = Guid.CreateVersion7(), SpaceId = spaceId, AuthorUserId = pair.Me, CreatedAt = clock.GetUtcNow() };
        var checkedInput = await FillAsync(pair, row, input, ct);
        if (checkedInput is not null)
        {
            return checkedInput;
        }

        db.Add(row);
        await db.SaveChangesAsync(ct);
        return Outcome<MemoryView>.Ok(await ViewAsync(pair, row, ct));
    }

    public async Task<Outcome<MemoryView>> UpdateAsync(Guid spaceId, Guid memoryId, MemoryInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<MemoryView>.NotFound();
        }

        var row = await OwnAsync(pair, memoryId, ct);
        if (row is null)
        {
            return Outcome<MemoryView>.NotFound();
        }

        var checkedInput = await FillAsync(pair, row, input, ct);
        if (checkedInput is not null)
        {
            return checkedInput;
        }

        await db.SaveChangesAsync(ct);
        return Outcome<MemoryView>.Ok(await ViewAsync(pair, row, ct));
    }

    public async Task<Outcome<Done>> DeleteAsync(Guid spaceId, Guid memoryId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<Done>.NotFound();
        }

        var row = await OwnAsync(pair, memoryId, ct);
        if (row is null)
        {
            return Outcome<Done>.NotFound();
        }

        // One statement, so the same delete sent twice at once removes it once and the other finds nothing (404), never a 500.
        var removed = await db.Set<Memory>().Where(m => m.Id == row.Id && m.AuthorUserId == pair.Me).ExecuteDeleteAsync(ct);
        return removed == 1 ? Outcome<Done>.Ok(default) : Outcome<Done>.NotFound();
    }

    /// <summary>
    /// The author's own memory. The other member's memories, shared or not, answer "not found" here:
    /// only the author can change or delete what they wrote.
    /// </summary>
    private Task<Memory?> OwnAsync(PairSpace pair, Guid memoryId, CancellationToken ct) =>
        db.Set<Memory>().FirstOrDefaultAsync(m => m.Id == memoryId && m.SpaceId == pair.SpaceId && m.AuthorUserId == pair.Me, ct);

    /// <summary>The caller's own memories and the other member's shared ones. Never the other's private ones.</summary>
    private IQueryable<Memory> VisibleTo(PairSpace pair) =>
        db.Set<Memory>().AsNoTracking().Where(m => m.SpaceId == pair.SpaceId && (m.AuthorUserId == pair.Me || m.Shared));

    /// <summary>Checks the input and writes it into the row (encrypting title and text); answers the problem, or null when all is well.</summary>
    private async Task<Outcome<MemoryView>?> FillAsync(PairSpace pair, Memory row, MemoryInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = row.Date == default ? pair.Today : LocalDate.FromDateOnly(row.Date);
        if (!string.IsNullOrWhiteSpace(input.Date) && !DailyText.TryParseDate(input.Date, out date))
        {
            errors.Add("date", words["DateFormat"].Value);
        }

        var kind = row.Kind == default ? MemoryKind.SharedExperience : row.Kind;
        if (!string.IsNullOrWhiteSpace(input.Kind) && !MemoryKinds.TryParse(input.Kind, out kind))
        {
            errors.Add("kind", words["UnknownKind"].Value);
        }

        if (errors.Any)
        {
            return errors.ToOutcome<MemoryView>();
        }

        var title = input.Title?.Replace("\r\n", "\n", StringComparison.Ordinal);
        var text = input.Text?.Replace("\r\n", "\n", StringComparison.Ordinal);
        var result = MemoryRules.Create(row.Id, date, kind, title, text, pair.Today);
        foreach (var error in result.Errors)
        {
            errors.Add(error.Problem switch
            {
                MemoryProblem.EmptyTitle or MemoryProblem.TitleTooLong => "title",
                MemoryProblem.TextTooLong => "text",
                MemoryProblem.DateInFuture or MemoryProblem.DateTooEarly => "date",
                _ => "kind",
            }, Message(error));
        }

        var memory = result.Memory;
        if (memory is not null && DailyText.HasHiddenControl(memory.Title, oneLine: true))
        {
            errors.Add("title", words["TitleOneLine"].Value);
        }

        if (memory is not null && DailyText.HasHiddenControl(memory.Text))
        {
            errors.Add("text", DailyText.HiddenControlMessage);
        }

        if (errors.Any)
        {
            return errors.ToOutcome<MemoryView>();
        }

        row.Date = memory!.Date.ToDateOnly();
        row.Kind = memory.Kind;
        row.Shared = input.Shared ?? row.Shared;
        row.TitleCiphertext = await cipher.EncryptAsync(memory.Title, new CipherContext(Table, "Title", row.Id, pair.Me), ct);
        row.TextCiphertext = memory.Text.Length == 0 ? null : await cipher.EncryptAsync(memory.Text, new CipherContext(Table, "Text", row.Id, pair.Me), ct);
        row.UpdatedAt = clock.GetUtcNow();
        return null;
    }

    private async Task<MemoryView> ViewAsync(PairSpace pair, Memory row, CancellationToken ct)
    {
        var title = await cipher.DecryptAsync(row.TitleCiphertext, new CipherContext(Table, "Title", row.Id, row.AuthorUserId), ct);
        var text = await cipher.DecryptAsync(row.TextCiphertext, new CipherContext(Table, "Text", row.Id, row.AuthorUserId), ct);
        var yours = row.AuthorUserId == pair.Me;
        return new MemoryView(
            row.Id,
            DailyText.Iso(LocalDate.FromDateOnly(row.Date)),
            row.Kind.WireName(),
            KindLabel(row.Kind, words),
            title ?? "",
            text ?? "",
            row.Shared,
            yours,
            yours ? null : pair.OtherName);
    }

    /// <summary>"A first", "A tradition" … in the caller's language.</summary>
    public static string KindLabel(MemoryKind kind, IStringLocalizer<MemoriesText> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words[$"Kind.{kind.WireName()}"].Value;
    }

    /// <summary>Core's rule broken, in the caller's language (the sentence is keyed by Core's problem code).</summary>
    private string Message(MemoryError error) => error.Message == TextLength.TooDenseMessage
        ? DailyText.TooDenseMessage
        : error.Problem switch
        {
            MemoryProblem.TitleTooLong => words["Problem.TitleTooLong", MemoryRules.MaxTitleLength].Value,
            MemoryProblem.TextTooLong => words["Problem.TextTooLong", MemoryRules.MaxTextLength].Value,
            _ => words[$"Problem.{error.Problem}"].Value,
        };

    private static LocalDate Parse(string iso) => DailyText.TryParseDate(iso, out var d) ? d : default;
}

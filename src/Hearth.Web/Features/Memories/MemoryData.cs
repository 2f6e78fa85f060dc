using System.Text.Json;
using Hearth.Core.Memories;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Data.Export;
using Hearth.Web.Features.Daily;
using Hearth.Web.Features.DataRights;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Hearth.Web.Features.Memories;

/// <summary>A memory you wrote; shared means "both of us" could see it.</summary>
public sealed record MemoryItem(string Date, string Kind, bool Shared, string Title, string Text, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A memory the other person wrote and shared with you.</summary>
public sealed record SharedMemoryItem(string Date, string Kind, string Title, string Text);

/// <summary>Memories: yours (private or shared), and the other person's shared ones as "sharedWithMe". Never their private ones.</summary>
public sealed class MemoryData(HearthDbContext db, FieldCipher cipher) : IPersonalDataKind
{
    private const string Table = "Memories";

    public string Name => "memories";

    public KindDisplay Display { get; } = new("Your memories", "Memories they shared with you");

    public async Task<KindExport> ExportAsync(MemberSpace space, CancellationToken ct)
    {
        var rows = await db.Set<Memory>().IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.SpaceId == space.SpaceId && (m.AuthorUserId == space.Me || m.Shared))
            .ToListAsync(ct);
        var mine = new List<MemoryItem>();
        var shared = new List<SharedMemoryItem>();
        foreach (var m in rows)
        {
            var title = await cipher.DecryptAsync(m.TitleCiphertext, new CipherContext(Table, "Title", m.Id, m.AuthorUserId), ct);
            if (title is null)
            {
                continue;
            }

            var text = await cipher.DecryptAsync(m.TextCiphertext, new CipherContext(Table, "Text", m.Id, m.AuthorUserId), ct) ?? "";
            var date = DailyText.Iso(LocalDate.FromDateOnly(m.Date));
            if (m.AuthorUserId == space.Me)
            {
                mine.Add(new MemoryItem(date, m.Kind.WireName(), m.Shared, title, text, ExportJson.Instant(m.CreatedAt), ExportJson.Instant(m.UpdatedAt)));
            }
            else
            {
                shared.Add(new SharedMemoryItem(date, m.Kind.WireName(), title, text));
            }
        }

        return KindExport.Of(mine, shared);
    }

    public ImportWriter? PrepareImport(JsonElement mine, string path, FieldErrors errors)
    {
        var items = ExportJson.ReadList<MemoryItem>(mine, path, errors);
        if (items is null)
        {
            return null;
        }

        var clean = new List<(SharedMemory Memory, bool Shared, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = $"{path}[{i}]";
            if (!DailyText.TryParseDate(item.Date, out var date))
            {
                errors.Add($"{at}.date", "Dates are year-month-day, for example 2026-11-21.");
                continue;
            }

            if (!MemoryKinds.TryParse(item.Kind, out var kind))
            {
                errors.Add($"{at}.kind", "This is not one of the kinds of memory Hearth knows.");
                continue;
            }

            // The date was checked against the author's calendar when it was written; any past date is fine now.
            var result = MemoryRules.Create(Guid.Empty, date, kind, item.Title, item.Text, new LocalDate(9999, 1, 1));
            foreach (var error in result.Errors)
            {
                errors.Add(error.Problem is MemoryProblem.TextTooLong ? $"{at}.text" : $"{at}.title", error.Message);
            }

            if (result.Memory is { } memory)
            {
                if (DailyText.HasHiddenControl(memory.Title, oneLine: true))
                {
                    errors.Add($"{at}.title", "A title is one line.");
                }

                if (DailyText.HasHiddenControl(memory.Text))
                {
                    errors.Add($"{at}.text", "This has a hidden control character in it.");
                }

                clean.Add((memory, item.Shared, item.CreatedAt, item.UpdatedAt));
            }
        }

        return async (target, token) =>
        {
            foreach (var (memory, shared, createdAt, updatedAt) in clean)
            {
                var row = new Memory
                {
                    Id = Guid.CreateVersion7(),
                    SpaceId = target.SpaceId,
                    AuthorUserId = target.Me,
                    Date = memory.Date.ToDateOnly(),
                    Kind = memory.Kind,
                    Shared = shared,
                    CreatedAt = createdAt,
                    UpdatedAt = updatedAt,
                };
                row.TitleCiphertext = await cipher.EncryptAsync(memory.Title, new CipherContext(Table, "Title", row.Id, target.Me), token);
                row.TextCiphertext = memory.Text.Length == 0 ? null : await cipher.EncryptAsync(memory.Text, new CipherContext(Table, "Text", row.Id, target.Me), token);
                db.Add(row);
            }
        };
    }

    /// <summary>Every memory the person wrote goes, shared ones too: they disappear from the other person's timeline.</summary>
    public Task EraseAsync(Guid userId, CancellationToken ct) =>
        db.Set<Memory>().IgnoreQueryFilters().Where(m => m.AuthorUserId == userId).ExecuteDeleteAsync(ct);
}

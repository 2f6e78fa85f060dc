using System.Text.Json;
using Hearth.Core.Appreciation;
using Hearth.Core.Assessments;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Data.Export;
using Hearth.Web.Features.Daily;
using Hearth.Web.Features.DataRights;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Features.Notes;

/// <summary>A note you sent.</summary>
public sealed record SentNoteItem(DateTimeOffset SentAt, string Kind, string? CareWay, string Text);

/// <summary>A note the other person sent you: their words, yours to keep a copy of. readAt is when you opened it.</summary>
public sealed record ReceivedNoteItem(DateTimeOffset SentAt, string Kind, string? CareWay, string Text, DateTimeOffset? ReadAt);

/// <summary>
/// Notes: the ones you sent are yours ("mine"). The ones you received were written by the other
/// person, so they appear only under "sharedWithMe" and are never re-imported as yours.
/// </summary>
public sealed class NoteData(HearthDbContext db, FieldCipher cipher) : IPersonalDataKind
{
    private const string Table = "Notes";
    private const string Column = "Text";

    /// <summary>The receiver of an imported note: the person is not on this Hearth (no account has this id).</summary>
    public static readonly Guid NobodyHere = Guid.Empty;

    public string Name => "notes";

    public KindDisplay Display { get; } = new("Notes you sent", "Notes you received");

    public async Task<KindExport> ExportAsync(MemberSpace space, CancellationToken ct)
    {
        var rows = await db.Set<Note>().IgnoreQueryFilters().AsNoTracking()
            .Where(n => n.SpaceId == space.SpaceId && (n.FromUserId == space.Me || n.ToUserId == space.Me))
            .ToListAsync(ct);
        var sent = new List<SentNoteItem>();
        var received = new List<ReceivedNoteItem>();
        foreach (var n in rows)
        {
            var text = await cipher.DecryptAsync(n.TextCiphertext, new CipherContext(Table, Column, n.Id, n.FromUserId), ct);
            if (text is null)
            {
                continue;
            }

            if (n.FromUserId == space.Me)
            {
                sent.Add(new SentNoteItem(ExportJson.Instant(n.SentAt), n.Kind.WireName(), n.CareWay?.WireName(), text));
            }
            else
            {
                received.Add(new ReceivedNoteItem(ExportJson.Instant(n.SentAt), n.Kind.WireName(), n.CareWay?.WireName(), text, ExportJson.Instant(n.ReadAt)));
            }
        }

        return KindExport.Of(sent, received);
    }

    public ImportWriter? PrepareImport(JsonElement mine, string path, FieldErrors errors)
    {
        var items = ExportJson.ReadList<SentNoteItem>(mine, path, errors);
        if (items is null)
        {
            return null;
        }

        var clean = new List<(DateTimeOffset SentAt, NoteKind Kind, CareWay? Way, string Text)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = $"{path}[{i}]";
            if (!NoteKinds.TryParse(item.Kind, out var kind))
            {
                errors.Add($"{at}.kind", "A note is an \"appreciation\" or a \"thinking-of-you\".");
            }

            CareWay? way = null;
            if (item.CareWay is not null)
            {
                if (AssessmentWireNames.TryParseCareWay(item.CareWay, out var parsed))
                {
                    way = parsed;
                }
                else
                {
                    errors.Add($"{at}.careWay", "This is not one of the ways of caring Hearth knows.");
                }
            }

            var text = DailyText.Clean(item.Text, AppreciationNotes.MaxTextLength, $"{at}.text", errors, "A note needs its words.") ?? "";
            clean.Add((item.SentAt, kind, way, text));
        }

        return async (target, token) =>
        {
            foreach (var (sentAt, kind, way, text) in clean)
            {
                var row = new Note
                {
                    Id = Guid.CreateVersion7(),
                    SpaceId = target.SpaceId,
                    FromUserId = target.Me,
                    ToUserId = NobodyHere,
                    Kind = kind,
                    CareWay = way,
                    SentAt = sentAt,
                };
                row.TextCiphertext = await cipher.EncryptAsync(text, new CipherContext(Table, Column, row.Id, target.Me), token);
                db.Add(row);
            }
        };
    }

    /// <summary>Notes the person sent are deleted. Notes sent to them stay the sender's; they no longer point at anyone.</summary>
    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        await db.Set<Note>().IgnoreQueryFilters().Where(n => n.FromUserId == userId).ExecuteDeleteAsync(ct);
        await db.Set<Note>().IgnoreQueryFilters().Where(n => n.ToUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(n => n.ToUserId, NobodyHere), ct);
    }
}

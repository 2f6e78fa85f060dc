using Hearth.Core.Appreciation;
using Hearth.Core.Assessments;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Features.Daily;
using Hearth.Core.Spaces;
using Hearth.Web.Languages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Notes;

/// <summary>Notes between the two members. The only notice is discreet: "Something new in Hearth", never the content.</summary>
public sealed class NoteService(HearthDbContext db, PairSpaces pairs, FieldCipher cipher, Security.CurrentMember current, Assessments.AssessmentService assessments, IStringLocalizer<NotesText> words)
{
    private const string Table = "Notes";
    private const string Column = "Text";
    private const int ListSize = 50;

    public async Task<Outcome<NotesView>> ListAsync(Guid spaceId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        return pair is null ? Outcome<NotesView>.NotFound() : Outcome<NotesView>.Ok(await ViewAsync(pair, ct));
    }

    public async Task<Outcome<NoteView>> SendAsync(Guid spaceId, SendNoteInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<NoteView>.NotFound();
        }

        var errors = new FieldErrors();
        if (!NoteKinds.TryParse(input.Kind ?? "appreciation", out var kind))
        {
            errors.Add("kind", words["UnknownKind"].Value);
        }

        CareWay? careWay = null;
        if (!string.IsNullOrWhiteSpace(input.CareWay))
        {
            if (AssessmentWireNames.TryParseCareWay(input.CareWay.Trim(), out var way))
            {
                careWay = way;
            }
            else
            {
                errors.Add("careWay", words["UnknownCareWay"].Value);
            }
        }

        var text = DailyText.Clean(input.Text, AppreciationNotes.MaxTextLength, "text", errors, "", required: false);
        if (errors.Any)
        {
            return errors.ToOutcome<NoteView>();
        }

        if (pair.OtherId is not { } to)
        {
            return Outcome<NoteView>.Refused(409, words["WaitingTitle"].Value, words.ForKind("Waiting", pair.Kind).Value);
        }

        var now = pair.Now;
        var note = AppreciationNotes.Create(spaceId, pair.Me, to, kind, text, careWay, now);
        if (note.Error is { } error)
        {
            return Outcome<NoteView>.Invalid(error.Problem == NoteProblem.UnknownKind ? "kind" : "text", words[$"Problem.{error.Problem}"].Value);
        }

        var row = new Note
        {
            Id = Guid.CreateVersion7(),
            SpaceId = spaceId,
            FromUserId = pair.Me,
            ToUserId = to,
            Kind = kind,
            CareWay = careWay,
            SentAt = now.ToDateTimeOffset(),
        };
        row.TextCiphertext = await cipher.EncryptAsync(note.Note!.Text, new CipherContext(Table, Column, row.Id, pair.Me), ct);
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return Outcome<NoteView>.Ok(new NoteView(row.Id, kind.WireName(), careWay?.WireName(), note.Note.Text, row.SentAt, true, null));
    }

    /// <summary>The receiver marks a note read. Only the receiver can; anything else is "not found".</summary>
    public async Task<Outcome<Done>> MarkReadAsync(Guid spaceId, Guid noteId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<Done>.NotFound();
        }

        var note = await db.Set<Note>().FirstOrDefaultAsync(n => n.Id == noteId && n.SpaceId == spaceId && n.ToUserId == pair.Me, ct);
        if (note is null)
        {
            return Outcome<Done>.NotFound();
        }

        note.ReadAt ??= pair.Now.ToDateTimeOffset();
        await db.SaveChangesAsync(ct);
        return Outcome<Done>.Ok(default);
    }

    /// <summary>Open spaces where the caller has an unread note. Only whether, never what or from whom.</summary>
    public async Task<IReadOnlySet<Guid>> SpacesWithSomethingNewAsync(CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        var ids = await db.Set<Note>().Where(n => n.ToUserId == me && n.ReadAt == null).Select(n => n.SpaceId).Distinct().ToListAsync(ct);
        return ids.ToHashSet();
    }

    private async Task<NotesView> ViewAsync(PairSpace pair, CancellationToken ct)
    {
        var rows = await db.Set<Note>().AsNoTracking()
            .Where(n => n.SpaceId == pair.SpaceId && (n.ToUserId == pair.Me || n.FromUserId == pair.Me))
            .OrderByDescending(n => n.SentAt)
            .Take(ListSize * 2)
            .ToListAsync(ct);
        var views = new List<NoteView>(rows.Count);
        foreach (var n in rows)
        {
            var text = await cipher.DecryptAsync(n.TextCiphertext, new CipherContext(Table, Column, n.Id, n.FromUserId), ct);
            var fromMe = n.FromUserId == pair.Me;
            // A wordless "thinking of you" carries Core's default words: each reads them in their own language.
            var shown = n.Kind == NoteKind.ThinkingOfYou && text == AppreciationNotes.DefaultThinkingOfYouText ? words["DefaultThinkingOfYou"].Value : text ?? "";
            views.Add(new NoteView(n.Id, n.Kind.WireName(), n.CareWay?.WireName(), shown, n.SentAt, fromMe, fromMe ? null : n.ReadAt is not null));
        }

        var valued = await assessments.OtherPersonsValuedCareWaysAsync(pair.SpaceId, ct);
        var careWays = Enum.GetValues<CareWay>()
            .Select(w => new CareWayView(w.WireName(), CareWayName(w, words), Ideas(w, pair.Kind), valued.Contains(w)))
            .OrderByDescending(w => w.MeansALotToThem)
            .ToList();
        var received = views.Where(v => !v.FromYou).Take(ListSize).ToList();
        return new NotesView(
            pair.IsPaired,
            pair.OtherPersonWord,
            pair.OtherName,
            received.Count(v => v.Read == false),
            received,
            views.Where(v => v.FromYou).Take(ListSize).ToList(),
            careWays);
    }

    /// <summary>"Kind words", "Helpful acts" … in the caller's language.</summary>
    public static string CareWayName(CareWay way, IStringLocalizer<NotesText> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words[$"CareWay.{way.WireName()}"].Value;
    }

    public static string CareWayName(string? wireName, IStringLocalizer<NotesText> words) =>
        AssessmentWireNames.TryParseCareWay(wireName, out var way) ? CareWayName(way, words) : "";

    /// <summary>For display: "Thinking of you" or "Appreciation", in the caller's language.</summary>
    public static string KindName(string kind, IStringLocalizer<NotesText> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words[kind == NoteKind.ThinkingOfYou.WireName() ? "Kind.thinking-of-you" : "Kind.appreciation"].Value;
    }

    /// <summary>
    /// Core's ideas for a way of caring (<see cref="CareWaySuggestions"/>, the English source), in the
    /// caller's language: the resource "Idea.&lt;way&gt;.&lt;n&gt;" (touch for romantic partners has its own set).
    /// </summary>
    private List<string> Ideas(CareWay way, RelationshipKind kind)
    {
        var set = way == CareWay.Touch && kind == RelationshipKind.Romantic ? "touch-romantic" : way.WireName();
        return CareWaySuggestions.For(way, kind).Select((english, i) => words[$"Idea.{set}.{i + 1}"] is { ResourceNotFound: false } found ? found.Value : english).ToList();
    }
}

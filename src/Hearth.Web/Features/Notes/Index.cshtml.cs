using Hearth.Web.Api;
using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Hearth.Core.Spaces;

namespace Hearth.Web.Features.Notes;

[Hearth.Web.Security.ConfirmItsYou]
[Authorize]
public sealed class IndexModel(NoteService notes, PairSpaces pairs, SubmissionGuard once, IStringLocalizer<NotesText> words) : PageModel
{
    [BindProperty]
    public string? SubmissionToken { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    [BindProperty]
    public NoteForm Input { get; set; } = new();

    public NotesView? Notes { get; private set; }

    /// <summary>The kind of space, for the kind-specific wording while the other person has not joined.</summary>
    public RelationshipKind Kind { get; private set; }

    /// <summary>"Appreciation · Helpful acts · 21 November · new": the note's kind, care way, day and whether it is new.</summary>
    public string Line(NoteView note, bool showNew)
    {
        ArgumentNullException.ThrowIfNull(note);
        string?[] parts =
        [
            NoteService.KindName(note.Kind, words),
            note.CareWay is null ? null : NoteService.CareWayName(note.CareWay, words),
            DailyText.DayMonth(NodaTime.LocalDate.FromDateTime(note.SentAt.DateTime)),
            showNew && note.Read == false ? words["New"].Value : null,
        ];
        return string.Join(" · ", parts.Where(p => p is not null));
    }

    /// <summary>A way's name inside a sentence: lower case in English ("kind words"), as written where nouns keep their capital.</summary>
    public string InSentence(string name) =>
        words["WaysInSentence"].Value == "lower" ? name.ToLower(System.Globalization.CultureInfo.CurrentCulture) : name;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        var outcome = await once.OnceAsync("note", SubmissionToken, () => notes.SendAsync(SpaceId, new SendNoteInput(Input.Kind, Input.Text, Input.CareWay), ct), ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsOk)
        {
            return RedirectToPage("/Notes/Index", new { spaceId = SpaceId, sent = "true" });
        }

        this.ShowErrors(outcome);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostReadAsync(Guid noteId, CancellationToken ct)
    {
        var outcome = await notes.MarkReadAsync(SpaceId, noteId, ct);
        return outcome.Kind == OutcomeKind.NotFound ? NotFound() : RedirectToPage("/Notes/Index", new { spaceId = SpaceId });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var outcome = await notes.ListAsync(SpaceId, ct);
        Notes = outcome.Value;
        Kind = (await pairs.OpenAsync(SpaceId, ct))?.Kind ?? default;
        return outcome.IsOk;
    }

    public sealed class NoteForm
    {
        public string? Kind { get; set; } = "appreciation";

        public string? Text { get; set; }

        public string? CareWay { get; set; }
    }
}

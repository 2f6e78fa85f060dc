using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Spaces;

public sealed class IndexModel(SpaceService spaces, Notes.NoteService notes, Reminders.CheckInReminders checkIns) : PageModel
{
    public IReadOnlyList<SpaceSummary> Spaces { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Welcome { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Left { get; set; }

    /// <summary>Spaces with an unread note, or this week's check-in still to do: shown only as "Something new in Hearth", never what or from whom.</summary>
    public IReadOnlySet<Guid> SomethingNew { get; private set; } = new HashSet<Guid>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Spaces = await spaces.ListAsync(ct);
        SomethingNew = (await notes.SpacesWithSomethingNewAsync(ct)).Union(await checkIns.SpacesWithCheckInDueAsync(ct)).ToHashSet();
    }
}

using Hearth.Web.Api;
using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Memories;

[Hearth.Web.Security.ConfirmItsYou]
[Authorize]
public sealed class IndexModel(MemoryService memories, SubmissionGuard once) : PageModel
{
    [BindProperty]
    public string? SubmissionToken { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    [BindProperty]
    public MemoryForm Input { get; set; } = new();

    public TimelineView? Timeline { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await once.OnceAsync("memory", SubmissionToken, () => memories.AddAsync(SpaceId, Input.ToInput(), ct), ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsOk)
        {
            return RedirectToPage("/Memories/Index", new { spaceId = SpaceId });
        }

        this.ShowErrors(outcome);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var outcome = await memories.TimelineAsync(SpaceId, ct);
        Timeline = outcome.Value;
        Input.Date ??= Timeline?.Today;
        return outcome.IsOk;
    }
}

/// <summary>The memory form, shared by the add and edit pages.</summary>
public sealed class MemoryForm
{
    public string? Date { get; set; }

    public string? Kind { get; set; } = "shared-experience";

    public string? Title { get; set; }

    public string? Text { get; set; }

    /// <summary>"shared" or "private".</summary>
    public string? Visibility { get; set; } = "shared";

    public MemoryInput ToInput() => new(Date, Kind, Title, Text, Visibility != "private");
}

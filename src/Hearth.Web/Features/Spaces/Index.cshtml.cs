using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Spaces;

public sealed class IndexModel(SpaceService spaces) : PageModel
{
    public IReadOnlyList<SpaceSummary> Spaces { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Welcome { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Left { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Spaces = await spaces.ListAsync(ct);
}

using System.Text.Json;
using Hearth.Core.Spaces;
using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Features.Assessments;

/// <summary>
/// The safety module. Answers are looked at once to decide what to show, and are never stored,
/// logged or counted: nothing anyone else can see changes (docs/privacy.md).
/// </summary>
public sealed class SafetyModel(AssessmentService assessments, IOptions<SafetyOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    public AssessmentSectionView? Section { get; private set; }

    public bool Answered { get; private set; }

    public bool ShowSupport { get; private set; }

    public IReadOnlyList<SupportResource> Resources => options.Value.EffectiveResources;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var state = await assessments.GetStateAsync(SpaceId, ct);
        if (!state.IsOk)
        {
            return NotFound();
        }

        var kind = RelationshipKinds.TryParse(state.Value!.Kind, out var parsed) ? parsed : RelationshipKind.Friends;
        Section = AssessmentService.SafetySection(kind);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await OnGetAsync(ct) is NotFoundResult notFound)
        {
            return notFound;
        }

        var answers = Section!.Items.ToDictionary(
            i => i.Id,
            i => JsonSerializer.SerializeToElement(Request.Form[$"a[{i.Id}]"].ToString()),
            StringComparer.Ordinal);
        var outcome = await assessments.CheckSafetyAsync(SpaceId, new SafetyCheckInput(answers), ct);
        if (!outcome.IsOk)
        {
            this.ShowErrors(outcome);
            return Page();
        }

        Answered = true;
        ShowSupport = outcome.Value!.ShowSupport;
        return Page();
    }
}

using System.Text.Json;
using Hearth.Core.Spaces;
using Hearth.Web.Api;
using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Assessments;

/// <summary>One step of the assessment. Answers are saved on every Next and Back, so nothing is lost.</summary>
[Hearth.Web.Security.ConfirmItsYou]
public sealed class StepModel(AssessmentService assessments, IStringLocalizer<AssessmentsText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    [BindProperty(SupportsGet = true, Name = "section")]
    public string StepId { get; set; } = "";

    [BindProperty]
    public string? Go { get; set; }

    [BindProperty]
    public List<string> Share { get; set; } = [];

    [BindProperty]
    public bool ShareCareWays { get; set; }

    public AssessmentState? State { get; private set; }

    /// <summary>The kind of space the assessment is taken in (its wording follows it).</summary>
    public RelationshipKind SpaceKind => RelationshipKinds.TryParse(State?.Kind, out var kind) ? kind : RelationshipKind.Friends;

    /// <summary>The questions of this step, or null on the final "what to share" step.</summary>
    public AssessmentSectionView? Section { get; private set; }

    public int StepIndex { get; private set; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Posted { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } early)
        {
            return early;
        }

        var steps = State!.Steps;
        if (Go == "finish" && Section is null)
        {
            var done = await assessments.CompleteAsync(SpaceId, new CompleteInput(Share, ShareCareWays), ct);
            if (!done.IsOk)
            {
                this.ShowErrors(done);
                return Page();
            }

            return RedirectToPage("/Assessments/Results", new { spaceId = SpaceId, finished = "true" });
        }

        var next = Go switch
        {
            "back" => steps[Math.Max(0, StepIndex - 1)],
            "later" => StepId,
            _ => steps[Math.Min(steps.Count - 1, StepIndex + 1)],
        };
        var answers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var item in Section?.Items ?? [])
        {
            var value = Request.Form[$"a[{item.Id}]"].ToString();
            Posted[item.Id] = value;
            answers[item.Id] = JsonSerializer.SerializeToElement(value);
        }

        var saved = await assessments.SaveAnswersAsync(SpaceId, new SaveAnswersInput(answers, next), ct);
        if (saved.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!saved.IsOk)
        {
            foreach (var (field, messages) in saved.Errors ?? new Dictionary<string, string[]>())
            {
                Errors[field.Replace("answers.", "", StringComparison.Ordinal)] = messages[0];
            }

            if (saved.Detail is { } detail)
            {
                ModelState.AddModelError(string.Empty, detail);
            }
            else
            {
                ModelState.AddModelError(string.Empty, text["StepErrors"]);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Go == "later"
            ? RedirectToPage("/Spaces/Space", new { spaceId = SpaceId, saved = "true" })
            : RedirectToPage("/Assessments/Step", new { spaceId = SpaceId, section = next });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var outcome = await assessments.GetStateAsync(SpaceId, ct);
        if (!outcome.IsOk)
        {
            return NotFound();
        }

        State = outcome.Value!;
        if (State.Status != AssessmentStatus.InProgress)
        {
            return RedirectToPage("/Assessments/Index", new { spaceId = SpaceId });
        }

        StepIndex = State.Steps.ToList().IndexOf(StepId);
        if (StepIndex < 0)
        {
            return NotFound();
        }

        var kind = RelationshipKinds.TryParse(State.Kind, out var parsed) ? parsed : RelationshipKind.Friends;
        Section = StepId == AssessmentService.ShareStep
            ? null
            : AssessmentService.SectionsFor(kind, State.SexualOptIn).Single(s => s.Id == StepId);
        return null;
    }
}

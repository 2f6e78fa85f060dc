using Hearth.Web.Api;
using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Daily;

[Authorize]
public sealed class SettingsModel(SpaceSettingsService settings) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    [BindProperty]
    public SettingsForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await settings.GetAsync(SpaceId, ct);
        if (!outcome.IsOk)
        {
            return NotFound();
        }

        var s = outcome.Value!;
        Input = new SettingsForm { LivingApart = s.LivingApart, TimeZoneId = s.TimeZoneId, DailyGoalMinutes = s.DailyGoalMinutes, QuestionTime = s.QuestionTime };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await settings.UpdateAsync(SpaceId, new SpaceSettingsInput(Input.LivingApart, Input.TimeZoneId, Input.DailyGoalMinutes ?? 0, Input.QuestionTime ?? ""), ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.IsOk)
        {
            this.ShowErrors(outcome);
            return Page();
        }

        return RedirectToPage("/Daily/Settings", new { spaceId = SpaceId, saved = "true" });
    }

    public sealed class SettingsForm
    {
        public bool LivingApart { get; set; }

        public string? TimeZoneId { get; set; }

        public int? DailyGoalMinutes { get; set; }

        /// <summary>"HH:mm" from the time field; empty for no time.</summary>
        public string? QuestionTime { get; set; }
    }
}

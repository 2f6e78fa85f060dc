using System.Globalization;
using Hearth.Core.CheckIns;
using Hearth.Web.Api;
using Hearth.Web.Features.Assessments;
using Hearth.Web.Features.Daily;
using Hearth.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.CheckIns;

/// <summary>
/// The weekly check-in page. The safety pulse is read from the form once, passed to the service,
/// and never stored, logged or put in a link; support shows on this response only.
/// </summary>
[Hearth.Web.Security.ConfirmItsYou]
public sealed class IndexModel(CheckInService checkIns, PairSpaces pairs, IStringLocalizer<CheckInsText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Done { get; set; }

    [BindProperty]
    public string? Satisfaction { get; set; }

    [BindProperty]
    public string? Closeness { get; set; }

    [BindProperty]
    public string? FeltHeard { get; set; }

    [BindProperty]
    public string? PhoneFreeMinutes { get; set; }

    [BindProperty]
    public string? Appreciation { get; set; }

    [BindProperty]
    public string? Repair { get; set; }

    [BindProperty]
    public string? WarningSigns { get; set; }

    [BindProperty]
    public bool NoTension { get; set; }

    [BindProperty]
    public string? Needs { get; set; }

    [BindProperty]
    public string? NeedsDimension { get; set; }

    public CheckInWeekView? Week { get; private set; }

    public PairSpace? Pair { get; private set; }

    public bool ShowSupport { get; private set; }

    public IReadOnlyList<SupportResource> Resources { get; private set; } = [];

    public static CheckInQuestionsView Questions => CheckInService.Questions;

    /// <summary>The items of the form in the request's language, with what the code knows about each measure.</summary>
    public static IEnumerable<(CheckInItem Item, CheckInMeasureInfo Measure)> Items =>
        CheckInService.CurrentContent.Items.Select(i => (i, i.Measure.Info()));

    /// <summary>The answer given in the form for an item (to keep it after an error): what was posted in its field.</summary>
    public string? Answer(CheckInMeasureInfo measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return ModelState.TryGetValue(measure.FormName, out var entry) && !string.IsNullOrWhiteSpace(entry.AttemptedValue) ? entry.AttemptedValue : null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = new CheckInInput(
            Satisfaction: Number(Satisfaction, "satisfaction", errors),
            Closeness: Number(Closeness, "closeness", errors),
            FeltHeard: Number(FeltHeard, "feltHeard", errors),
            PhoneFreeMinutes: Number(PhoneFreeMinutes, "phoneFreeMinutes", errors),
            Appreciation: Number(Appreciation, "appreciation", errors),
            Repair: Number(Repair, "repair", errors),
            NoTension: NoTension,
            Needs: Needs,
            NeedsDimension: NeedsDimension,
            WarningSigns: Number(WarningSigns, "warningSigns", errors),
            SafetyPulse: Questions.SafetyPulse.Keys.ToDictionary(
                id => id,
                id => Request.Form[id].ToString() switch { "yes" => true, "no" => (bool?)false, _ => null },
                StringComparer.Ordinal));
        var outcome = errors.Any ? errors.ToOutcome<CheckInSubmitted>() : await checkIns.SubmitAsync(SpaceId, input, ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.IsOk)
        {
            this.ShowErrors(outcome, prefix: "");
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        if (!outcome.Value!.ShowSupport)
        {
            return RedirectToPage("/CheckIns/Index", new { spaceId = SpaceId, done = "true" });
        }

        // Shown on this answer only; nothing about it is kept, and the address says nothing.
        ShowSupport = true;
        Resources = outcome.Value.Resources;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private int? Number(string? raw, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (int.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, text["WholeNumber"]);
        return null;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Pair = await pairs.OpenAsync(SpaceId, ct);
        var week = await checkIns.GetWeekAsync(SpaceId, null, ct);
        if (Pair is null || !week.IsOk)
        {
            return false;
        }

        Week = week.Value;
        return true;
    }
}

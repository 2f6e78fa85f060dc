using Hearth.Web.Api;
using Hearth.Web.Features.Reminders;
using Hearth.Web.Features.Shared;
using Hearth.Web.Hosting;
using Hearth.Web.Languages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features.Rituals;

public sealed class IndexModel(RitualService rituals, CalendarFeedService feeds, Links links) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid SpaceId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    [BindProperty]
    public string? Day { get; set; }

    [BindProperty]
    public string? Time { get; set; }

    [BindProperty]
    public string? TimeZoneId { get; set; }

    [BindProperty]
    public string? From { get; set; }

    [BindProperty]
    public string? To { get; set; }

    public RitualView? Ritual { get; private set; }

    public CalendarFeedStatus? Feed { get; private set; }

    /// <summary>A calendar link just made: shown this once.</summary>
    public string? NewFeedUrl { get; private set; }

    /// <summary>A weekday ("sunday", as the form and API send it) by its name in the reader's language.</summary>
    public string DayName(string? day) =>
        Hearth.Core.Rituals.RitualInput.TryParseDay(day, Hearth.Core.Rituals.Ritual.DayField, out var iso, out _)
            ? CultureFormats.Weekday(iso)
            : day ?? "";

    /// <summary>A time ("19:00", as the form and API send it) as the reader's clock shows it: "7:00 PM", "19:00".</summary>
    public static string TimeName(string? time) =>
        Hearth.Core.Rituals.RitualInput.TryParseTime(time, Hearth.Core.Rituals.Ritual.TimeField, out var parsed, out _)
            ? CultureFormats.Time(parsed)
            : time ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(fillForms: true, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRitualAsync(CancellationToken ct) =>
        await AfterAsync(await rituals.SetAsync(SpaceId, new RitualSettingInput(Day, Time, TimeZoneId), ct), ct);

    public async Task<IActionResult> OnPostWakingAsync(CancellationToken ct) =>
        await AfterAsync(await rituals.SetWakingHoursAsync(SpaceId, new WakingHoursInput(From, To), ct), ct);

    public async Task<IActionResult> OnPostCreateFeedAsync(CancellationToken ct)
    {
        if (!await LoadAsync(fillForms: true, ct))
        {
            return NotFound();
        }

        NewFeedUrl = (await feeds.CreateAsync(links.BaseUrl, ct)).Url;
        Feed = await feeds.StatusAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeFeedAsync(CancellationToken ct)
    {
        if (!await LoadAsync(fillForms: false, ct))
        {
            return NotFound();
        }

        await feeds.RevokeAsync(ct);
        return RedirectToPage("/Rituals/Index", new { spaceId = SpaceId });
    }

    private async Task<IActionResult> AfterAsync(Outcome<RitualView> outcome, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsOk)
        {
            return RedirectToPage("/Rituals/Index", new { spaceId = SpaceId, saved = "true" });
        }

        this.ShowErrors(outcome, prefix: "");
        return await LoadAsync(fillForms: false, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(bool fillForms, CancellationToken ct)
    {
        var outcome = await rituals.GetAsync(SpaceId, ct);
        if (!outcome.IsOk)
        {
            return false;
        }

        Ritual = outcome.Value!;
        Feed = await feeds.StatusAsync(ct);
        if (fillForms)
        {
            Day = Ritual.Day ?? "sunday";
            Time = Ritual.Time ?? "19:00";
            TimeZoneId = Ritual.TimeZoneId ?? Ritual.YourTimeZoneId;
            From = Ritual.YourWaking.From;
            To = Ritual.YourWaking.To;
        }

        return true;
    }
}

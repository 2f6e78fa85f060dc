using Hearth.Core.QualityTime;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Features.Daily;

/// <summary>The pair's shared settings for the daily features. Either member may change them.</summary>
public sealed class SpaceSettingsService(HearthDbContext db, PairSpaces pairs, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<DailyPageText> text)
{
    public async Task<Outcome<SpaceSettingsView>> GetAsync(Guid spaceId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<SpaceSettingsView>.NotFound();
        }

        var minute = await db.Set<SpaceSettings>().AsNoTracking().Where(s => s.SpaceId == spaceId).Select(s => s.QuestionMinute).FirstOrDefaultAsync(ct);
        return Outcome<SpaceSettingsView>.Ok(View(pair, minute));
    }

    public async Task<Outcome<SpaceSettingsView>> UpdateAsync(Guid spaceId, SpaceSettingsInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<SpaceSettingsView>.NotFound();
        }

        var errors = new FieldErrors();
        var zone = input.TimeZoneId?.Trim();
        if (zone is not null && !TimeZones.IsKnown(zone))
        {
            errors.Add("timeZoneId", text["TimeZoneUnknown"]);
        }

        if (input.DailyGoalMinutes is { } minutes && DailyGoal.Create(minutes).Error is not null)
        {
            errors.Add("dailyGoalMinutes", text["DailyGoalRange", DailyGoal.MinMinutes, DailyGoal.MaxMinutes]);
        }

        var question = input.QuestionTime?.Trim();
        var questionMinute = Hearth.Core.Rituals.RitualInput.MinuteOfDay(question);
        if (!string.IsNullOrEmpty(question) && questionMinute is null)
        {
            errors.Add("questionTime", text["QuestionTimeInvalid"]);
        }

        if (errors.Any)
        {
            return errors.ToOutcome<SpaceSettingsView>();
        }

        // Both members may save the very first settings at the same moment.
        await RaceSafeWrites.SaveFirstOrUpdateAsync(
            db,
            c => db.Set<SpaceSettings>().FirstOrDefaultAsync(s => s.SpaceId == spaceId, c),
            () => new SpaceSettings { SpaceId = spaceId, TimeZoneId = pair.TimeZoneId },
            row =>
            {
                row.LivingApart = input.LivingApart ?? row.LivingApart;
                row.TimeZoneId = zone ?? row.TimeZoneId;
                row.DailyGoalMinutes = input.DailyGoalMinutes ?? row.DailyGoalMinutes;
                row.QuestionMinute = question is null ? row.QuestionMinute : questionMinute;
                row.UpdatedAt = clock.GetUtcNow();
            },
            ct);
        return await GetAsync(spaceId, ct);
    }

    private static SpaceSettingsView View(PairSpace pair, int? questionMinute) =>
        new(pair.LivingApart, pair.TimeZoneId, pair.Goal.Minutes, DailyText.Iso(pair.Today), questionMinute is { } m ? Hearth.Core.Rituals.RitualInput.ShowMinuteOfDay(m) : null);
}

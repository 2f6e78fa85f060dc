using Hearth.Core.CheckIns;
using Hearth.Core.Dimensions;
using Hearth.Core.Rituals;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Features.Assessments;
using Hearth.Web.Features.Daily;
using Hearth.Web.Features.Rituals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Hearth.Web.Features.CheckIns;

/// <summary>Checking in for this week.</summary>
public sealed partial class CheckInService
{
    public async Task<Outcome<CheckInSubmitted>> SubmitAsync(Guid spaceId, CheckInInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<CheckInSubmitted>.NotFound();
        }

        var ritual = await pairs.RitualAsync(spaceId, ct);
        var rule = PairCalendar.WeekRule(ritual, pair);
        var now = await NowAsync(pair, rule, ct);
        var current = now.Current;

        var errors = new FieldErrors();
        if (input.Week is not null)
        {
            // The week the check-in page shows as this one (after a ritual change, the week your check-in was sent in) is this week.
            if (!DailyText.TryParseDate(input.Week, out var asked))
            {
                errors.Add("week", "Please give the week as year-month-day, for example 2026-11-22, or leave it out for this week.");
            }
            else if (asked != now.Key && PairCalendar.Rekey(asked, rule) > current.Key)
            {
                errors.Add("week", "That week hasn't started yet. You can check in once it has.");
            }
            else if (asked != now.Key && PairCalendar.Rekey(asked, rule) < current.Key)
            {
                errors.Add("week", "That week is over. Check-ins are for the week you're in.");
            }
        }

        Dimension? tag = null;
        if (!string.IsNullOrWhiteSpace(input.NeedsDimension))
        {
            if (DimensionCatalog.TryParse(input.NeedsDimension, out var parsed))
            {
                tag = parsed;
            }
            else
            {
                errors.Add(CheckInAnswers.NeedsDimensionField, "Please choose one of the five kinds of closeness, or no tag.");
            }
        }

        var needs = DailyText.Clean(input.Needs, Content.Needs.MaxLength, CheckInAnswers.NeedsField, errors, "", required: false);
        var pulse = new SafetyPulse((input.SafetyPulse ?? []).Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!.Value, StringComparer.Ordinal));
        foreach (var error in SafetyPulse.Validate(Content, pulse))
        {
            errors.Add($"safetyPulse.{error.Field}", error.Message);
        }

        var answers = new CheckInAnswers(
            input.Satisfaction,
            input.Closeness,
            input.FeltHeard,
            input.PhoneFreeMinutes,
            input.Appreciation,
            input.Repair,
            input.NoTension ?? false,
            needs,
            tag);
        foreach (var error in CheckInAnswers.Validate(Content, answers))
        {
            if (!(error.Field == CheckInAnswers.NeedsDimensionField && errors.ToDictionary().ContainsKey(CheckInAnswers.NeedsDimensionField)))
            {
                errors.Add(error.Field, error.Message);
            }
        }

        if (errors.Any)
        {
            return errors.ToOutcome<CheckInSubmitted>();
        }

        if (now.Done is not null)
        {
            return AlreadyCheckedIn();
        }

        var row = await cipher.NewRowAsync(spaceId, pair.Me, answers.ToRecord(Content, current.Key), clock.GetUtcNow(), ct);
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException race) when (DbErrors.IsUniqueViolation(race))
        {
            // Two submissions at once: the unique (space, member, week) index lets one through.
            db.Entry(row).State = EntityState.Detached;
            return AlreadyCheckedIn();
        }

        // The pulse is read here, once, for this answer only; it is not kept or passed on.
        var showSupport = pulse.AnyEndorsed;
        var view = await WeekViewAsync(pair, rule, current.Key, new ThisWeek(current, row), ritual is not null, ct);
        return Outcome<CheckInSubmitted>.Ok(new CheckInSubmitted(view, showSupport, showSupport ? safety.Value.EffectiveResources : []));
    }

    private static Outcome<CheckInSubmitted> AlreadyCheckedIn() =>
        Outcome<CheckInSubmitted>.Refused(409, "Already checked in", "You've already checked in this week. Answers stay as they were first given; next week is a fresh start.");
}

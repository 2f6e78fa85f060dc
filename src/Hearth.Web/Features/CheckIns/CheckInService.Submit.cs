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
                errors.Add("week", text["WeekFormat"]);
            }
            else if (asked != now.Key && PairCalendar.Rekey(asked, rule) > current.Key)
            {
                errors.Add("week", text["WeekNotStarted"]);
            }
            else if (asked != now.Key && PairCalendar.Rekey(asked, rule) < current.Key)
            {
                errors.Add("week", text["WeekOver"]);
            }
        }

        // Core judges the answers, once (CheckInInputReader); the pulse only for unknown ids.
        var content = CurrentContent;
        var answers = CheckInInputReader.Read(content, input, "", errors, text);
        var pulse = new SafetyPulse((input.SafetyPulse ?? []).Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!.Value, StringComparer.Ordinal));
        foreach (var error in SafetyPulse.Validate(content, pulse))
        {
            errors.Add($"safetyPulse.{error.Field}", CheckInInputReader.Say(text, error));
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

    private Outcome<CheckInSubmitted> AlreadyCheckedIn() =>
        Outcome<CheckInSubmitted>.Refused(409, text["AlreadyCheckedInTitle"], text["AlreadyCheckedIn"]);
}

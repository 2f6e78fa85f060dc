using Hearth.Core.Assessments;
using Hearth.Core.Dimensions;
using Hearth.Core.Spaces;
using Hearth.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Features.Assessments;

/// <summary>Taking the assessment: where you are, start a round, save answers section by section, finish.</summary>
public sealed partial class AssessmentService
{
    public async Task<Outcome<AssessmentState>> GetStateAsync(Guid spaceId, CancellationToken ct = default)
    {
        var space = await MySpaceAsync(spaceId, ct);
        if (space is null)
        {
            return Outcome<AssessmentState>.NotFound();
        }

        var mine = await MyResponsesAsync(spaceId, ct);
        return Outcome<AssessmentState>.Ok(await StateAsync(space.Kind, mine, ct));
    }

    public async Task<Outcome<AssessmentState>> StartAsync(Guid spaceId, StartInput input, CancellationToken ct = default)
    {
        var space = await MySpaceAsync(spaceId, ct);
        if (space is null)
        {
            return Outcome<AssessmentState>.NotFound();
        }

        var mine = await MyResponsesAsync(spaceId, ct);
        var open = mine.FirstOrDefault(r => r.CompletedAt is null);
        if (open is not null)
        {
            return Outcome<AssessmentState>.Refused(409, text["AlreadyStartedTitle"], text["AlreadyStarted"]);
        }

        var optIn = space.Kind == RelationshipKind.Romantic && input.SexualOptIn == true;
        var me = current.RequireUserId();
        var response = new AssessmentResponse
        {
            Id = Guid.CreateVersion7(),
            SpaceId = spaceId,
            UserId = me,
            Round = mine.Count + 1,
            ContentVersion = Content.Version,
            Kind = space.Kind,
            SexualOptIn = optIn,
            StartedAt = clock.GetUtcNow(),
            CurrentSection = StepsFor(space.Kind, optIn)[0],
            SharedDimensions = AssessmentDocument.AllDimensionsMask,
            ShareCareWays = true,
        };
        db.Add(response);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException race) when (DbErrors.IsUniqueViolation(race))
        {
            // Two starts at once: the unique (space, member, round) index lets one through.
            return Outcome<AssessmentState>.Refused(409, text["AlreadyStartedTitle"], text["AlreadyStarted"]);
        }

        mine.Add(response);
        return Outcome<AssessmentState>.Ok(await StateAsync(space.Kind, mine, ct));
    }

    /// <summary>Saves some answers of the round in progress (merging with earlier ones). All or nothing.</summary>
    public async Task<Outcome<AssessmentState>> SaveAnswersAsync(Guid spaceId, SaveAnswersInput input, CancellationToken ct = default)
    {
        var space = await MySpaceAsync(spaceId, ct);
        if (space is null)
        {
            return Outcome<AssessmentState>.NotFound();
        }

        var mine = await MyResponsesAsync(spaceId, ct);
        var open = mine.FirstOrDefault(r => r.CompletedAt is null);
        if (open is null)
        {
            return Outcome<AssessmentState>.Refused(409, text["NoRoundTitle"], text["NoRound"]);
        }

        var errors = new FieldErrors();
        var parsed = AssessmentAnswerWire.ParseAnswers(input.Answers, errors, text);
        var steps = StepsFor(open.Kind, open.SexualOptIn);
        if (input.NextSection is not null && !steps.Contains(input.NextSection))
        {
            errors.Add("nextSection", text["NotAStep"]);
        }

        if (!errors.Any)
        {
            foreach (var (id, answer) in parsed)
            {
                if (Content.TryGetItem(id, out var item) && item.IsSafety)
                {
                    errors.Add($"answers.{id}", text["SafetyNotHere"]);
                }
            }

            var check = new AssessmentAnswers(open.Kind, open.SexualOptIn, parsed);
            foreach (var error in AssessmentAnswers.Validate(Content, check))
            {
                errors.Add($"answers.{error.ItemId}", AssessmentMessages.Say(text, Content, error));
            }
        }

        if (errors.Any)
        {
            return errors.ToOutcome<AssessmentState>();
        }

        var merged = new Dictionary<string, Answer>(await cipher.ReadAnswersAsync(open, ct), StringComparer.Ordinal);
        foreach (var (id, answer) in parsed)
        {
            if (answer.Kind == AnswerKind.Skipped)
            {
                merged.Remove(id);
            }
            else
            {
                merged[id] = answer;
            }
        }

        open.AnswersCiphertext = await cipher.EncryptAnswersAsync(open, merged, ct);
        if (input.NextSection is not null)
        {
            open.CurrentSection = input.NextSection;
        }

        await db.SaveChangesAsync(ct);
        return Outcome<AssessmentState>.Ok(await StateAsync(space.Kind, mine, ct));
    }

    /// <summary>Finishes the round in progress with the member's sharing choices. Finishing twice is refused.</summary>
    public async Task<Outcome<AssessmentResultView>> CompleteAsync(Guid spaceId, CompleteInput input, CancellationToken ct = default)
    {
        var space = await MySpaceAsync(spaceId, ct);
        if (space is null)
        {
            return Outcome<AssessmentResultView>.NotFound();
        }

        var errors = new FieldErrors();
        var mask = 0;
        foreach (var name in input.Share ?? DimensionCatalog.All.Select(d => d.WireName()).ToList())
        {
            if (DimensionCatalog.TryParse(name, out var dimension))
            {
                mask |= AssessmentDocument.DimensionsMask([dimension]);
            }
            else
            {
                errors.Add("share", text["NotADimension", name]);
            }
        }

        if (errors.Any)
        {
            return errors.ToOutcome<AssessmentResultView>();
        }

        var mine = await MyResponsesAsync(spaceId, ct);
        var open = mine.FirstOrDefault(r => r.CompletedAt is null);
        if (open is null)
        {
            return Outcome<AssessmentResultView>.Refused(409, text["AlreadyFinishedTitle"], text["AlreadyFinished"]);
        }

        // Claim the finish atomically, so a double click finishes once.
        var now = clock.GetUtcNow();
        var claimed = await db.Set<AssessmentResponse>()
            .Where(r => r.Id == open.Id && r.CompletedAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.CompletedAt, now)
                    .SetProperty(r => r.SharedDimensions, mask)
                    .SetProperty(r => r.ShareCareWays, input.ShareCareWays ?? true)
                    .SetProperty(r => r.CurrentSection, (string?)null),
                ct);
        if (claimed != 1)
        {
            return Outcome<AssessmentResultView>.Refused(409, text["AlreadyFinishedTitle"], text["AlreadyFinished"]);
        }

        // The update went straight to the database; the tracked copy is stale, so read afresh.
        db.Entry(open).State = EntityState.Detached;
        return await GetResultAsync(spaceId, open.Round, ct);
    }

    private async Task<AssessmentState> StateAsync(RelationshipKind kind, List<AssessmentResponse> mine, CancellationToken ct)
    {
        var open = mine.FirstOrDefault(r => r.CompletedAt is null);
        var completed = mine.Count(r => r.CompletedAt is not null);
        var optIn = open?.SexualOptIn ?? false;
        var answers = open is null
            ? new Dictionary<string, string>()
            : (await cipher.ReadAnswersAsync(open, ct)).ToDictionary(kv => kv.Key, kv => AssessmentAnswerWire.WireAnswer(kv.Value), StringComparer.Ordinal);
        return new AssessmentState(
            Content.Version,
            kind.WireName(),
            open?.Round ?? completed,
            open is not null ? AssessmentStatus.InProgress : completed > 0 ? AssessmentStatus.Completed : AssessmentStatus.NotStarted,
            completed,
            kind == RelationshipKind.Romantic,
            optIn,
            open?.CurrentSection,
            StepsFor(kind, optIn),
            answers);
    }
}

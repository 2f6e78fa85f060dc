using System.Text.Json;
using Hearth.Core.Assessments;
using Hearth.Core.Dimensions;
using Hearth.Core.Spaces;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Data.Export;
using Hearth.Web.Features.DataRights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Assessments;

/// <summary>
/// One round of the closeness assessment: your answers (item id -> a number on its scale,
/// "preferNotToSay" or "notRelevant"), and what you chose to share on the closeness map.
/// Safety questions are never stored, so they are never here.
/// </summary>
public sealed record AssessmentRoundItem(
    int Round,
    string ContentVersion,
    string RelationshipKind,
    bool SexualOptIn,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    string? CurrentSection,
    IReadOnlyDictionary<string, string> Answers,
    IReadOnlyList<string> SharedDimensions,
    bool ShareCareWays);

/// <summary>
/// Assessment rounds: only your own. The other person's answers are never revealed (the shared map
/// is computed on request from the dimensions you both shared), so there is no "sharedWithMe" part.
/// </summary>
public sealed class AssessmentData(HearthDbContext db, FieldCipher cipher, IStringLocalizer<AssessmentsText> text) : IPersonalDataKind
{
    public string Name => "assessmentRounds";

    public KindDisplay Display { get; } = new("Your closeness assessment");

    public async Task<KindExport> ExportAsync(MemberSpace space, CancellationToken ct)
    {
        var rows = await db.Set<AssessmentResponse>().IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.SpaceId == space.SpaceId && r.UserId == space.Me)
            .OrderBy(r => r.Round)
            .ToListAsync(ct);
        var mine = new List<AssessmentRoundItem>(rows.Count);
        foreach (var r in rows)
        {
            var answers = new SortedDictionary<string, string>(
                (await cipher.ReadAnswersAsync(r, ct)).ToDictionary(kv => kv.Key, kv => AssessmentAnswerWire.WireAnswer(kv.Value)),
                StringComparer.Ordinal);
            mine.Add(new AssessmentRoundItem(
                r.Round,
                r.ContentVersion,
                r.Kind.WireName(),
                r.SexualOptIn,
                ExportJson.Instant(r.StartedAt),
                ExportJson.Instant(r.CompletedAt),
                r.CurrentSection,
                answers,
                AssessmentDocument.Shared(r.SharedDimensions).Select(d => d.WireName()).ToList(),
                r.ShareCareWays));
        }

        return new KindExport(ExportJson.Element(mine), null);
    }

    public ImportWriter? PrepareImport(JsonElement mine, string path, FieldErrors errors)
    {
        var items = ExportJson.ReadList<AssessmentRoundItem>(mine, path, errors);
        if (items is null)
        {
            return null;
        }

        var content = AssessmentService.Content;
        var clean = new List<(AssessmentRoundItem Item, RelationshipKind Kind, Dictionary<string, Answer> Answers, int Shared)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = $"{path}[{i}]";
            if (item.Round != i + 1)
            {
                errors.Add($"{at}.round", text["ImportRounds"]);
            }

            if (item.ContentVersion != content.Version)
            {
                errors.Add($"{at}.contentVersion", text["ImportOtherVersion", content.Version]);
                continue;
            }

            if (!RelationshipKinds.TryParse(item.RelationshipKind, out var kind))
            {
                errors.Add($"{at}.relationshipKind", text["ImportKind"]);
                continue;
            }

            if (item.CompletedAt is null && i != items.Count - 1)
            {
                errors.Add($"{at}.completedAt", text["ImportInProgress"]);
            }

            if (item.CompletedAt is { } done && done < item.StartedAt)
            {
                errors.Add($"{at}.completedAt", text["ImportFinishAfterStart"]);
            }

            var steps = AssessmentService.StepsFor(kind, item.SexualOptIn && kind == RelationshipKind.Romantic);
            if (item.CurrentSection is not null && (item.CompletedAt is not null || !steps.Contains(item.CurrentSection)))
            {
                errors.Add($"{at}.currentSection", text["ImportStep"]);
            }

            var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
            if (item.Answers.Count > 100)
            {
                errors.Add($"{at}.answers", text["TooManyAnswers"]);
                continue;
            }

            foreach (var (id, raw) in item.Answers)
            {
                if (!AssessmentAnswerWire.TryParseAnswer(raw, out var answer) || answer.Kind == AnswerKind.Skipped)
                {
                    errors.Add($"{at}.answers", text["ImportAnswerShape"]);
                    continue;
                }

                if (content.TryGetItem(id, out var question) && question.IsSafety)
                {
                    errors.Add($"{at}.answers", text["ImportSafety"]);
                    continue;
                }

                answers[id] = answer;
            }

            foreach (var error in AssessmentAnswers.Validate(content, new AssessmentAnswers(kind, item.SexualOptIn && kind == RelationshipKind.Romantic, answers)))
            {
                errors.Add($"{at}.answers", AssessmentMessages.Say(text, content, error));
            }

            var shared = new List<Dimension>();
            foreach (var name in item.SharedDimensions)
            {
                if (DimensionCatalog.TryParse(name, out var dimension))
                {
                    shared.Add(dimension);
                }
                else
                {
                    errors.Add($"{at}.sharedDimensions", text["ImportDimensions"]);
                }
            }

            clean.Add((item, kind, answers, AssessmentDocument.DimensionsMask(shared)));
        }

        return async (target, token) =>
        {
            foreach (var (item, kind, answers, shared) in clean)
            {
                var row = new AssessmentResponse
                {
                    Id = Guid.CreateVersion7(),
                    SpaceId = target.SpaceId,
                    UserId = target.Me,
                    Round = item.Round,
                    ContentVersion = item.ContentVersion,
                    Kind = kind,
                    SexualOptIn = item.SexualOptIn && kind == RelationshipKind.Romantic,
                    StartedAt = item.StartedAt,
                    CompletedAt = item.CompletedAt,
                    CurrentSection = item.CurrentSection,
                    SharedDimensions = shared,
                    ShareCareWays = item.ShareCareWays,
                };
                row.AnswersCiphertext = await cipher.EncryptAnswersAsync(row, answers, token);
                db.Add(row);
            }
        };
    }

    public Task EraseAsync(Guid userId, CancellationToken ct) =>
        db.Set<AssessmentResponse>().IgnoreQueryFilters().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
}

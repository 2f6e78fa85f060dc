using Hearth.Core.FreeText;
using Hearth.Core.QualityTime;
using Hearth.Core.Spaces;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Export;
using Hearth.Web.Features.Daily;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.DataRights;

/// <summary>
/// Checks every value of an export before anything is written: the account, each space, and each
/// kind's items (by the kind registered under that name). Problems go into the field errors; the
/// result is the plan the import writes.
/// </summary>
internal static class ImportCheck
{
    internal sealed record SpacePlan(ExportSpace Space, RelationshipKind Kind, string? Label, bool Closed, List<ImportWriter> Writers);

    public static List<SpacePlan> Check(ExportDocument document, IEnumerable<IPersonalDataKind> kinds, FieldErrors errors, IStringLocalizer<DataRightsText> text)
    {
        if (!TimeZones.IsKnown(document.Account.TimeZone))
        {
            errors.Add("account.timeZone", text["UnknownTimeZone"]);
        }

        if (document.Account.Language is { } language && Languages.LanguageService.Exact(language) is null)
        {
            errors.Add("account.language", "This is not a language Hearth speaks.");
        }

        var name = document.Account.DisplayName.Trim();
        if (name.Length == 0 || TextLength.Check(name, Limits.DisplayName) != TextFit.Fits || name.Any(char.IsControl))
        {
            errors.Add("account.displayName", text["NameRule", Limits.DisplayName]);
        }

        if (document.Spaces.Count > DataImportService.MaxSpaces)
        {
            errors.Add("spaces", text["TooManySpaces", DataImportService.MaxSpaces]);
            return [];
        }

        var byName = kinds.ToDictionary(k => k.Name, StringComparer.Ordinal);
        var plans = new List<SpacePlan>();
        for (var i = 0; i < document.Spaces.Count; i++)
        {
            var space = document.Spaces[i];
            var at = $"spaces[{i}]";
            if (!RelationshipKinds.TryParse(space.Kind, out var kind))
            {
                errors.Add($"{at}.kind", text["SpaceKindRule"]);
            }

            var label = MembershipLabel.Clean(space.Label, errors, $"{at}.label");
            if (space.State is not ("solo" or "paired" or "closed" or "left"))
            {
                errors.Add($"{at}.state", text["SpaceStateRule"]);
            }

            if ((space.State == "left") != (space.LeftAt is not null))
            {
                errors.Add($"{at}.leftAt", text["LeftAtRule"]);
            }
            else if (space.LeftAt is { } left && left < space.JoinedAt)
            {
                errors.Add($"{at}.leftAt", text["LeftBeforeJoined"]);
            }

            if (space.Settings.TimeZone is not null && !TimeZones.IsKnown(space.Settings.TimeZone))
            {
                errors.Add($"{at}.settings.timeZone", text["UnknownTimeZone"]);
            }

            if (!DailyGoal.Create(space.Settings.DailyGoalMinutes).IsOk)
            {
                errors.Add($"{at}.settings.dailyGoalMinutes", text["DailyGoalRule"]);
            }

            if (space.Settings.QuestionTime is not null && Hearth.Core.Rituals.RitualInput.MinuteOfDay(space.Settings.QuestionTime) is null)
            {
                errors.Add($"{at}.settings.questionTime", text["QuestionTimeRule"]);
            }

            var writers = new List<ImportWriter>();
            foreach (var (kindName, items) in space.Mine)
            {
                if (!byName.TryGetValue(kindName, out var part))
                {
                    errors.Add($"{at}.mine.{kindName}", text["UnknownKind"]);
                    continue;
                }

                if (part.PrepareImport(items, $"{at}.mine.{kindName}", errors) is { } writer)
                {
                    writers.Add(writer);
                }
            }

            plans.Add(new SpacePlan(space, kind, label, space.State is "closed" or "left", writers));
        }

        if (plans.Count(p => !p.Closed) > SpaceRules.MaxOpenSpacesPerPerson)
        {
            errors.Add("spaces", text["TooManyOpenSpaces", SpaceRules.MaxOpenSpacesPerPerson]);
        }

        return plans;
    }
}

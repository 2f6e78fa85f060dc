using Hearth.Core.FreeText;
using Hearth.Core.QualityTime;
using Hearth.Core.Spaces;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Data.Export;
using Hearth.Web.Features.Daily;

namespace Hearth.Web.Features.DataRights;

/// <summary>
/// Checks every value of an export before anything is written: the account, each space, and each
/// kind's items (by the kind registered under that name). Problems go into the field errors; the
/// result is the plan the import writes.
/// </summary>
internal static class ImportCheck
{
    internal sealed record SpacePlan(ExportSpace Space, RelationshipKind Kind, string? Label, bool Closed, List<ImportWriter> Writers);

    public static List<SpacePlan> Check(ExportDocument document, IEnumerable<IPersonalDataKind> kinds, FieldErrors errors)
    {
        if (!TimeZones.IsKnown(document.Account.TimeZone))
        {
            errors.Add("account.timeZone", "This is not a time zone Hearth knows.");
        }

        if (document.Account.Language is { } language && Languages.LanguageService.Exact(language) is null)
        {
            errors.Add("account.language", "This is not a language Hearth speaks.");
        }

        var name = document.Account.DisplayName.Trim();
        if (name.Length == 0 || TextLength.Check(name, Limits.DisplayName) != TextFit.Fits || name.Any(char.IsControl))
        {
            errors.Add("account.displayName", $"A name is one line of up to {Limits.DisplayName} characters.");
        }

        if (document.Spaces.Count > DataImportService.MaxSpaces)
        {
            errors.Add("spaces", $"This export has more spaces than Hearth imports ({DataImportService.MaxSpaces}).");
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
                errors.Add($"{at}.kind", "A space is romantic, friends or family.");
            }

            var label = MembershipLabel.Clean(space.Label, errors, $"{at}.label");
            if (space.State is not ("solo" or "paired" or "closed" or "left"))
            {
                errors.Add($"{at}.state", "A space is solo, paired, closed or left.");
            }

            if ((space.State == "left") != (space.LeftAt is not null))
            {
                errors.Add($"{at}.leftAt", "A space you left has the date you left it, and only then.");
            }
            else if (space.LeftAt is { } left && left < space.JoinedAt)
            {
                errors.Add($"{at}.leftAt", "You left a space after you joined it.");
            }

            if (space.Settings.TimeZone is not null && !TimeZones.IsKnown(space.Settings.TimeZone))
            {
                errors.Add($"{at}.settings.timeZone", "This is not a time zone Hearth knows.");
            }

            if (!DailyGoal.Create(space.Settings.DailyGoalMinutes).IsOk)
            {
                errors.Add($"{at}.settings.dailyGoalMinutes", "This daily goal is outside what Hearth offers.");
            }

            var writers = new List<ImportWriter>();
            foreach (var (kindName, items) in space.Mine)
            {
                if (!byName.TryGetValue(kindName, out var part))
                {
                    errors.Add($"{at}.mine.{kindName}", "This Hearth does not know this kind of data.");
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
            errors.Add("spaces", $"A person can be in up to {SpaceRules.MaxOpenSpacesPerPerson} open spaces, and this export has more.");
        }

        return plans;
    }
}

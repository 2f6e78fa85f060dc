using System.Globalization;
using Hearth.Core.Dimensions;
using Hearth.Core.Prompts;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Prompts;

/// <summary>
/// Why a day's prompt was chosen, stored without words ("reasons:2,5", the recommender's reason codes)
/// so each member reads it in their own language; days stored before that keep their English sentence.
/// </summary>
internal static class PromptExplanation
{
    private const string Prefix = "reasons:";

    public static string Store(IReadOnlyList<PromptReason> reasons) =>
        Prefix + string.Join(",", reasons.Select(r => ((int)r).ToString(CultureInfo.InvariantCulture)));

    public static string Read(string stored, ConversationPrompt prompt, IStringLocalizer<PromptsText> text)
    {
        if (stored == PromptData.ImportedExplanation)
        {
            return text["Imported"].Value;
        }

        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        var sentences = new List<string>();
        foreach (var code in stored[Prefix.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || !Enum.IsDefined((PromptReason)number))
            {
                continue;
            }

            var reason = (PromptReason)number;
            sentences.Add(reason == PromptReason.PriorityDimension
                ? text[$"Reason.PriorityDimension.{prompt.Dimension.WireName()}"].Value
                : text[$"Reason.{reason}"].Value);
        }

        return string.Join(" ", sentences);
    }

    public static string DimensionTitle(Dimension dimension, IStringLocalizer<PromptsText> text) => text[$"Dimension.{dimension.WireName()}"].Value;
}

using System.Globalization;
using System.Text.Json;
using Hearth.Core.Assessments;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Assessments;

/// <summary>Answers on the wire (the API, the page's form and the export): "5", "preferNotToSay", "notRelevant" or "" (skip).</summary>
internal static class AssessmentAnswerWire
{
    /// <summary>Reads "5", 5, "preferNotToSay", "notRelevant" or "" (skip) for each item id.</summary>
    public static Dictionary<string, Answer> ParseAnswers(IReadOnlyDictionary<string, JsonElement>? raw, FieldErrors errors, IStringLocalizer<AssessmentsText> words)
    {
        var parsed = new Dictionary<string, Answer>(StringComparer.Ordinal);
        if (raw is null)
        {
            errors.Add("answers", words["AnswersObject"]);
            return parsed;
        }

        if (raw.Count > 100)
        {
            errors.Add("answers", words["TooManyAnswers"]);
            return parsed;
        }

        foreach (var (id, value) in raw)
        {
            var text = value.ValueKind switch
            {
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => "",
                _ => null,
            };
            if (text is null || !TryParseAnswer(text, out var answer))
            {
                errors.Add($"answers.{id}", words["AnswerShape"]);
                continue;
            }

            parsed[id] = answer;
        }

        return parsed;
    }

    public static bool TryParseAnswer(string text, out Answer answer)
    {
        answer = Answer.Skipped;
        switch (text)
        {
            case "":
                return true;
            case "preferNotToSay":
                answer = Answer.PreferNotToSay;
                return true;
            case "notRelevant":
                answer = Answer.NotRelevant;
                return true;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            answer = Answer.Of(value);
            return true;
        }

        return false;
    }

    public static string WireAnswer(Answer answer) => answer.Kind switch
    {
        AnswerKind.PreferNotToSay => "preferNotToSay",
        AnswerKind.NotRelevant => "notRelevant",
        AnswerKind.Value => answer.Value.ToString(CultureInfo.InvariantCulture),
        _ => "",
    };
}

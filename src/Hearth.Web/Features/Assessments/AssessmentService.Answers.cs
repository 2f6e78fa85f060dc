using System.Globalization;
using System.Text.Json;
using Hearth.Core.Assessments;
using Hearth.Core.Dimensions;

namespace Hearth.Web.Features.Assessments;

/// <summary>Answers on the wire and as stored: parsing, the encrypted answers document, the sharing mask.</summary>
public sealed partial class AssessmentService
{
    /// <summary>Reads "5", 5, "preferNotToSay", "notRelevant" or "" (skip) for each item id.</summary>
    internal static Dictionary<string, Answer> ParseAnswers(IReadOnlyDictionary<string, JsonElement>? raw, FieldErrors errors)
    {
        var parsed = new Dictionary<string, Answer>(StringComparer.Ordinal);
        if (raw is null)
        {
            errors.Add("answers", "Please send the answers as an object of question ids and values.");
            return parsed;
        }

        if (raw.Count > 100)
        {
            errors.Add("answers", "That is more answers than the assessment has questions.");
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
                errors.Add($"answers.{id}", "An answer is a number on the question's scale, \"preferNotToSay\", \"notRelevant\", or empty to skip.");
                continue;
            }

            parsed[id] = answer;
        }

        return parsed;
    }

    internal static bool TryParseAnswer(string text, out Answer answer)
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

    internal static string WireAnswer(Answer answer) => answer.Kind switch
    {
        AnswerKind.PreferNotToSay => "preferNotToSay",
        AnswerKind.NotRelevant => "notRelevant",
        AnswerKind.Value => answer.Value.ToString(CultureInfo.InvariantCulture),
        _ => "",
    };

    private async Task<Dictionary<string, Answer>> DecryptAsync(AssessmentResponse response, CancellationToken ct)
    {
        var json = await cipher.DecryptAsync(response.AnswersCiphertext, Context(response), ct);
        return ReadStoredAnswers(json);
    }

    /// <summary>The stored (decrypted) answers document: item id -> value, -1 prefer not to say, -2 not relevant. Also used by the data export.</summary>
    internal static Dictionary<string, Answer> ReadStoredAnswers(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new Dictionary<string, Answer>(StringComparer.Ordinal);
        }

        var codes = JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [];
        return codes.ToDictionary(
            kv => kv.Key,
            kv => kv.Value switch
            {
                PreferNotToSayCode => Answer.PreferNotToSay,
                NotRelevantCode => Answer.NotRelevant,
                var v => Answer.Of(v),
            },
            StringComparer.Ordinal);
    }

    private Task<byte[]> EncryptAsync(AssessmentResponse response, Dictionary<string, Answer> answers, CancellationToken ct) =>
        cipher.EncryptAsync(StoredAnswers(answers), Context(response), ct);

    /// <summary>The answers document as stored (before encryption). Also used by the data import.</summary>
    internal static string StoredAnswers(IReadOnlyDictionary<string, Answer> answers)
    {
        var codes = answers.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.Kind switch
            {
                AnswerKind.PreferNotToSay => PreferNotToSayCode,
                AnswerKind.NotRelevant => NotRelevantCode,
                _ => kv.Value.Value,
            },
            StringComparer.Ordinal);
        return JsonSerializer.Serialize(codes);
    }

    internal const string AnswersTable = Table;

    internal const string AnswersColumn = Column;

    internal static int DimensionsMask(IEnumerable<Dimension> dimensions) => dimensions.Aggregate(0, (m, d) => m | Bit(d));
}

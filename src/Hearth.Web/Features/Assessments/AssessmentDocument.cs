using System.Text.Json;
using Hearth.Core.Assessments;
using Hearth.Core.Dimensions;
using Hearth.Web.Data.Encryption;

namespace Hearth.Web.Features.Assessments;

/// <summary>
/// How a round's answers are kept: an <see cref="AssessmentResponse"/> row whose answers are one JSON
/// document (item id -> value, -1 prefer not to say, -2 not relevant), encrypted under the member's
/// key and bound to that row, plus the bit mask of the dimensions the member shares on the map. The
/// assessment service, the export and import, and the bench seeder read and write rounds only through here.
/// </summary>
internal static class AssessmentDocument
{
    private const string Table = "AssessmentResponses";
    private const string Column = "Answers";
    private const int PreferNotToSayCode = -1;
    private const int NotRelevantCode = -2;

    /// <summary>The cipher context of a round's answers: bound to its row and to the member who gave them.</summary>
    public static CipherContext Context(AssessmentResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new(Table, Column, response.Id, response.UserId);
    }

    /// <summary>A round's answers, encrypted for its row.</summary>
    public static Task<byte[]> EncryptAnswersAsync(this FieldCipher cipher, AssessmentResponse response, IReadOnlyDictionary<string, Answer> answers, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        return cipher.EncryptAsync(Write(answers), Context(response), ct);
    }

    /// <summary>A round's answers; empty when there are none yet or nothing to read (a shredded author).</summary>
    public static async Task<Dictionary<string, Answer>> ReadAnswersAsync(this FieldCipher cipher, AssessmentResponse response, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        var json = await cipher.DecryptAsync(response.AnswersCiphertext, Context(response), ct);
        return Read(json);
    }

    /// <summary>The stored (decrypted) answers document: item id -> value, -1 prefer not to say, -2 not relevant.</summary>
    public static Dictionary<string, Answer> Read(string? json)
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

    /// <summary>The answers document as stored (before encryption).</summary>
    public static string Write(IReadOnlyDictionary<string, Answer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
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

    /// <summary>The stored sharing mask of some dimensions (1 &lt;&lt; dimension each).</summary>
    public static int DimensionsMask(IEnumerable<Dimension> dimensions) => dimensions.Aggregate(0, (m, d) => m | Bit(d));

    /// <summary>The mask that shares every dimension (a new round's default).</summary>
    public static int AllDimensionsMask => DimensionsMask(DimensionCatalog.All);

    /// <summary>The dimensions a stored mask shares, in catalog order.</summary>
    public static IEnumerable<Dimension> Shared(int mask) => DimensionCatalog.All.Where(d => (mask & Bit(d)) != 0);

    private static int Bit(Dimension dimension) => 1 << (int)dimension;
}

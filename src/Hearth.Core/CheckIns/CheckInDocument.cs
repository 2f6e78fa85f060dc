using System.Text.Json;
using Hearth.Core.Dimensions;
using NodaTime;

namespace Hearth.Core.CheckIns;

/// <summary>
/// The plaintext of a check-in's encrypted answers document: each answered measure under its
/// <see cref="CheckInMeasureInfo.StoredKey"/>, then "N" (no tension), "T" (the more-of/less-of text)
/// and "D" (its kind of closeness), skipped answers left out. Never a safety field. The check-in
/// feature, the export and import, and the bench seeder all write and read it here, so the format
/// has one home: <c>{"S":8,"C":5,"N":false,"T":"More walks"}</c>.
/// </summary>
public static class CheckInDocument
{
    private const string NoTensionKey = "N";
    private const string TextKey = "T";
    private const string DimensionKey = "D";

    /// <summary>The document for a record (its week and content version are kept beside it, not in it).</summary>
    public static string Write(CheckInRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var measure in CheckInMeasures.Definitions)
            {
                if (record.Value(measure.Measure) is { } value)
                {
                    json.WriteNumber(measure.StoredKey, value);
                }
            }

            json.WriteBoolean(NoTensionKey, record.NoTension);
            if (record.Needs is not null)
            {
                json.WriteString(TextKey, record.Needs);
            }

            if (record.NeedsDimension is { } dimension)
            {
                json.WriteString(DimensionKey, dimension.WireName());
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads a document back; null when there is nothing (the answers of a shredded author).</summary>
    public static CheckInRecord? Read(string? document, LocalDate week, string version)
    {
        if (string.IsNullOrEmpty(document))
        {
            return null;
        }

        using var parsed = JsonDocument.Parse(document);
        var root = parsed.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        int? Number(CheckInMeasure measure) =>
            root.TryGetProperty(measure.Info().StoredKey, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
        string? Text(string key) =>
            root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        return new CheckInRecord(
            week,
            version,
            Number(CheckInMeasure.Satisfaction),
            Number(CheckInMeasure.Closeness),
            Number(CheckInMeasure.FeltHeard),
            Number(CheckInMeasure.PhoneFreeMinutes),
            Number(CheckInMeasure.Appreciation),
            Number(CheckInMeasure.Repair),
            root.TryGetProperty(NoTensionKey, out var n) && n.ValueKind == JsonValueKind.True,
            Text(TextKey),
            DimensionCatalog.TryParse(Text(DimensionKey), out var d) ? d : null,
            Number(CheckInMeasure.WarningSigns));
    }
}

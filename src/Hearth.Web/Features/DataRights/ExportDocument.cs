using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hearth.Web.Features.Notifications;

namespace Hearth.Web.Features.DataRights;

/// <summary>
/// The export: one JSON document, format "hearth-export", version 1 (docs/export-format.md, with a
/// JSON Schema in docs/export-format.schema.json). It carries no database ids, so the same data
/// exports to the same document on any Hearth.
/// </summary>
public sealed record ExportDocument(
    string Format,
    int Version,
    DateTimeOffset ExportedAt,
    ExportAccount Account,
    IReadOnlyList<ExportSpace> Spaces,
    ExportIntegrity? Integrity)
{
    public const string FormatName = "hearth-export";
    public const int CurrentVersion = 1;
}

/// <summary>The account. Language: the code of the language you chose ("de"), or null when your browser's decides (files from before it was kept have none).</summary>
public sealed record ExportAccount(string Email, string DisplayName, string TimeZone, DateTimeOffset CreatedAt, string? Language = null, ExportNotifications? Notifications = null);

/// <summary>
/// One of your spaces. State: "solo", "paired", "closed" (the space closed; it is still on your list)
/// or "left" (you left it, or removed it from your list). When the space closed is not here: the
/// one who stays is never told when the other left.
/// </summary>
public sealed record ExportSpace(
    string Kind,
    string? Label,
    string State,
    DateTimeOffset JoinedAt,
    DateTimeOffset? LeftAt,
    ExportSpaceSettings Settings,
    IReadOnlyDictionary<string, JsonElement> Mine,
    ExportSharedWithMe SharedWithMe);

/// <summary>What the pair set for the space (either could change it). timeZone null: the zone of whoever started the space.</summary>
/// <summary>The pair's settings; <paramref name="QuestionTime"/> ("HH:mm", or null) is when today's question may be told.</summary>
public sealed record ExportSpaceSettings(bool LivingApart, string? TimeZone, int DailyGoalMinutes, string? QuestionTime = null);

/// <summary>What the other person revealed to you. Kept for you to read; never imported as yours.</summary>
public sealed record ExportSharedWithMe(string? OtherName, IReadOnlyDictionary<string, JsonElement> Items);

/// <summary>
/// The file's checksum: SHA-256 of the canonical document without this field. It detects accidental
/// damage, not deliberate edits (anyone can recompute it); the wire name "integrity" is kept so files
/// already exported still import (docs/adr/0016-failed-writes-imports-and-the-checksum.md).
/// </summary>
public sealed record ExportIntegrity(string Algorithm, string Digest)
{
    public const string Sha256 = "SHA-256";
}

/// <summary>
/// The digest of a document: SHA-256 over its canonical form (the whole document without
/// "integrity", object keys sorted by code point, no whitespace, strings as UTF-8 with JSON
/// escaping, numbers as written). Anyone can recompute it, so it is a checksum for accidental
/// damage (a download cut short, a stray keystroke), never proof that a file is unedited or made by
/// a Hearth; import checks every value anyway.
/// </summary>
public static class ExportDigest
{
    public static string Compute(JsonElement document)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteCanonical(writer, document, skipIntegrity: true);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>Adds the integrity field to a document that has none.</summary>
    public static JsonObject Seal(JsonObject document)
    {
        document.Remove("integrity");
        var digest = Compute(JsonSerializer.SerializeToElement(document));
        document["integrity"] = new JsonObject { ["algorithm"] = ExportIntegrity.Sha256, ["digest"] = digest };
        return document;
    }

    public static bool Verify(JsonElement document) =>
        document.TryGetProperty("integrity", out var integrity)
        && integrity.ValueKind == JsonValueKind.Object
        && integrity.TryGetProperty("algorithm", out var algorithm) && algorithm.ValueKind == JsonValueKind.String && algorithm.GetString() == ExportIntegrity.Sha256
        && integrity.TryGetProperty("digest", out var digest) && digest.ValueKind == JsonValueKind.String
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(digest.GetString() ?? ""), Encoding.ASCII.GetBytes(Compute(document)));

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element, bool skipIntegrity)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (skipIntegrity && property.Name == "integrity")
                    {
                        continue;
                    }

                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value, skipIntegrity: false);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteCanonical(writer, item, skipIntegrity: false);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(element.GetRawText(), skipInputValidation: true);
                break;
            case JsonValueKind.True:
                writer.WriteBooleanValue(true);
                break;
            case JsonValueKind.False:
                writer.WriteBooleanValue(false);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}

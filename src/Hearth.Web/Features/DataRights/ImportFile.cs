using System.Text.Json;
using Hearth.Web.Api;
using Hearth.Web.Data.Export;

namespace Hearth.Web.Features.DataRights;

/// <summary>
/// Reads an import file: its size, that it is JSON and a Hearth export of the version this Hearth
/// reads, that it matches its checksum, and that it has the shape of <see cref="ExportDocument"/>.
/// The values inside are checked next (<see cref="ImportCheck"/>).
/// </summary>
internal static class ImportFile
{
    public static Outcome<ExportDocument> Read(ReadOnlyMemory<byte> file)
    {
        if (file.Length > DataImportService.MaxBytes)
        {
            return Outcome<ExportDocument>.Refused(413, "Too large", DataImportService.TooLargeDetail);
        }

        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(file, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException)
        {
            return NotAnExport("This file is not valid JSON. Choose the .json file Hearth gave you when you downloaded your data. Nothing was imported.");
        }

        using (parsed)
        {
            var root = parsed.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != ExportDocument.FormatName)
            {
                return NotAnExport("This file is not a Hearth export. Choose the .json file Hearth gave you when you downloaded your data. Nothing was imported.");
            }

            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != ExportDocument.CurrentVersion)
            {
                return Outcome<ExportDocument>.Refused(400, "Another version", $"This export was made in a format version this Hearth does not read. It reads version {ExportDocument.CurrentVersion}. Nothing was imported.");
            }

            if (!ExportDigest.Verify(root))
            {
                return Outcome<ExportDocument>.Refused(400, "Damaged or changed", "This file doesn't match its checksum, so part of it may be damaged, cut short or changed. Download a fresh copy and try again. Nothing was imported.");
            }

            ExportDocument? document;
            try
            {
                document = root.Deserialize<ExportDocument>(ExportJson.Read);
            }
            catch (JsonException ex)
            {
                return NotAnExport($"Part of this export could not be read (at {ExportJson.Where(ex)}). Nothing was imported.");
            }

            if (document is null)
            {
                return NotAnExport("This file is not a Hearth export. Nothing was imported.");
            }

            return Outcome<ExportDocument>.Ok(document);
        }
    }

    private static Outcome<ExportDocument> NotAnExport(string detail) => Outcome<ExportDocument>.Refused(400, "Not a Hearth export", detail);
}

using System.Text.Json;
using Hearth.Web.Api;
using Hearth.Web.Data.Export;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.DataRights;

/// <summary>
/// Reads an import file: its size, that it is JSON and a Hearth export of the version this Hearth
/// reads, that it matches its checksum, and that it has the shape of <see cref="ExportDocument"/>.
/// The values inside are checked next (<see cref="ImportCheck"/>).
/// </summary>
internal static class ImportFile
{
    public static Outcome<ExportDocument> Read(ReadOnlyMemory<byte> file, IStringLocalizer<DataRightsText> text)
    {
        if (file.Length > DataImportService.MaxBytes)
        {
            return Outcome<ExportDocument>.Refused(413, text["TooLargeTitle"], DataImportService.TooLarge(text));
        }

        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(file, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException)
        {
            return NotAnExport(text, text["NotJson"]);
        }

        using (parsed)
        {
            var root = parsed.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != ExportDocument.FormatName)
            {
                return NotAnExport(text, text["NotAnExport"]);
            }

            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != ExportDocument.CurrentVersion)
            {
                return Outcome<ExportDocument>.Refused(400, text["AnotherVersionTitle"], text["AnotherVersion", ExportDocument.CurrentVersion]);
            }

            if (!ExportDigest.Verify(root))
            {
                return Outcome<ExportDocument>.Refused(400, text["DamagedTitle"], text["Damaged"]);
            }

            ExportDocument? document;
            try
            {
                document = root.Deserialize<ExportDocument>(ExportJson.Read);
            }
            catch (JsonException ex)
            {
                return NotAnExport(text, text["PartUnreadable", ExportJson.Where(ex)]);
            }

            if (document is null)
            {
                return NotAnExport(text, text["NotAnExportShort"]);
            }

            return Outcome<ExportDocument>.Ok(document);
        }
    }

    private static Outcome<ExportDocument> NotAnExport(IStringLocalizer<DataRightsText> text, string detail) => Outcome<ExportDocument>.Refused(400, text["NotAnExportTitle"], detail);
}

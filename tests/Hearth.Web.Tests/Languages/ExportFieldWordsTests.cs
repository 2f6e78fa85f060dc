using System.Text.Json;
using System.Xml.Linq;

using Hearth.Web.Tests.Architecture;

namespace Hearth.Web.Tests.Languages;

/// <summary>
/// The page that reads your own export names every field in your language: each property name in
/// the export format (docs/export-format.schema.json) has its words in DataRights' resource file
/// (<c>Field.&lt;name&gt;</c>), so a new field can't appear on that page in English only.
/// ResourceCoverageTests then holds every shipped language to the same keys.
/// </summary>
public sealed class ExportFieldWordsTests
{
    [Fact]
    public void Every_field_of_the_export_format_has_words_on_the_reading_page()
    {
        var root = OpenApiDocument.RepositoryRoot();
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "docs", "export-format.schema.json")));
        var names = new SortedSet<string>(StringComparer.Ordinal);
        Collect(schema.RootElement, names);

        var keys = XDocument.Load(Path.Combine(root, "src", "Hearth.Web", "Features", "DataRights", "DataRightsText.resx")).Root!
            .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var missing = names.Where(n => !keys.Contains("Field." + n)).ToList();

        Assert.True(names.Count > 50, $"only {names.Count} field names found in the export schema");
        Assert.True(missing.Count == 0, "Fields of the export without words on /account/data/view (add Field.<name> to DataRightsText.resx and its translations): " + string.Join(", ", missing));
    }

    private static void Collect(JsonElement element, ISet<string> names)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "properties" && property.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in property.Value.EnumerateObject())
                    {
                        names.Add(field.Name);
                    }
                }

                Collect(property.Value, names);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, names);
            }
        }
    }
}

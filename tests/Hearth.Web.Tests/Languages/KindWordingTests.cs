using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Hearth.Core.Assessments;
using Hearth.Core.CheckIns;
using Hearth.Core.Dimensions;
using Hearth.Core.Insights;
using Hearth.Core.Languages;
using Hearth.Core.Learning;
using Hearth.Core.Practices;
using Hearth.Core.Prompts;
using Hearth.Core.Spaces;
using Hearth.Web.Tests.Architecture;

namespace Hearth.Web.Tests.Languages;

/// <summary>
/// Wording fits the kind everywhere (issue 17, rule 7): no sentence a friends or family space can
/// reach mentions sexual closeness, in any shipped language. Every text source is read as that kind
/// reads it: every content catalogue through its kind filter (prompts, practices, assessment items,
/// sections and scales, check-in, insights, the learn library, which anyone may open), every
/// resource key with its kind variant (<c>Key.friends</c> over <c>Key</c>; <c>Key.romantic</c> is
/// romantic only), and Core's dimension descriptions. Fails listing the ids and keys.
/// </summary>
public sealed partial class KindWordingTests
{
    /// <summary>Words about sex in English and German ("intim…" in both: intimacy, Intimität, intimen).</summary>
    [GeneratedRegex(@"\b(sex\w*|intim\w*|erotic\w*|erotisch\w*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex SexualWords();

    public static TheoryData<string, string> KindsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in new[] { RelationshipKind.Friends, RelationshipKind.Family })
        {
            foreach (var language in HearthLanguages.Shipped)
            {
                data.Add(kind.WireName(), language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public void No_content_a_friends_or_family_space_reads_mentions_sexual_closeness(string kindName, string language)
    {
        Assert.True(RelationshipKinds.TryParse(kindName, out var kind));
        var texts = new List<(string Where, string Text)>();

        foreach (var prompt in PromptCatalog.For(language).AvailableTo(kind, bothOptedInToSexualContent: false))
        {
            Walk($"prompts/{prompt.Id}", prompt, texts);
        }

        var practices = PracticeCatalog.For(language);
        foreach (var practice in practices.For(kind).Concat(practices.For(kind, apart: true)).DistinctBy(p => p.Id))
        {
            Walk($"practices/{practice.Id}", practice, texts);
        }

        var assessment = AssessmentContent.For(language);
        var shown = assessment.ItemsFor(kind, sexualOptIn: false);
        texts.AddRange(shown.Select(i => ($"assessment/{i.Item.Id}", i.Text)));
        var sectionsWithItems = assessment.Items.Select(i => i.Section).ToHashSet();
        foreach (var section in assessment.Sections.Where(s => !sectionsWithItems.Contains(s.Section) || shown.Any(i => i.Item.Section == s.Section)))
        {
            Walk($"assessment/section:{section.Section}", section, texts);
        }

        foreach (var scale in assessment.Scales)
        {
            Walk($"assessment/scale:{scale.Id}", scale, texts);
        }

        Walk("checkin", CheckInContent.For(language), texts);
        Walk("insights", InsightTexts.For(language), texts);
        Walk("learn", LearnLibrary.For(language), texts);
        if (language == HearthLanguages.English)
        {
            texts.AddRange(DimensionCatalog.All.Select(d => ($"Core dimension description {d.WireName()}", d.Describe(kind))));
        }

        var offending = texts.Where(t => SexualWords().IsMatch(t.Text)).Select(t => $"{t.Where}: {t.Text}").Distinct().ToList();
        Assert.True(offending.Count == 0, $"Content a {kindName} space reads in '{language}' that mentions sexual closeness:\n" + string.Join("\n", offending));
    }

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public void No_resource_a_friends_or_family_space_reads_mentions_sexual_closeness(string kindName, string language)
    {
        var root = Path.Combine(OpenApiDocument.RepositoryRoot(), "src");
        var offending = new List<string>();
        foreach (var english in Directory.EnumerateFiles(root, "*.resx", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Where(f => Path.GetFileNameWithoutExtension(f).IndexOf('.', StringComparison.Ordinal) < 0))
        {
            var file = language == HearthLanguages.English ? english : Path.ChangeExtension(english, $".{language}.resx");
            if (!File.Exists(file))
            {
                continue;
            }

            var values = XDocument.Load(file).Root!.Elements("data")
                .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
            foreach (var key in values.Keys.Where(k => !RelationshipKinds.All.Any(x => k.EndsWith("." + x.WireName(), StringComparison.Ordinal))))
            {
                var read = values.TryGetValue($"{key}.{kindName}", out var specific) ? specific : values[key];
                if (SexualWords().IsMatch(read))
                {
                    offending.Add($"{Path.GetFileNameWithoutExtension(file)}/{key}: {read}");
                }
            }
        }

        Assert.True(offending.Count == 0, $"Resources a {kindName} space reads in '{language}' that mention sexual closeness (give them a .romantic key and a wording for everyone):\n" + string.Join("\n", offending));
    }

    /// <summary>Every string an object carries, by its path (ids, versions and cultures are not sentences).</summary>
    internal static void Walk(string where, object? value, List<(string, string)> texts, int depth = 0)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                texts.Add((where, text));
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    Walk($"{where}/{entry.Key}", entry.Value, texts, depth + 1);
                }

                return;
            case IEnumerable items:
                var i = 0;
                foreach (var item in items)
                {
                    Walk($"{where}[{i++}]", item, texts, depth + 1);
                }

                return;
        }

        var type = value.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
        {
            Walk($"{where}/{type.GetProperty("Key")!.GetValue(value)}", type.GetProperty("Value")!.GetValue(value), texts, depth + 1);
            return;
        }

        if (depth > 8 || type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("Hearth", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            if (property.Name is "Id" or "Version" or "Culture" or "EqualityContract")
            {
                continue;
            }

            Walk($"{where}.{property.Name}", property.GetValue(value), texts, depth + 1);
        }
    }
}

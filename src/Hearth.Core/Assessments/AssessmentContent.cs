using System.Text.Json;
using Hearth.Core.ContentFiles;
using Hearth.Core.Dimensions;
using Hearth.Core.Languages;
using Hearth.Core.Spaces;

namespace Hearth.Core.Assessments;

/// <summary>
/// A versioned assessment: its scales, sections and items, in the order a member meets them.
/// The wording lives in an embedded JSON file (Assessments/Content/*.json), not in code.
/// </summary>
public sealed class AssessmentContent
{
    /// <summary>The embedded resource that holds the baseline assessment.</summary>
    public const string BaselineResourceName = "Hearth.Core.Assessments.Content.baseline.v1.json";

    private static readonly Lazy<AssessmentContent> LazyBaseline = new(() => LoadEmbedded(BaselineResourceName));

    private static readonly TranslatedContent<AssessmentContent> Translations =
        new(BaselineResourceName, () => Baseline, c => c.Version, (c, t) => c.Translate(t));

    private readonly Dictionary<string, AssessmentItem> itemsById;

    private AssessmentContent(
        string version,
        string timeFrame,
        IReadOnlyList<AnswerScale> scales,
        IReadOnlyList<AssessmentSectionInfo> sections,
        IReadOnlyList<AssessmentItem> items)
    {
        Version = version;
        TimeFrame = timeFrame;
        Scales = scales;
        Sections = sections;
        Items = items;
        itemsById = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
    }

    /// <summary>The baseline assessment shipped with Hearth ("baseline.v1"). Loaded once.</summary>
    public static AssessmentContent Baseline => LazyBaseline.Value;

    /// <summary>
    /// The baseline assessment in a member's language (a culture name such as "de" or "de-AT", or the
    /// pseudo-locale); English for English and for anything unknown. Built once per language.
    /// </summary>
    public static AssessmentContent For(string? culture) => Translations.For(culture);

    /// <summary>A stable version string, stored next to every set of answers.</summary>
    public string Version { get; }

    /// <summary>The period the questions ask about, e.g. "the past two weeks".</summary>
    public string TimeFrame { get; }

    public IReadOnlyList<AnswerScale> Scales { get; }

    public IReadOnlyList<AssessmentSectionInfo> Sections { get; }

    /// <summary>Every item in presentation order, including ones a given member will not see.</summary>
    public IReadOnlyList<AssessmentItem> Items { get; }

    public bool TryGetItem(string id, out AssessmentItem item) => itemsById.TryGetValue(id, out item!);

    public AssessmentItem Item(string id) =>
        itemsById.TryGetValue(id, out var item) ? item : throw new KeyNotFoundException($"No assessment item '{id}'.");

    /// <summary>
    /// Whether a member sees this item: it must apply to the kind of space, and sexual items appear
    /// only in romantic spaces and only when the member opted in. This rule is checked here as well
    /// as in the content file, so a content mistake cannot show sexual items to friends or family.
    /// </summary>
    public static bool IsShown(AssessmentItem item, RelationshipKind kind, bool sexualOptIn)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!item.AppliesTo(kind))
        {
            return false;
        }

        return !item.IsSexual || (kind == RelationshipKind.Romantic && sexualOptIn);
    }

    /// <summary>The items a member sees, in order, with the wording for their kind of space.</summary>
    public IReadOnlyList<PresentedItem> ItemsFor(RelationshipKind kind, bool sexualOptIn) =>
        Items.Where(i => IsShown(i, kind, sexualOptIn))
            .Select(i => new PresentedItem(i, i.TextFor(kind)))
            .ToList();

    public AssessmentSectionInfo SectionInfo(AssessmentSection section) =>
        Sections.First(s => s.Section == section);

    /// <summary>
    /// The same assessment (ids, sections, dimensions, scales and their values, keying, kinds, flags,
    /// order) with every sentence asked of <paramref name="translation"/>: <c>timeFrame</c>,
    /// <c>scale:&lt;id&gt;/&lt;value&gt;/label</c> and <c>/description</c>, <c>section:&lt;id&gt;/title</c> and
    /// <c>/intro</c>, <c>&lt;item id&gt;/text</c> and its kind wordings <c>&lt;item id&gt;/text.&lt;kind&gt;</c>.
    /// </summary>
    public AssessmentContent Translate(ContentTranslation translation)
    {
        ArgumentNullException.ThrowIfNull(translation);
        var scales = Scales
            .Select(s => s with
            {
                Points = s.Points.Select(p => p with
                {
                    Label = translation.Text($"scale:{s.Id}/{p.Value}/label", p.Label),
                    Description = p.Description is null ? null : translation.Text($"scale:{s.Id}/{p.Value}/description", p.Description),
                }).ToList(),
            })
            .ToDictionary(s => s.Id, StringComparer.Ordinal);
        var sections = Sections
            .Select(s => s with
            {
                Title = translation.Text($"section:{s.Section.WireName()}/title", s.Title),
                Intro = translation.Text($"section:{s.Section.WireName()}/intro", s.Intro),
            })
            .ToList();
        var items = Items
            .Select(i => i with
            {
                Scale = scales[i.Scale.Id],
                DefaultText = translation.Text($"{i.Id}/text", i.DefaultText),
                TextByKind = i.TextByKind.ToDictionary(
                    v => v.Key,
                    v => translation.Text($"{i.Id}/text.{v.Key.WireName()}", v.Value)),
            })
            .ToList();
        return new AssessmentContent(Version, translation.Text("timeFrame", TimeFrame), scales.Values.ToList(), sections, items);
    }

    /// <summary>Reads content from an embedded resource of Hearth.Core.</summary>
    public static AssessmentContent LoadEmbedded(string resourceName)
    {
        return Parse(EmbeddedContent.ReadText(resourceName));
    }

    /// <summary>Parses and checks a content file. Throws <see cref="ContentFileException"/> when it is malformed.</summary>
    public static AssessmentContent Parse(string json)
    {
        var file = EmbeddedContent.Deserialize(json, AssessmentContentJsonContext.Default.ContentFileDto, "assessment content");

        var version = Required(file.Version, "version");
        var timeFrame = Required(file.TimeFrame, "timeFrame");
        var scales = ParseScales(file.Scales);
        var sections = ParseSections(file.Sections);
        var items = ParseItems(file.Items, scales, sections);
        return new AssessmentContent(version, timeFrame, scales.Values.ToList(), sections, items);
    }

    private static Dictionary<string, AnswerScale> ParseScales(IReadOnlyList<ScaleDto>? dtos)
    {
        var scales = new Dictionary<string, AnswerScale>(StringComparer.Ordinal);
        foreach (var dto in dtos ?? [])
        {
            var id = Required(dto.Id, "scale id");
            var points = (dto.Points ?? [])
                .Select(p => new ScalePoint(p.Value, Required(p.Label, $"label in scale '{id}'"), NullIfBlank(p.Description)))
                .OrderBy(p => p.Value)
                .ToList();
            if (points.Count < 2)
            {
                throw new ContentFileException($"Scale '{id}' needs at least two points.");
            }

            var min = points[0].Value;
            var max = points[^1].Value;
            if (!points.Select(p => p.Value).SequenceEqual(Enumerable.Range(min, max - min + 1)))
            {
                throw new ContentFileException($"Scale '{id}' must label every whole number from {min} to {max} exactly once.");
            }

            if (!scales.TryAdd(id, new AnswerScale(id, min, max, points)))
            {
                throw new ContentFileException($"Scale '{id}' is defined twice.");
            }
        }

        return scales;
    }

    private static List<AssessmentSectionInfo> ParseSections(IReadOnlyList<SectionDto>? dtos)
    {
        var sections = new List<AssessmentSectionInfo>();
        foreach (var dto in dtos ?? [])
        {
            if (!AssessmentWireNames.TryParseSection(dto.Id, out var section))
            {
                throw new ContentFileException($"Unknown section '{dto.Id}'.");
            }

            if (sections.Any(s => s.Section == section))
            {
                throw new ContentFileException($"Section '{dto.Id}' is defined twice.");
            }

            sections.Add(new AssessmentSectionInfo(
                section,
                Required(dto.Title, $"title of section '{dto.Id}'"),
                Required(dto.Intro, $"intro of section '{dto.Id}'")));
        }

        return sections;
    }

    private static List<AssessmentItem> ParseItems(
        IReadOnlyList<ItemDto>? dtos,
        Dictionary<string, AnswerScale> scales,
        List<AssessmentSectionInfo> sections)
    {
        var items = new List<AssessmentItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dto in dtos ?? [])
        {
            var id = Required(dto.Id, "item id");
            if (!seen.Add(id))
            {
                throw new ContentFileException($"Item id '{id}' is used twice.");
            }

            if (!AssessmentWireNames.TryParseSection(dto.Section, out var section) || sections.All(s => s.Section != section))
            {
                throw new ContentFileException($"Item '{id}' names an unknown section '{dto.Section}'.");
            }

            Dimension? dimension = null;
            if (dto.Dimension is not null)
            {
                if (!DimensionCatalog.TryParse(dto.Dimension, out var parsed))
                {
                    throw new ContentFileException($"Item '{id}' names an unknown dimension '{dto.Dimension}'.");
                }

                dimension = parsed;
            }

            if (dimension is null && section is AssessmentSection.Experience or AssessmentSection.Importance or AssessmentSection.Sexual)
            {
                throw new ContentFileException($"Item '{id}' needs a dimension.");
            }

            if (dto.Scale is null || !scales.TryGetValue(dto.Scale, out var scale))
            {
                throw new ContentFileException($"Item '{id}' names an unknown scale '{dto.Scale}'.");
            }

            CareWay? careWay = null;
            if (dto.CareWay is not null)
            {
                if (!AssessmentWireNames.TryParseCareWay(dto.CareWay, out var parsedWay))
                {
                    throw new ContentFileException($"Item '{id}' names an unknown way of care '{dto.CareWay}'.");
                }

                careWay = parsedWay;
            }

            if ((section == AssessmentSection.CareWays) != careWay.HasValue)
            {
                throw new ContentFileException($"Item '{id}': exactly the care items name a way of care.");
            }

            if ((section == AssessmentSection.Safety) != dto.Safety || (section == AssessmentSection.Sexual) != dto.Sexual)
            {
                throw new ContentFileException($"Item '{id}': the safety and sexual flags must match the section.");
            }

            var kinds = ParseKinds(id, dto.Kinds);
            if (dto.Sexual && kinds.Any(k => k != RelationshipKind.Romantic))
            {
                throw new ContentFileException($"Sexual item '{id}' may only apply to romantic spaces.");
            }

            var variants = new Dictionary<RelationshipKind, string>();
            foreach (var (key, text) in dto.Variants ?? new Dictionary<string, string>())
            {
                if (!RelationshipKinds.TryParse(key, out var kind) || !kinds.Contains(kind))
                {
                    throw new ContentFileException($"Item '{id}' has wording for '{key}', which it does not apply to.");
                }

                variants[kind] = Required(text, $"'{key}' wording of item '{id}'");
            }

            items.Add(new AssessmentItem(
                id,
                section,
                dimension,
                scale,
                dto.Reverse,
                kinds,
                dto.Sexual,
                dto.Safety,
                dto.NotRelevant,
                careWay,
                Required(dto.Text, $"text of item '{id}'"),
                variants));
        }

        return items;
    }

    private static List<RelationshipKind> ParseKinds(string id, IReadOnlyList<string>? names)
    {
        if (names is null)
        {
            return [.. RelationshipKinds.All];
        }

        var kinds = new List<RelationshipKind>();
        foreach (var name in names)
        {
            if (!RelationshipKinds.TryParse(name, out var kind))
            {
                throw new ContentFileException($"Item '{id}' names an unknown relationship kind '{name}'.");
            }

            kinds.Add(kind);
        }

        return kinds.Count > 0
            ? kinds
            : throw new ContentFileException($"Item '{id}' applies to no kind of space.");
    }

    private static string Required(string? value, string what) => EmbeddedContent.Required(value, what);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

using Hearth.Core.ContentFiles;
using Hearth.Core.Dimensions;
using Hearth.Core.Languages;
using Hearth.Core.Spaces;

namespace Hearth.Core.Practices;

/// <summary>
/// The versioned practice catalogue (Practices/Content/practices.v1.json): small, concrete things a
/// pair can do, each with the reason it helps.
/// </summary>
public sealed class PracticeCatalog
{
    public const string DefaultResourceName = "Hearth.Core.Practices.Content.practices.v1.json";

    /// <summary>The labels a practice may carry.</summary>
    public static IReadOnlySet<string> KnownTags { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "ritual", "reconnect", "phone-free", "appreciation", "distance", "spiritual", "touch", "listening", "novelty",
    };

    /// <summary>A practice takes at least a minute and at most a long afternoon.</summary>
    public const int MaxMinutes = 240;

    private static readonly Lazy<PracticeCatalog> LazyDefault = new(() => Parse(EmbeddedContent.ReadText(DefaultResourceName)));

    private static readonly TranslatedContent<PracticeCatalog> Translations =
        new(DefaultResourceName, () => Default, c => c.Version, (c, t) => c.Translate(t));

    private readonly Dictionary<string, Practice> byId;

    private PracticeCatalog(string version, IReadOnlyList<Practice> practices)
    {
        Version = version;
        Practices = practices;
        byId = practices.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>The practices shipped with Hearth. Loaded once.</summary>
    public static PracticeCatalog Default => LazyDefault.Value;

    /// <summary>
    /// The practices in a member's language (a culture name such as "de" or "de-AT", or the
    /// pseudo-locale); English for English and for anything unknown. Built once per language.
    /// </summary>
    public static PracticeCatalog For(string? culture) => Translations.For(culture);

    public string Version { get; }

    public IReadOnlyList<Practice> Practices { get; }

    public bool TryGet(string id, out Practice practice) => byId.TryGetValue(id, out practice!);

    public Practice Get(string id) =>
        byId.TryGetValue(id, out var practice) ? practice : throw new KeyNotFoundException($"No practice '{id}'.");

    /// <summary>
    /// Practices that suit a pair, optionally for one dimension (matched on any of the practice's
    /// dimensions, main dimension first), leaving out in-person ones for pairs who are apart.
    /// </summary>
    public IReadOnlyList<Practice> For(RelationshipKind kind, Dimension? dimension = null, bool apart = false) =>
        Practices
            .Where(p => p.Suits(kind) && (!apart || p.WorksAtDistance))
            .Where(p => dimension is null || p.Dimensions.Contains(dimension.Value))
            .OrderBy(p => dimension is null ? 0 : p.Dimensions.ToList().IndexOf(dimension.Value))
            .ToList();

    /// <summary>
    /// The same practices (ids, dimensions, minutes, settings, kinds, tags, order) with every
    /// sentence asked of <paramref name="translation"/>: <c>&lt;id&gt;/title</c>, <c>&lt;id&gt;/howTo</c>,
    /// <c>&lt;id&gt;/why</c>. The source is internal (research citations) and stays as written.
    /// </summary>
    public PracticeCatalog Translate(ContentTranslation translation)
    {
        ArgumentNullException.ThrowIfNull(translation);
        return new PracticeCatalog(
            Version,
            Practices.Select(p => p with
            {
                Title = translation.Text($"{p.Id}/title", p.Title),
                HowTo = translation.Text($"{p.Id}/howTo", p.HowTo),
                Why = translation.Text($"{p.Id}/why", p.Why),
            }).ToList());
    }

    /// <summary>
    /// An adapted form belongs to an in-person practice, names a practice in the file that works at a
    /// distance, and suits every kind of space the in-person one suits: otherwise a pair would lose a
    /// suggestion for no reason, or be offered something that is wrong for their kind.
    /// </summary>
    private static void CheckAdaptations(List<Practice> practices)
    {
        var byId = practices.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var p in practices.Where(p => p.AtDistance is not null))
        {
            if (p.WorksAtDistance)
            {
                throw new ContentFileException($"'{p.Id}' already works at a distance; only in-person practices name an adapted form.");
            }

            if (!byId.TryGetValue(p.AtDistance!, out var adapted) || !adapted.WorksAtDistance)
            {
                throw new ContentFileException($"'{p.Id}' names '{p.AtDistance}' as its form at a distance, which is not a practice that works at a distance.");
            }

            var missing = p.Kinds.FirstOrDefault(k => !adapted.Suits(k));
            if (p.Kinds.Any(k => !adapted.Suits(k)))
            {
                throw new ContentFileException($"'{p.AtDistance}', the form at a distance of '{p.Id}', does not suit {missing.WireName()} spaces.");
            }
        }
    }

    /// <summary>Parses and checks a practice file. Throws <see cref="ContentFileException"/> when it is malformed.</summary>
    public static PracticeCatalog Parse(string json)
    {
        var file = EmbeddedContent.Deserialize(json, PracticeCatalogJsonContext.Default.PracticeFileDto, "practices");
        var version = EmbeddedContent.Required(file.Version, "version");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var practices = new List<Practice>();
        foreach (var dto in file.Practices ?? [])
        {
            var id = EmbeddedContent.Required(dto.Id, "practice id");
            EmbeddedContent.Unique(seen, id);
            var dimensions = (dto.Dimensions ?? []).Select(d => EmbeddedContent.ParseDimension(d, id)).Distinct().ToList();
            if (dimensions.Count == 0)
            {
                throw new ContentFileException($"'{id}' names no dimension.");
            }

            if (dto.Minutes < 1 || dto.Minutes > MaxMinutes)
            {
                throw new ContentFileException($"'{id}' needs between 1 and {MaxMinutes} minutes.");
            }

            if (!PracticeSettings.TryParse(dto.Setting, out var setting))
            {
                throw new ContentFileException($"'{id}' names an unknown setting '{dto.Setting}'.");
            }

            var tags = (dto.Tags ?? []).ToList();
            var unknownTag = tags.FirstOrDefault(t => !KnownTags.Contains(t));
            if (unknownTag is not null)
            {
                throw new ContentFileException($"'{id}' has an unknown tag '{unknownTag}'.");
            }

            practices.Add(new Practice(
                id,
                EmbeddedContent.Required(dto.Title, $"title of '{id}'"),
                EmbeddedContent.Sentence(dto.HowTo, $"how-to of '{id}'"),
                dimensions,
                dto.Minutes,
                setting,
                EmbeddedContent.ParseKinds(dto.Kinds, id),
                EmbeddedContent.Sentence(dto.Why, $"why line of '{id}'"),
                EmbeddedContent.Required(dto.Source, $"source of '{id}'"),
                tags) { AtDistance = string.IsNullOrWhiteSpace(dto.AtDistance) ? null : dto.AtDistance.Trim() });
        }

        CheckAdaptations(practices);

        var missing = PracticeIds.Required.FirstOrDefault(r => !seen.Contains(r));
        return missing is null
            ? new PracticeCatalog(version, practices)
            : throw new ContentFileException($"The practice file must contain '{missing}'.");
    }
}

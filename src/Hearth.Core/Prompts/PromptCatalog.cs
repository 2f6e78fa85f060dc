using Hearth.Core.ContentFiles;
using Hearth.Core.Languages;
using Hearth.Core.Spaces;

namespace Hearth.Core.Prompts;

/// <summary>
/// The versioned set of conversation prompts. The wording lives in an embedded JSON file
/// (Prompts/Content/prompts.v1.json), written in our own words.
/// </summary>
public sealed class PromptCatalog
{
    public const string DefaultResourceName = "Hearth.Core.Prompts.Content.prompts.v1.json";

    private static readonly Lazy<PromptCatalog> LazyDefault = new(() => Parse(EmbeddedContent.ReadText(DefaultResourceName)));

    private static readonly TranslatedContent<PromptCatalog> Translations =
        new(DefaultResourceName, () => Default, c => c.Version, (c, t) => c.Translate(t));

    private readonly Dictionary<string, ConversationPrompt> byId;

    private PromptCatalog(string version, IReadOnlyList<ConversationPrompt> prompts)
    {
        Version = version;
        Prompts = prompts;
        byId = prompts.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>The prompts shipped with Hearth. Loaded once.</summary>
    public static PromptCatalog Default => LazyDefault.Value;

    /// <summary>
    /// The prompts in a member's language (a culture name such as "de" or "de-AT", or the
    /// pseudo-locale); English for English and for anything unknown. Built once per language.
    /// </summary>
    public static PromptCatalog For(string? culture) => Translations.For(culture);

    public string Version { get; }

    public IReadOnlyList<ConversationPrompt> Prompts { get; }

    public bool TryGet(string id, out ConversationPrompt prompt) => byId.TryGetValue(id, out prompt!);

    /// <summary>The prompts a pair may see, in file order.</summary>
    public IReadOnlyList<ConversationPrompt> AvailableTo(RelationshipKind kind, bool bothOptedInToSexualContent) =>
        Prompts.Where(p => p.IsAvailableTo(kind, bothOptedInToSexualContent)).ToList();

    /// <summary>
    /// The same prompts (ids, dimensions, depths, kinds, flags, order) with every sentence asked of
    /// <paramref name="translation"/>, keyed <c>&lt;id&gt;/text</c>.
    /// </summary>
    public PromptCatalog Translate(ContentTranslation translation)
    {
        ArgumentNullException.ThrowIfNull(translation);
        return new PromptCatalog(
            Version,
            Prompts.Select(p => p with { Text = translation.Text($"{p.Id}/text", p.Text) }).ToList());
    }

    /// <summary>Parses and checks a prompt file. Throws <see cref="ContentFileException"/> when it is malformed.</summary>
    public static PromptCatalog Parse(string json)
    {
        var file = EmbeddedContent.Deserialize(json, PromptCatalogJsonContext.Default.PromptFileDto, "prompts");
        var version = EmbeddedContent.Required(file.Version, "version");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var prompts = new List<ConversationPrompt>();
        foreach (var dto in file.Prompts ?? [])
        {
            var id = EmbeddedContent.Required(dto.Id, "prompt id");
            EmbeddedContent.Unique(seen, id);
            var dimension = EmbeddedContent.ParseDimension(dto.Dimension, id);
            if (!PromptDepths.TryParse(dto.Depth, out var depth))
            {
                throw new ContentFileException($"'{id}' names an unknown depth '{dto.Depth}'.");
            }

            var kinds = EmbeddedContent.ParseKinds(dto.Kinds, id);
            if (dto.Sexual && kinds.Any(k => k != RelationshipKind.Romantic))
            {
                throw new ContentFileException($"Sexual prompt '{id}' may only suit romantic spaces.");
            }

            prompts.Add(new ConversationPrompt(
                id,
                dimension,
                depth,
                kinds,
                dto.WorksAtDistance,
                dto.Sexual,
                EmbeddedContent.Sentence(dto.Text, $"text of '{id}'")));
        }

        return prompts.Count > 0
            ? new PromptCatalog(version, prompts)
            : throw new ContentFileException("The prompt file holds no prompts.");
    }
}

using Hearth.Core.ContentFiles;
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

    private readonly Dictionary<string, ConversationPrompt> byId;

    private PromptCatalog(string version, IReadOnlyList<ConversationPrompt> prompts)
    {
        Version = version;
        Prompts = prompts;
        byId = prompts.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>The prompts shipped with Hearth. Loaded once.</summary>
    public static PromptCatalog Default => LazyDefault.Value;

    public string Version { get; }

    public IReadOnlyList<ConversationPrompt> Prompts { get; }

    public bool TryGet(string id, out ConversationPrompt prompt) => byId.TryGetValue(id, out prompt!);

    /// <summary>The prompts a pair may see, in file order.</summary>
    public IReadOnlyList<ConversationPrompt> AvailableTo(RelationshipKind kind, bool bothOptedInToSexualContent) =>
        Prompts.Where(p => p.IsAvailableTo(kind, bothOptedInToSexualContent)).ToList();

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

using Hearth.Core.ContentFiles;
using Hearth.Core.Dimensions;
using Hearth.Core.Languages;
using Hearth.Core.Prompts;
using Hearth.Core.Spaces;

namespace Hearth.Core.Debriefs;

/// <summary>What a line of the debrief is: a strength to keep, a conversation question, an "I"-statement starter.</summary>
public enum DebriefLineKind
{
    Strength = 1,
    Question = 2,
    Starter = 3,
}

/// <summary>
/// One sentence of the debrief content. Ids are stable: a member's "saved for a counsellor" list
/// refers to them.
/// </summary>
/// <param name="Id">Stable id, e.g. "debrief.q.emotional.light".</param>
/// <param name="Kind">Strength, question or starter.</param>
/// <param name="Dimension">The kind of closeness it is about.</param>
/// <param name="Depth">For questions: light, medium or deep (graded depth); null otherwise.</param>
/// <param name="Kinds">The kinds of space it suits.</param>
/// <param name="Text">The sentence, in our words.</param>
public sealed record DebriefLine(string Id, DebriefLineKind Kind, Dimension Dimension, PromptDepth? Depth, IReadOnlyList<RelationshipKind> Kinds, string Text)
{
    public bool Suits(RelationshipKind kind) => Kinds.Contains(kind);
}

/// <summary>
/// The debrief for two after the shared map (Debriefs/Content/debrief.v1.json): for every
/// dimension and kind of space, a strength line, a light, a medium and a deep question and an
/// "I"-statement starter. Nothing in it is about sex, for any kind (the tests hold it to that).
/// </summary>
public sealed class DebriefContent
{
    public const string DefaultResourceName = "Hearth.Core.Debriefs.Content.debrief.v1.json";

    private static readonly Lazy<DebriefContent> LazyDefault = new(() => Parse(EmbeddedContent.ReadText(DefaultResourceName)));

    private static readonly TranslatedContent<DebriefContent> Translations =
        new(DefaultResourceName, () => Default, c => c.Version, (c, t) => c.Translate(t));

    private readonly Dictionary<string, DebriefLine> byId;

    private DebriefContent(string version, IReadOnlyList<DebriefLine> lines)
    {
        Version = version;
        Lines = lines;
        byId = lines.ToDictionary(l => l.Id, StringComparer.Ordinal);
    }

    public static DebriefContent Default => LazyDefault.Value;

    /// <summary>The debrief in a member's language; English for English and anything unknown.</summary>
    public static DebriefContent For(string? culture) => Translations.For(culture);

    public string Version { get; }

    /// <summary>Every line in file order: strengths, then questions, then starters.</summary>
    public IReadOnlyList<DebriefLine> Lines { get; }

    public bool TryGet(string id, out DebriefLine line) => byId.TryGetValue(id, out line!);

    public DebriefLine? Strength(Dimension dimension, RelationshipKind kind) =>
        Lines.FirstOrDefault(l => l.Kind == DebriefLineKind.Strength && l.Dimension == dimension && l.Suits(kind));

    public DebriefLine? Starter(Dimension dimension, RelationshipKind kind) =>
        Lines.FirstOrDefault(l => l.Kind == DebriefLineKind.Starter && l.Dimension == dimension && l.Suits(kind));

    /// <summary>The questions for a dimension, lightest first (one per depth when the file is whole).</summary>
    public IReadOnlyList<DebriefLine> Questions(Dimension dimension, RelationshipKind kind) =>
        Lines.Where(l => l.Kind == DebriefLineKind.Question && l.Dimension == dimension && l.Suits(kind))
            .OrderBy(l => l.Depth)
            .ToList();

    /// <summary>The same lines with every sentence asked of <paramref name="translation"/>, keyed <c>&lt;id&gt;/text</c>.</summary>
    public DebriefContent Translate(ContentTranslation translation)
    {
        ArgumentNullException.ThrowIfNull(translation);
        return new DebriefContent(Version, Lines.Select(l => l with { Text = translation.Text($"{l.Id}/text", l.Text) }).ToList());
    }

    /// <summary>Parses and checks a debrief file. Throws <see cref="ContentFileException"/> when it is malformed or a cell is empty.</summary>
    public static DebriefContent Parse(string json)
    {
        var file = EmbeddedContent.Deserialize(json, DebriefContentJsonContext.Default.DebriefFileDto, "debrief");
        var version = EmbeddedContent.Required(file.Version, "version");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<DebriefLine>();
        void Read(IReadOnlyList<DebriefLineDto>? dtos, DebriefLineKind kind)
        {
            foreach (var dto in dtos ?? [])
            {
                var id = EmbeddedContent.Required(dto.Id, "debrief line id");
                EmbeddedContent.Unique(seen, id);
                PromptDepth? depth = null;
                if (kind == DebriefLineKind.Question)
                {
                    depth = PromptDepths.TryParse(dto.Depth, out var d) ? d : throw new ContentFileException($"'{id}' names an unknown depth '{dto.Depth}'.");
                }
                else if (dto.Depth is not null)
                {
                    throw new ContentFileException($"Only questions have a depth ('{id}').");
                }

                lines.Add(new DebriefLine(id, kind, EmbeddedContent.ParseDimension(dto.Dimension, id), depth, EmbeddedContent.ParseKinds(dto.Kinds, id), EmbeddedContent.Sentence(dto.Text, $"text of '{id}'")));
            }
        }

        Read(file.Strengths, DebriefLineKind.Strength);
        Read(file.Questions, DebriefLineKind.Question);
        Read(file.Starters, DebriefLineKind.Starter);
        var content = new DebriefContent(version, lines);
        foreach (var kind in RelationshipKinds.All)
        {
            foreach (var dimension in DimensionCatalog.All)
            {
                var depths = content.Questions(dimension, kind).Select(q => q.Depth!.Value).ToHashSet();
                if (content.Strength(dimension, kind) is null || content.Starter(dimension, kind) is null || !PromptDepths.All.All(depths.Contains))
                {
                    throw new ContentFileException($"The debrief needs a strength, a starter and a light, medium and deep question for {dimension.WireName()} in {kind} spaces.");
                }
            }
        }

        return content;
    }
}

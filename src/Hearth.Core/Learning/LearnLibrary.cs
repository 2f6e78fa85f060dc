using Hearth.Core.ContentFiles;
using Hearth.Core.Dimensions;
using Hearth.Core.Languages;

namespace Hearth.Core.Learning;

/// <summary>
/// Learn cards, the three reflection questions and the three first steps, as versioned content
/// (Learning/Content/learn.v1.json), rephrased in our own words from docs/product/domain.md.
/// </summary>
public sealed class LearnLibrary
{
    public const string DefaultResourceName = "Hearth.Core.Learning.Content.learn.v1.json";

    private static readonly Lazy<LearnLibrary> LazyDefault = new(() => Parse(EmbeddedContent.ReadText(DefaultResourceName)));

    private static readonly TranslatedContent<LearnLibrary> Translations =
        new(DefaultResourceName, () => Default, c => c.Version, (c, t) => c.Translate(t));

    private LearnLibrary(
        string version,
        IReadOnlyList<LearnCard> cards,
        IReadOnlyList<ReflectionQuestion> reflectionQuestions,
        IReadOnlyList<FirstStep> firstSteps)
    {
        Version = version;
        Cards = cards;
        ReflectionQuestions = reflectionQuestions;
        FirstSteps = firstSteps;
    }

    /// <summary>The library shipped with Hearth. Loaded once.</summary>
    public static LearnLibrary Default => LazyDefault.Value;

    /// <summary>
    /// The library in a member's language (a culture name such as "de" or "de-AT", or the
    /// pseudo-locale); English for English and for anything unknown. Built once per language.
    /// </summary>
    public static LearnLibrary For(string? culture) => Translations.For(culture);

    public string Version { get; }

    public IReadOnlyList<LearnCard> Cards { get; }

    public IReadOnlyList<ReflectionQuestion> ReflectionQuestions { get; }

    public IReadOnlyList<FirstStep> FirstSteps { get; }

    public IReadOnlyList<LearnCard> About(LearnTopic topic) => Cards.Where(c => c.Topic == topic).ToList();

    public LearnCard For(Dimension dimension) =>
        Cards.First(c => c.Topic == LearnTopic.Dimension && c.Dimension == dimension);

    /// <summary>
    /// The same cards, questions and steps (ids, topics, dimensions, practice ids, order) with every
    /// sentence asked of <paramref name="translation"/>: <c>&lt;card id&gt;/title</c>, <c>/body</c>,
    /// <c>/tryToday</c>, and <c>&lt;id&gt;/text</c> for reflection questions and first steps.
    /// </summary>
    public LearnLibrary Translate(ContentTranslation translation)
    {
        ArgumentNullException.ThrowIfNull(translation);
        return new LearnLibrary(
            Version,
            Cards.Select(c => c with
            {
                Title = translation.Text($"{c.Id}/title", c.Title),
                Body = translation.Text($"{c.Id}/body", c.Body),
                TryToday = translation.Text($"{c.Id}/tryToday", c.TryToday),
            }).ToList(),
            ReflectionQuestions.Select(q => q with { Text = translation.Text($"{q.Id}/text", q.Text) }).ToList(),
            FirstSteps.Select(s => s with { Text = translation.Text($"{s.Id}/text", s.Text) }).ToList());
    }

    /// <summary>Parses and checks a learn file. Throws <see cref="ContentFileException"/> when it is malformed.</summary>
    public static LearnLibrary Parse(string json)
    {
        var file = EmbeddedContent.Deserialize(json, LearnLibraryJsonContext.Default.LearnFileDto, "learn");
        var version = EmbeddedContent.Required(file.Version, "version");
        var seen = new HashSet<string>(StringComparer.Ordinal);

        var cards = new List<LearnCard>();
        foreach (var dto in file.Cards ?? [])
        {
            var id = EmbeddedContent.Required(dto.Id, "card id");
            EmbeddedContent.Unique(seen, id);
            if (!LearnTopics.TryParse(dto.Topic, out var topic))
            {
                throw new ContentFileException($"'{id}' names an unknown topic '{dto.Topic}'.");
            }

            Dimension? dimension = dto.Dimension is null ? null : EmbeddedContent.ParseDimension(dto.Dimension, id);
            if ((topic == LearnTopic.Dimension) != dimension.HasValue)
            {
                throw new ContentFileException($"'{id}': exactly the dimension cards name a dimension.");
            }

            cards.Add(new LearnCard(
                id,
                topic,
                dimension,
                EmbeddedContent.Required(dto.Title, $"title of '{id}'"),
                EmbeddedContent.Sentence(dto.Body, $"body of '{id}'"),
                EmbeddedContent.Sentence(dto.TryToday, $"try-today line of '{id}'"),
                string.IsNullOrWhiteSpace(dto.PracticeId) ? null : dto.PracticeId.Trim()));
        }

        var questions = (file.ReflectionQuestions ?? []).Select(q =>
        {
            var id = EmbeddedContent.Required(q.Id, "reflection question id");
            EmbeddedContent.Unique(seen, id);
            return new ReflectionQuestion(id, EmbeddedContent.Sentence(q.Text, $"text of '{id}'"));
        }).ToList();

        var steps = (file.FirstSteps ?? []).Select(s =>
        {
            var id = EmbeddedContent.Required(s.Id, "first step id");
            EmbeddedContent.Unique(seen, id);
            return new FirstStep(
                id,
                EmbeddedContent.Sentence(s.Text, $"text of '{id}'"),
                string.IsNullOrWhiteSpace(s.PracticeId) ? null : s.PracticeId.Trim());
        }).ToList();

        if (questions.Count != 3 || steps.Count != 3)
        {
            throw new ContentFileException("The learn file needs exactly three reflection questions and three first steps.");
        }

        return new LearnLibrary(version, cards, questions, steps);
    }
}

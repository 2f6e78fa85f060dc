using System.Text.RegularExpressions;
using Hearth.Core.Assessments;
using Hearth.Core.CheckIns;
using Hearth.Core.ContentFiles;
using Hearth.Core.Debriefs;
using Hearth.Core.Insights;
using Hearth.Core.Languages;
using Hearth.Core.Learning;
using Hearth.Core.Practices;
using Hearth.Core.Prompts;

namespace Hearth.Core.Tests.Languages;

/// <summary>
/// Every content catalog (prompts, practices, learn cards, baseline assessment, weekly check-in) in
/// every shipped language: the translation file is there and holds exactly the sentences the
/// catalog's own translation walk asks for, nothing falls back to English, and the structure (ids,
/// dimensions, kinds, flags, numbers, order) never changes with the language.
/// </summary>
public sealed partial class ContentCoverageTests
{
    /// <summary>
    /// Sentences that may read the same in a translation because they are the same word in both
    /// languages (true cognates). Keep this tiny: anything else equal to the English was forgotten.
    /// </summary>
    private static readonly HashSet<string> SameInBothLanguages = new HashSet<string>(StringComparer.Ordinal)
    {
        // none yet
    };

    /// <summary>One catalog: how to translate it, read it in a language, and describe its structure.</summary>
    public sealed record Catalog(
        string Name,
        string ResourceName,
        string Version,
        Func<ContentTranslation, object> TranslateDefault,
        Func<string, object> For,
        Func<object, ContentTranslation, object> Translate,
        Func<object, string> Structure)
    {
        public override string ToString() => Name;
    }

    public static IReadOnlyList<Catalog> Catalogs { get; } =
    [
        new(
            "prompts",
            PromptCatalog.DefaultResourceName,
            PromptCatalog.Default.Version,
            t => PromptCatalog.Default.Translate(t),
            c => PromptCatalog.For(c),
            (c, t) => ((PromptCatalog)c).Translate(t),
            c => string.Join("\n", ((PromptCatalog)c).Prompts.Select(p =>
                $"{p.Id}|{p.Dimension}|{p.Depth}|{string.Join(",", p.Kinds)}|{p.WorksAtDistance}|{p.IsSexual}"))),
        new(
            "practices",
            PracticeCatalog.DefaultResourceName,
            PracticeCatalog.Default.Version,
            t => PracticeCatalog.Default.Translate(t),
            c => PracticeCatalog.For(c),
            (c, t) => ((PracticeCatalog)c).Translate(t),
            c => string.Join("\n", ((PracticeCatalog)c).Practices.Select(p =>
                $"{p.Id}|{string.Join(",", p.Dimensions)}|{p.Minutes}|{p.Setting}|{string.Join(",", p.Kinds)}|{string.Join(",", p.Tags)}|{p.Source}"))),
        new(
            "learn",
            LearnLibrary.DefaultResourceName,
            LearnLibrary.Default.Version,
            t => LearnLibrary.Default.Translate(t),
            c => LearnLibrary.For(c),
            (c, t) => ((LearnLibrary)c).Translate(t),
            c =>
            {
                var library = (LearnLibrary)c;
                return string.Join("\n", library.Cards.Select(x => $"{x.Id}|{x.Topic}|{x.Dimension}|{x.PracticeId}")
                    .Concat(library.ReflectionQuestions.Select(q => q.Id))
                    .Concat(library.FirstSteps.Select(s => $"{s.Id}|{s.PracticeId}")));
            }),
        new(
            "baseline",
            AssessmentContent.BaselineResourceName,
            AssessmentContent.Baseline.Version,
            t => AssessmentContent.Baseline.Translate(t),
            c => AssessmentContent.For(c),
            (c, t) => ((AssessmentContent)c).Translate(t),
            c =>
            {
                var content = (AssessmentContent)c;
                return string.Join("\n", content.Scales.Select(s =>
                        $"scale {s.Id}|{s.Min}|{s.Max}|{string.Join(",", s.Points.Select(p => $"{p.Value}:{p.Description is not null}"))}")
                    .Concat(content.Sections.Select(s => $"section {s.Section}"))
                    .Concat(content.Items.Select(i =>
                        $"{i.Id}|{i.Section}|{i.Dimension}|{i.Scale.Id}:{i.Scale.Min}-{i.Scale.Max}|{i.IsReverseKeyed}|{string.Join(",", i.Kinds)}|{i.IsSexual}|{i.IsSafety}|{i.AllowsNotRelevant}|{i.CareWay}|{string.Join(",", i.TextByKind.Keys.Order())}")));
            }),
        new(
            "weekly",
            CheckInContent.WeeklyResourceName,
            CheckInContent.Weekly.Version,
            t => CheckInContent.Weekly.Translate(t),
            c => CheckInContent.For(c),
            (c, t) => ((CheckInContent)c).Translate(t),
            c =>
            {
                var content = (CheckInContent)c;
                return string.Join("\n", content.Items.Select(i =>
                        $"{i.Measure}|{i.Min}|{i.Max}|{i.Hint is not null}|{i.NoTensionLabel is not null}")
                    .Append($"rules {content.GroundRules.Rules.Count}")
                    .Append($"needs {content.Needs.MaxLength}")
                    .Concat(content.SafetyPulse.Items.Select(p => $"pulse {p.Id}")));
            }),
        new(
            "insights",
            InsightTexts.DefaultResourceName,
            InsightTexts.Default.Version,
            t => InsightTexts.Default.Translate(t),
            c => InsightTexts.For(c),
            (c, t) => ((InsightTexts)c).Translate(t),
            c => string.Join("\n", ((InsightTexts)c).Texts.Keys)),
        new(
            "debrief",
            DebriefContent.DefaultResourceName,
            DebriefContent.Default.Version,
            t => DebriefContent.Default.Translate(t),
            c => DebriefContent.For(c),
            (c, t) => ((DebriefContent)c).Translate(t),
            c => string.Join("\n", ((DebriefContent)c).Lines.Select(l => $"{l.Id}|{l.Kind}|{l.Dimension}|{l.Depth}|{string.Join(",", l.Kinds)}"))),
    ];

    public static TheoryData<Catalog, string> CatalogsAndLanguages()
    {
        var data = new TheoryData<Catalog, string>();
        foreach (var catalog in Catalogs)
        {
            foreach (var language in HearthLanguages.Shipped.Where(l => l != HearthLanguages.English))
            {
                data.Add(catalog, language);
            }
        }

        return data;
    }

    public static TheoryData<Catalog> AllCatalogs() => new(Catalogs);

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Placeholder();

    private static IReadOnlyDictionary<string, string> EnglishKeys(Catalog catalog)
    {
        var recording = ContentTranslation.Recording();
        catalog.TranslateDefault(recording);
        return recording.Recorded;
    }

    /// <summary>Every sentence of a catalog, keyed as its translation walk keys them.</summary>
    private static IReadOnlyDictionary<string, string> Sentences(Catalog catalog, object content)
    {
        var recording = ContentTranslation.Recording();
        catalog.Translate(content, recording);
        return recording.Recorded;
    }

    private static string Placeholders(string text) => string.Join(",", Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(CatalogsAndLanguages))]
    public void The_translation_file_holds_exactly_the_sentences_of_the_catalog(Catalog catalog, string language)
    {
        var resource = ContentTranslation.ResourceNameFor(catalog.ResourceName, language);
        Assert.True(
            typeof(ContentTranslation).Assembly.GetManifestResourceNames().Contains(resource),
            $"There is no {language} translation of {catalog.Name}: '{resource}' is not embedded.");

        var translation = ContentTranslation.For(catalog.ResourceName, catalog.Version, language);
        var expected = EnglishKeys(catalog).Keys.ToHashSet(StringComparer.Ordinal);
        var actual = translation.Keys.ToHashSet(StringComparer.Ordinal);
        var missing = expected.Except(actual).Order(StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            $"The {language} translation of {catalog.Name} is missing [{string.Join(", ", missing)}] and has extra [{string.Join(", ", extra)}].");
    }

    [Theory]
    [MemberData(nameof(CatalogsAndLanguages))]
    public void Every_sentence_is_translated_with_the_same_placeholders_and_punctuation(Catalog catalog, string language)
    {
        var english = EnglishKeys(catalog);
        var translated = Sentences(catalog, catalog.For(language));
        var problems = new List<string>();
        foreach (var (key, source) in english)
        {
            var text = translated[key];
            if (string.Equals(text, source, StringComparison.Ordinal) && !SameInBothLanguages.Contains(source))
            {
                problems.Add($"{key} is still English: \"{source}\"");
            }

            if (Placeholders(text) != Placeholders(source))
            {
                problems.Add($"{key} has placeholders [{Placeholders(text)}], the English [{Placeholders(source)}]");
            }

            if (source[^1] is '.' or '?' or '!' && text[^1] is not ('.' or '?' or '!'))
            {
                problems.Add($"{key} does not end with . ? or !: \"{text}\"");
            }
        }

        Assert.True(problems.Count == 0, $"{catalog.Name} in {language}:\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(CatalogsAndLanguages))]
    public void The_structure_does_not_change_with_the_language(Catalog catalog, string language)
    {
        var english = catalog.Structure(catalog.For(HearthLanguages.English));
        Assert.Equal(english, catalog.Structure(catalog.For(language)));
        Assert.Equal(english, catalog.Structure(catalog.For(HearthLanguages.Pseudo)));
        Assert.Equal(catalog.Structure(catalog.TranslateDefault(ContentTranslation.English)), english);
    }

    [Theory]
    [MemberData(nameof(AllCatalogs))]
    public void The_pseudo_catalog_is_entirely_pseudo(Catalog catalog)
    {
        var notPseudo = Sentences(catalog, catalog.For(HearthLanguages.Pseudo))
            .Where(s => !PseudoText.IsPseudo(s.Value))
            .Select(s => $"{s.Key}: \"{s.Value}\"")
            .ToList();
        Assert.True(notPseudo.Count == 0, $"{catalog.Name} in the pseudo-locale still has:\n" + string.Join("\n", notPseudo));
    }

    [Theory]
    [MemberData(nameof(AllCatalogs))]
    public void English_unknown_and_malformed_cultures_answer_the_english_catalog(Catalog catalog)
    {
        var english = catalog.For(HearthLanguages.English);
        foreach (var culture in new[] { "en-GB", "", "xx", "zz-ZZ", "qps", "not a culture at all, and far too long to be one" })
        {
            Assert.Same(english, catalog.For(culture));
        }

        Assert.Same(catalog.For(HearthLanguages.German), catalog.For("de-AT"));
        Assert.Same(catalog.For(HearthLanguages.German), catalog.For("DE"));
        Assert.NotSame(english, catalog.For(HearthLanguages.German));
    }

    [Fact]
    public void A_german_catalog_reads_german()
    {
        Assert.True(PromptCatalog.For("de").TryGet(PromptCatalog.Default.Prompts[0].Id, out var prompt));
        Assert.NotEqual(PromptCatalog.Default.Prompts[0].Text, prompt.Text);
        Assert.Equal("die letzten zwei Wochen", AssessmentContent.For("de").TimeFrame);
        Assert.Equal("diese Woche", CheckInContent.For("de").TimeFrame);
    }

    /// <summary>
    /// docs/product/voice.md in German, for the daily content that VoiceTests checks in English
    /// (prompts, practices, learn cards): no marriage, children, church or money words, no "sollen" or
    /// "müssen", no verdict words, and no gender star (the German voice names people without one where
    /// it can: "die andere Person", "ihr beide"). Whole words only.
    /// </summary>
    [GeneratedRegex(
        @"\b(Ehemann|Ehefrau|Ehe|verheiratet|Gatte|Gattin|Kinder|Kirche|Gott|soll|sollst|solltest|sollt|sollen|sollte|sollten|musst|müsst|müssen|muss|normal|versagt|verpasst|Geld|teuer|billig|Schlafzimmer)\b|\*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GermanAssumptions();

    [Theory]
    [InlineData("prompts")]
    [InlineData("practices")]
    [InlineData("learn")]
    [InlineData("insights")]
    public void German_daily_content_makes_no_assumptions_and_never_scolds(string name)
    {
        var catalog = Catalogs.Single(c => c.Name == name);
        var offending = Sentences(catalog, catalog.For(HearthLanguages.German))
            .Where(s => GermanAssumptions().IsMatch(s.Value))
            .Select(s => $"{s.Key}: \"{s.Value}\"")
            .ToList();
        Assert.True(offending.Count == 0, string.Join("\n", offending));
    }

    public static TheoryData<string, string> MalformedFiles() => new()
    {
        { "wrong version", """{ "version": "prompts.v2", "culture": "de", "texts": { "a/text": "Hallo." } }""" },
        { "no version", """{ "culture": "de", "texts": { "a/text": "Hallo." } }""" },
        { "wrong culture", """{ "version": "prompts.v1", "culture": "fr", "texts": { "a/text": "Salut." } }""" },
        { "no texts", """{ "version": "prompts.v1", "culture": "de" }""" },
        { "texts not an object", """{ "version": "prompts.v1", "culture": "de", "texts": [ "Hallo." ] }""" },
        { "empty text", """{ "version": "prompts.v1", "culture": "de", "texts": { "a/text": "" } }""" },
        { "blank text", """{ "version": "prompts.v1", "culture": "de", "texts": { "a/text": "   " } }""" },
        { "text not a string", """{ "version": "prompts.v1", "culture": "de", "texts": { "a/text": 3 } }""" },
        { "duplicate key", """{ "version": "prompts.v1", "culture": "de", "texts": { "a/text": "Hallo.", "a/text": "Servus." } }""" },
        { "not JSON", """{ "version": "prompts.v1", "culture": "de", "texts": { """ },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void A_malformed_translation_file_is_refused(string what, string json)
    {
        var ex = Assert.Throws<ContentFileException>(() => ContentTranslation.Parse(json, "prompts.v1", "de"));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message), what);
    }
}

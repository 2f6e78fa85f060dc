using Hearth.Core.ContentFiles;
using Hearth.Core.Dimensions;
using Hearth.Core.Prompts;
using Hearth.Core.Spaces;

namespace Hearth.Core.Tests.Prompts;

public sealed class PromptContentTests
{
    private static readonly PromptCatalog Catalog = PromptCatalog.Default;

    public static TheoryData<Dimension, PromptDepth, RelationshipKind> Cells()
    {
        var data = new TheoryData<Dimension, PromptDepth, RelationshipKind>();
        foreach (var dimension in DimensionCatalog.All)
        {
            foreach (var depth in PromptDepths.All)
            {
                foreach (var kind in RelationshipKinds.All)
                {
                    data.Add(dimension, depth, kind);
                }
            }
        }

        return data;
    }

    [Fact]
    public void Version_is_prompts_v1_with_at_least_150_prompts()
    {
        Assert.Equal("prompts.v1", Catalog.Version);
        Assert.True(Catalog.Prompts.Count >= 150, $"Only {Catalog.Prompts.Count} prompts.");
    }

    [Fact]
    public void Ids_are_unique_and_follow_the_naming_scheme()
    {
        var ids = Catalog.Prompts.Select(p => p.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.StartsWith("prompt.", id, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Every_dimension_depth_and_kind_cell_has_prompts_without_sexual_ones(Dimension dimension, PromptDepth depth, RelationshipKind kind)
    {
        var cell = Catalog.AvailableTo(kind, bothOptedInToSexualContent: false)
            .Where(p => p.Dimension == dimension && p.Depth == depth)
            .ToList();
        Assert.NotEmpty(cell);
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Long_distance_pairs_have_prompts_in_every_cell(Dimension dimension, PromptDepth depth, RelationshipKind kind)
    {
        Assert.Contains(
            Catalog.AvailableTo(kind, bothOptedInToSexualContent: false),
            p => p.Dimension == dimension && p.Depth == depth && p.WorksAtDistance);
    }

    [Theory]
    [InlineData(RelationshipKind.Friends)]
    [InlineData(RelationshipKind.Family)]
    public void No_sexual_or_romance_only_prompt_reaches_friends_or_family_even_with_opt_in(RelationshipKind kind)
    {
        var available = Catalog.AvailableTo(kind, bothOptedInToSexualContent: true);
        Assert.DoesNotContain(available, p => p.IsSexual);
        Assert.DoesNotContain(available, p => !p.Kinds.Contains(kind));
        var romanceOnly = Catalog.Prompts.Where(p => p.Kinds.SequenceEqual([RelationshipKind.Romantic])).ToList();
        Assert.NotEmpty(romanceOnly);
        Assert.All(romanceOnly, p => Assert.DoesNotContain(p, available));
    }

    [Fact]
    public void Sexual_prompts_are_physical_romantic_only_and_need_both_opt_ins()
    {
        var sexual = Catalog.Prompts.Where(p => p.IsSexual).ToList();
        Assert.NotEmpty(sexual);
        Assert.All(sexual, p =>
        {
            Assert.Equal(Dimension.Physical, p.Dimension);
            Assert.Equal([RelationshipKind.Romantic], p.Kinds);
        });
        Assert.DoesNotContain(Catalog.AvailableTo(RelationshipKind.Romantic, false), p => p.IsSexual);
        Assert.Contains(Catalog.AvailableTo(RelationshipKind.Romantic, true), p => p.IsSexual);
    }

    [Fact]
    public void Words_about_romance_or_sex_appear_only_in_romantic_prompts()
    {
        string[] romanceWords = ["romantic", "sex", "intimacy", "intimate", "desired", "date", "couple", "in love", "love last", "went out"];
        var shared = Catalog.Prompts.Where(p => p.Kinds.Count > 1);
        Assert.All(shared, p => Assert.DoesNotContain(
            romanceWords,
            w => p.Text.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Every_text_is_non_empty_and_ends_with_punctuation()
    {
        Assert.All(Catalog.Prompts, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Text));
            Assert.Contains(p.Text[^1], ".?!");
            Assert.Equal(p.Text.Trim(), p.Text);
        });
    }

    [Fact]
    public void Prompt_texts_are_unique()
    {
        var texts = Catalog.Prompts.Select(p => p.Text.ToUpperInvariant()).ToList();
        Assert.Equal(texts.Count, texts.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_prompt_is_skippable()
    {
        Assert.True(ConversationPrompt.IsSkippable);
    }

    [Fact]
    public void A_sexual_prompt_for_friends_is_refused_when_content_loads()
    {
        const string json = """
            { "version": "t", "prompts": [ { "id": "x", "dimension": "physical", "depth": "light",
              "kinds": ["friends"], "worksAtDistance": true, "sexual": true, "text": "Hello?" } ] }
            """;
        var ex = Assert.Throws<ContentFileException>(() => PromptCatalog.Parse(json));
        Assert.Contains("romantic", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "version": "t", "prompts": [ { "id": "x", "dimension": "nope", "depth": "light", "kinds": ["friends"], "text": "Hi?" } ] }""")]
    [InlineData("""{ "version": "t", "prompts": [ { "id": "x", "dimension": "emotional", "depth": "bottomless", "kinds": ["friends"], "text": "Hi?" } ] }""")]
    [InlineData("""{ "version": "t", "prompts": [ { "id": "x", "dimension": "emotional", "depth": "light", "kinds": ["friends"], "text": "No punctuation" } ] }""")]
    [InlineData("""{ "version": "t", "prompts": [ { "id": "x", "dimension": "emotional", "depth": "light", "kinds": [], "text": "Hi?" } ] }""")]
    [InlineData("""{ "version": "t", "prompts": [ { "id": "x", "dimension": "emotional", "depth": "light", "kinds": ["friends"], "text": "Hi?" }, { "id": "x", "dimension": "emotional", "depth": "light", "kinds": ["friends"], "text": "Hi again?" } ] }""")]
    [InlineData("""{ "version": "t", "prompts": [] }""")]
    [InlineData("""not json""")]
    public void Malformed_prompt_files_are_refused(string json)
    {
        Assert.Throws<ContentFileException>(() => PromptCatalog.Parse(json));
    }
}

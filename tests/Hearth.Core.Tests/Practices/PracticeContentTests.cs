using System.Text.RegularExpressions;
using Hearth.Core.ContentFiles;
using Hearth.Core.Dimensions;
using Hearth.Core.Practices;
using Hearth.Core.Spaces;

namespace Hearth.Core.Tests.Practices;

public sealed class PracticeContentTests
{
    private static readonly PracticeCatalog Catalog = PracticeCatalog.Default;

    public static TheoryData<Dimension, RelationshipKind> DimensionKinds()
    {
        var data = new TheoryData<Dimension, RelationshipKind>();
        foreach (var d in DimensionCatalog.All)
        {
            foreach (var k in RelationshipKinds.All)
            {
                data.Add(d, k);
            }
        }

        return data;
    }

    [Fact]
    public void Version_is_practices_v1_with_at_least_40_practices()
    {
        Assert.Equal("practices.v1", Catalog.Version);
        Assert.True(Catalog.Practices.Count >= 40, $"Only {Catalog.Practices.Count} practices.");
    }

    [Fact]
    public void Ids_are_unique_and_start_with_practice()
    {
        var ids = Catalog.Practices.Select(p => p.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^practice\\.[a-z0-9-]+$", id));
    }

    [Theory]
    [InlineData("practice.daily-20-minutes")]
    [InlineData("practice.appreciation-note")]
    [InlineData("practice.walk-and-talk")]
    [InlineData("practice.memory-lane")]
    [InlineData("practice.i-statement-talk")]
    public void Ids_other_code_refers_to_are_present(string id)
    {
        Assert.True(Catalog.TryGet(id, out var practice));
        Assert.Contains(id, PracticeIds.Required);
        Assert.Equal(id, practice.Id);
    }

    [Fact]
    public void Every_named_id_and_reconnect_step_exists()
    {
        Assert.All(PracticeIds.Required.Concat(PracticeIds.ReconnectPlan), id => Assert.True(Catalog.TryGet(id, out _), id));
        Assert.All(PracticeIds.ReconnectPlan, id => Assert.True(Catalog.Get(id).HasTag("reconnect"), id));
    }

    [Theory]
    [MemberData(nameof(DimensionKinds))]
    public void Every_dimension_has_practices_for_every_kind_in_person_and_at_a_distance(Dimension dimension, RelationshipKind kind)
    {
        Assert.NotEmpty(Catalog.For(kind, dimension));
        Assert.NotEmpty(Catalog.For(kind, dimension, apart: true));
    }

    [Fact]
    public void Apart_pairs_never_get_in_person_practices()
    {
        Assert.All(Catalog.For(RelationshipKind.Romantic, apart: true), p => Assert.NotEqual(PracticeSetting.InPerson, p.Setting));
    }

    [Fact]
    public void Texts_are_complete_and_every_why_line_has_a_research_source()
    {
        Assert.All(Catalog.Practices, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Title));
            Assert.Contains(p.HowTo[^1], ".?!");
            Assert.Contains(p.Why[^1], ".?!");
            Assert.InRange(p.Why.Length, 20, 140);
            Assert.Matches(new Regex("[A-Z][a-z]+.* (19|20)\\d\\d"), p.Source);
            Assert.InRange(p.Minutes, 1, PracticeCatalog.MaxMinutes);
            Assert.NotEmpty(p.Dimensions);
            Assert.NotEmpty(p.Kinds);
        });
    }

    [Fact]
    public void Why_lines_are_plain_words_without_citations()
    {
        Assert.All(Catalog.Practices, p =>
        {
            Assert.DoesNotMatch(new Regex("(19|20)\\d\\d"), p.Why);
            Assert.DoesNotContain("et al", p.Why, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("touch")]
    [InlineData("novelty")]
    [InlineData("spiritual")]
    [InlineData("ritual")]
    [InlineData("distance")]
    [InlineData("phone-free")]
    [InlineData("appreciation")]
    [InlineData("listening")]
    [InlineData("reconnect")]
    public void The_catalogue_covers_each_kind_of_practice(string tag)
    {
        Assert.Contains(Catalog.Practices, p => p.HasTag(tag));
    }

    [Theory]
    [InlineData("Aron et al. 2000")]
    [InlineData("Algoe")]
    [InlineData("Gable")]
    [InlineData("McDaniel & Coyne 2016")]
    [InlineData("Jiang & Hancock 2013")]
    [InlineData("Reis")]
    public void The_evidence_list_is_drawn_on(string source)
    {
        Assert.Contains(Catalog.Practices, p => p.Source.Contains(source, StringComparison.Ordinal));
    }

    [Fact]
    public void Touch_practices_are_non_sexual_and_affectionate_ones_reach_friends_and_family_too()
    {
        var touch = Catalog.Practices.Where(p => p.HasTag("touch")).ToList();
        Assert.All(touch, p => Assert.DoesNotContain("sex", p.HowTo, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(touch, p => p.Suits(RelationshipKind.Family));
        Assert.Contains(touch, p => p.Suits(RelationshipKind.Friends));
    }

    [Fact]
    public void Spiritual_practices_welcome_every_worldview()
    {
        var spiritual = Catalog.Practices.Where(p => p.HasTag("spiritual")).ToList();
        Assert.True(spiritual.Count >= 4);
        Assert.All(spiritual, p => Assert.Equal(RelationshipKinds.All, p.Kinds));
        var prayer = Catalog.Get("practice.prayer-or-hope");
        Assert.Contains("If not", prayer.HowTo, StringComparison.Ordinal);
    }

    [Fact]
    public void Date_practices_suit_romantic_pairs_only()
    {
        Assert.All(
            Catalog.Practices.Where(p => p.Title.Contains("date", StringComparison.OrdinalIgnoreCase)),
            p => Assert.Equal([RelationshipKind.Romantic], p.Kinds));
    }

    [Fact]
    public void A_file_without_a_required_id_is_refused()
    {
        const string json = """
            { "version": "t", "practices": [ { "id": "practice.x", "title": "X", "howTo": "Do it.", "dimensions": ["emotional"],
              "minutes": 5, "setting": "either", "kinds": ["friends"], "why": "It helps.", "source": "Someone 2020", "tags": [] } ] }
            """;
        var ex = Assert.Throws<ContentFileException>(() => PracticeCatalog.Parse(json));
        Assert.Contains("practice.daily-20-minutes", ex.Message, StringComparison.Ordinal);
    }
}

using Hearth.Core.Assessments;
using Hearth.Core.Dimensions;
using Hearth.Core.Spaces;

namespace Hearth.Core.Tests.Assessments;

public sealed class BaselineContentTests
{
    private static readonly AssessmentContent Content = AssessmentContent.Baseline;

    // Ids are stored next to answers: changing one breaks every saved assessment. This list is
    // the contract; a new content version gets a new file, not edits here.
    private static readonly string[] ExpectedIds =
    [
        "anchor.1", "anchor.2", "anchor.3",
        "emo.exp.1", "emo.exp.2", "emo.exp.3",
        "phy.exp.1", "phy.exp.2", "phy.exp.3",
        "int.exp.1", "int.exp.2", "int.exp.3",
        "spi.exp.1", "spi.exp.2", "spi.exp.3",
        "xpr.exp.1", "xpr.exp.2", "xpr.exp.3",
        "emo.imp", "phy.imp", "int.imp", "spi.imp", "xpr.imp",
        "phy.sex.1", "phy.sex.2",
        "healthy.bids", "healthy.goodNews", "healthy.thanks", "healthy.repair",
        "warning.criticism", "warning.contempt", "warning.shutdown", "warning.phones",
        "closeness.circles",
        "care.words", "care.acts", "care.gifts", "care.time", "care.touch",
        "safety.fear", "safety.hurt", "safety.threats", "safety.control",
    ];

    public static TheoryData<RelationshipKind> Kinds => new(RelationshipKinds.All);

    public static TheoryData<Dimension> Dimensions => new(DimensionCatalog.All);

    [Fact]
    public void Version_is_baseline_v1_over_the_past_two_weeks()
    {
        Assert.Equal("baseline.v1", Content.Version);
        Assert.Equal("the past two weeks", Content.TimeFrame);
    }

    [Fact]
    public void Ids_are_unique_and_exactly_the_published_list_in_order()
    {
        var ids = Content.Items.Select(i => i.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ExpectedIds, ids);
    }

    [Theory]
    [InlineData(AssessmentSection.Anchor, 3)]
    [InlineData(AssessmentSection.Experience, 15)]
    [InlineData(AssessmentSection.Importance, 5)]
    [InlineData(AssessmentSection.Sexual, 2)]
    [InlineData(AssessmentSection.HealthySigns, 4)]
    [InlineData(AssessmentSection.WarningSigns, 4)]
    [InlineData(AssessmentSection.Closeness, 1)]
    [InlineData(AssessmentSection.CareWays, 5)]
    [InlineData(AssessmentSection.Safety, 4)]
    public void Each_section_has_the_expected_number_of_items(AssessmentSection section, int expected)
    {
        Assert.Equal(expected, Content.Items.Count(i => i.Section == section));
        Assert.Contains(Content.Sections, s => s.Section == section);
    }

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void Every_dimension_has_three_experience_items_one_reversed_and_one_importance_item(Dimension dimension)
    {
        var experience = Content.Items.Where(i => i.Section == AssessmentSection.Experience && i.Dimension == dimension).ToList();
        var importance = Content.Items.Where(i => i.Section == AssessmentSection.Importance && i.Dimension == dimension).ToList();

        Assert.Equal(3, experience.Count);
        Assert.Single(experience, i => i.IsReverseKeyed);
        Assert.All(experience, i => Assert.Equal("agree7", i.Scale.Id));
        var only = Assert.Single(importance);
        Assert.False(only.IsReverseKeyed);
        Assert.Equal("importance7", only.Scale.Id);
        Assert.Equal((1, 7), (only.Scale.Min, only.Scale.Max));
    }

    [Fact]
    public void The_global_anchor_has_exactly_one_reversed_item_on_the_agreement_scale()
    {
        var anchor = Content.Items.Where(i => i.Section == AssessmentSection.Anchor).ToList();
        Assert.Single(anchor, i => i.IsReverseKeyed);
        Assert.All(anchor, i => Assert.Equal((1, 7), (i.Scale.Min, i.Scale.Max)));
    }

    [Fact]
    public void Reverse_keying_is_used_only_on_agreement_items()
    {
        Assert.All(Content.Items.Where(i => i.IsReverseKeyed), i => Assert.Equal("agree7", i.Scale.Id));
    }

    [Fact]
    public void Warning_signs_use_the_five_point_frequency_scale_from_never_to_very_often()
    {
        var warnings = Content.Items.Where(i => i.Section == AssessmentSection.WarningSigns).ToList();
        Assert.All(warnings, i => Assert.Equal("frequency5", i.Scale.Id));
        var scale = warnings[0].Scale;
        Assert.Equal(["Never", "Rarely", "Sometimes", "Often", "Very often"], scale.Points.Select(p => p.Label));
        Assert.Equal((1, 5), (scale.Min, scale.Max));
    }

    [Fact]
    public void Sexual_items_apply_only_to_romantic_spaces_and_belong_to_the_physical_dimension()
    {
        var sexual = Content.Items.Where(i => i.IsSexual).ToList();
        Assert.NotEmpty(sexual);
        Assert.All(sexual, i =>
        {
            Assert.Equal([RelationshipKind.Romantic], i.Kinds);
            Assert.Equal(Dimension.Physical, i.Dimension);
            Assert.Equal(AssessmentSection.Sexual, i.Section);
        });
    }

    [Theory]
    [InlineData(RelationshipKind.Romantic, false, 0)]
    [InlineData(RelationshipKind.Romantic, true, 2)]
    [InlineData(RelationshipKind.Friends, false, 0)]
    [InlineData(RelationshipKind.Friends, true, 0)]
    [InlineData(RelationshipKind.Family, false, 0)]
    [InlineData(RelationshipKind.Family, true, 0)]
    public void Sexual_items_are_shown_only_in_romantic_spaces_after_opting_in(RelationshipKind kind, bool optIn, int expected)
    {
        var items = Content.ItemsFor(kind, optIn);
        Assert.Equal(expected, items.Count(p => p.Item.IsSexual));
        Assert.Equal(Content.Items.Count(i => !i.IsSexual) + expected, items.Count);
    }

    [Fact]
    public void Items_are_presented_in_content_order()
    {
        var presented = Content.ItemsFor(RelationshipKind.Romantic, sexualOptIn: true).Select(p => p.Id);
        Assert.Equal(Content.Items.Select(i => i.Id), presented);
    }

    [Fact]
    public void Spiritual_items_and_only_they_offer_not_relevant()
    {
        Assert.All(Content.Items, i => Assert.Equal(i.Dimension == Dimension.Spiritual, i.AllowsNotRelevant));
        Assert.Equal(4, Content.Items.Count(i => i.AllowsNotRelevant));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_text_for_every_kind_is_filled_and_ends_with_punctuation(RelationshipKind kind)
    {
        foreach (var item in Content.Items.Where(i => i.AppliesTo(kind)))
        {
            var text = item.TextFor(kind);
            Assert.False(string.IsNullOrWhiteSpace(text), item.Id);
            Assert.True(EndsLikeASentence(text), $"{item.Id} ({kind}): \"{text}\"");
            Assert.Equal(text.Trim(), text);
            Assert.DoesNotContain("  ", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Section_titles_and_intros_are_filled_and_intros_end_with_punctuation()
    {
        Assert.All(Content.Sections, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Title));
            Assert.True(EndsLikeASentence(s.Intro), s.Intro);
        });
    }

    [Theory]
    [InlineData("closeness.circles", RelationshipKind.Romantic, "partner")]
    [InlineData("closeness.circles", RelationshipKind.Friends, "friend")]
    [InlineData("closeness.circles", RelationshipKind.Family, "family member")]
    [InlineData("emo.exp.1", RelationshipKind.Romantic, "my partner")]
    [InlineData("emo.exp.1", RelationshipKind.Friends, "my friend")]
    [InlineData("emo.exp.1", RelationshipKind.Family, "this family member")]
    [InlineData("anchor.1", RelationshipKind.Friends, "friendship")]
    public void Wording_follows_the_kind_of_space(string id, RelationshipKind kind, string expectedWords)
    {
        var presented = Content.ItemsFor(kind, sexualOptIn: false).Single(p => p.Id == id);
        Assert.Contains(expectedWords, presented.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Items_without_a_variant_use_the_default_text()
    {
        var item = Content.Item("emo.exp.2");
        Assert.All(RelationshipKinds.All, k => Assert.Equal(item.DefaultText, item.TextFor(k)));
    }

    [Fact]
    public void Care_ways_are_five_separate_ratings_one_per_way_on_the_same_scale()
    {
        var care = Content.Items.Where(i => i.Section == AssessmentSection.CareWays).ToList();
        Assert.Equal(Enum.GetValues<CareWay>(), care.Select(i => i.CareWay!.Value).Order());
        Assert.All(care, i => Assert.Equal("care5", i.Scale.Id));
    }

    [Fact]
    public void The_closeness_circles_item_has_seven_described_points()
    {
        var scale = Content.Item("closeness.circles").Scale;
        Assert.Equal(Enumerable.Range(1, 7), scale.Points.Select(p => p.Value));
        Assert.All(scale.Points, p => Assert.True(EndsLikeASentence(p.Description ?? ""), p.Label));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_safety_module_is_offered_in_every_kind_of_space_as_yes_or_no(RelationshipKind kind)
    {
        var safety = Content.ItemsFor(kind, sexualOptIn: false).Where(p => p.Item.IsSafety).ToList();
        Assert.InRange(safety.Count, 3, 4);
        Assert.All(safety, p =>
        {
            Assert.Equal(AssessmentSection.Safety, p.Item.Section);
            Assert.Equal((0, 1), (p.Item.Scale.Min, p.Item.Scale.Max));
            Assert.Equal("Yes", p.Item.Scale.Points.Single(x => x.Value == SafetyCheck.Yes).Label);
            Assert.False(p.Item.IsReverseKeyed);
            Assert.Null(p.Item.Dimension);
        });
    }

    [Theory]
    [InlineData("\"id\": \"anchor.2\"", "\"id\": \"anchor.1\"")]
    [InlineData("\"scale\": \"frequency5\"", "\"scale\": \"nope\"")]
    [InlineData("\"kinds\": [ \"romantic\" ],\n      \"sexual\": true", "\"kinds\": [ \"friends\" ],\n      \"sexual\": true")]
    [InlineData("\"dimension\": \"spiritual\"", "\"dimension\": \"astral\"")]
    [InlineData("\"section\": \"closeness\"", "\"section\": \"elsewhere\"")]
    public void Malformed_content_is_refused_when_it_loads(string original, string replacement)
    {
        using var stream = typeof(AssessmentContent).Assembly.GetManifestResourceStream(AssessmentContent.BaselineResourceName)!;
        using var reader = new StreamReader(stream);
        var json = reader.ReadToEnd();
        Assert.Contains(original, json, StringComparison.Ordinal);

        var broken = ReplaceFirst(json, original, replacement);

        Assert.Throws<Hearth.Core.ContentFiles.ContentFileException>(() => AssessmentContent.Parse(broken));
    }

    private static bool EndsLikeASentence(string text) =>
        text.Length > 1 && (text.EndsWith('.') || text.EndsWith('?'));

    private static string ReplaceFirst(string text, string original, string replacement)
    {
        var at = text.IndexOf(original, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + original.Length));
    }
}

using System.Text.RegularExpressions;
using Hearth.Core.ContentFiles;
using Hearth.Core.Debriefs;
using Hearth.Core.Dimensions;
using Hearth.Core.Prompts;
using Hearth.Core.Spaces;

namespace Hearth.Core.Tests.Debriefs;

/// <summary>The debrief content (Debriefs/Content/debrief.v1.json): whole, unique, and kind-safe.</summary>
public sealed partial class DebriefContentTests
{
    [GeneratedRegex(@"\b(sex\w*|sexual\w*|erotic\w*|bed|bedroom|desire|intimacy|intimate|aroused|lust|kiss\w*|Sex\w*|sexuell\w*|Lust|Begehren|Intimität|Bett|Küss\w*|kuss\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SexualWords();

    public static TheoryData<RelationshipKind, Dimension, PromptDepth> Cells()
    {
        var data = new TheoryData<RelationshipKind, Dimension, PromptDepth>();
        foreach (var kind in RelationshipKinds.All)
        {
            foreach (var dimension in DimensionCatalog.All)
            {
                foreach (var depth in PromptDepths.All)
                {
                    data.Add(kind, dimension, depth);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Every_kind_dimension_and_depth_has_a_question_a_starter_and_a_strength(RelationshipKind kind, Dimension dimension, PromptDepth depth)
    {
        var content = DebriefContent.Default;
        Assert.Contains(content.Questions(dimension, kind), q => q.Depth == depth);
        Assert.NotNull(content.Starter(dimension, kind));
        Assert.NotNull(content.Strength(dimension, kind));
    }

    [Fact]
    public void Questions_come_lightest_first_two_or_three_per_dimension()
    {
        foreach (var kind in RelationshipKinds.All)
        {
            foreach (var dimension in DimensionCatalog.All)
            {
                var depths = DebriefContent.Default.Questions(dimension, kind).Select(q => q.Depth!.Value).ToList();
                Assert.InRange(depths.Count, 2, 3);
                Assert.Equal(depths.Order(), depths);
            }
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    public void Nothing_a_friends_or_family_space_reads_is_about_sex(string culture)
    {
        var content = DebriefContent.For(culture);
        var reachable = content.Lines.Where(l => l.Suits(RelationshipKind.Friends) || l.Suits(RelationshipKind.Family)).ToList();
        Assert.NotEmpty(reachable);
        Assert.Empty(reachable.Where(l => SexualWords().IsMatch(l.Text)).Select(l => $"{l.Id}: {l.Text}"));
    }

    [Fact]
    public void Romantic_only_lines_never_reach_friends_or_family()
    {
        var romanticOnly = DebriefContent.Default.Lines.Where(l => l.Kinds.SequenceEqual([RelationshipKind.Romantic])).ToList();
        Assert.NotEmpty(romanticOnly);
        foreach (var kind in new[] { RelationshipKind.Friends, RelationshipKind.Family })
        {
            foreach (var dimension in DimensionCatalog.All)
            {
                var seen = DebriefContent.Default.Questions(dimension, kind).Append(DebriefContent.Default.Starter(dimension, kind)!).Append(DebriefContent.Default.Strength(dimension, kind)!);
                Assert.DoesNotContain(seen, l => romanticOnly.Contains(l));
            }
        }
    }

    [Fact]
    public void Ids_are_unique_and_a_repeated_id_is_refused()
    {
        var ids = DebriefContent.Default.Lines.Select(l => l.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        var json = EmbeddedContent.ReadText(DebriefContent.DefaultResourceName)
            .Replace("\"debrief.q.emotional.medium\"", "\"debrief.q.emotional.light\"", StringComparison.Ordinal);
        Assert.Throws<ContentFileException>(() => DebriefContent.Parse(json));
    }

    [Fact]
    public void A_file_with_an_empty_cell_is_refused()
    {
        var json = EmbeddedContent.ReadText(DebriefContent.DefaultResourceName)
            .Replace("\"depth\": \"deep\", \"kinds\": [\"friends\", \"family\"]", "\"depth\": \"medium\", \"kinds\": [\"friends\", \"family\"]", StringComparison.Ordinal);
        var error = Assert.Throws<ContentFileException>(() => DebriefContent.Parse(json));
        Assert.Contains("physical", error.Message, StringComparison.Ordinal);
    }
}

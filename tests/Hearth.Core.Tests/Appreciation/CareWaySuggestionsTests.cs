using System.Text.RegularExpressions;
using Hearth.Core.Appreciation;
using Hearth.Core.Assessments;
using Hearth.Core.Spaces;

namespace Hearth.Core.Tests.Appreciation;

public sealed class CareWaySuggestionsTests
{
    public static TheoryData<CareWay, RelationshipKind> All()
    {
        var data = new TheoryData<CareWay, RelationshipKind>();
        foreach (var way in Enum.GetValues<CareWay>())
        {
            foreach (var kind in RelationshipKinds.All)
            {
                data.Add(way, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Each_way_of_caring_has_three_to_five_plain_suggestions(CareWay way, RelationshipKind kind)
    {
        var suggestions = CareWaySuggestions.For(way, kind);
        Assert.InRange(suggestions.Count, 3, 5);
        Assert.Equal(suggestions.Count, suggestions.Distinct(StringComparer.Ordinal).Count());
        Assert.All(suggestions, s =>
        {
            Assert.Contains(s[^1], ".?!");
            Assert.DoesNotMatch(new Regex(@"\b(he|she|his|her|husband|wife|buy|money|expensive|sex)\b", RegexOptions.IgnoreCase), s);
        });
    }

    [Theory]
    [InlineData(RelationshipKind.Friends)]
    [InlineData(RelationshipKind.Family)]
    public void Touch_for_friends_and_family_is_light_and_asked_for(RelationshipKind kind)
    {
        var touch = CareWaySuggestions.For(CareWay.Touch, kind);
        Assert.NotEqual(CareWaySuggestions.For(CareWay.Touch, RelationshipKind.Romantic), touch);
        Assert.DoesNotContain(touch, s => s.Contains("rub", StringComparison.OrdinalIgnoreCase) || s.Contains("hold hands", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(touch, s => s.StartsWith("Ask", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_ways_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CareWaySuggestions.For((CareWay)0, RelationshipKind.Romantic));
    }
}

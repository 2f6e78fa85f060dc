using Hearth.Core.Languages;

namespace Hearth.Core.Tests.Languages;

/// <summary>CLDR's rule for whole numbers in English and German: "one" for exactly 1, "other" for all else.</summary>
public sealed class PluralRulesTests
{
    public static TheoryData<string, long, string> Cases()
    {
        var data = new TheoryData<string, long, string>();
        foreach (var culture in new[] { "en", "en-GB", "de", "de-AT", "de-CH", HearthLanguages.Pseudo, "xx-unknown", "" })
        {
            data.Add(culture, 1, PluralRules.One);
            foreach (var count in new long[] { 0, 2, 3, 11, 21, 101, 1_000_000, -1, -2, long.MaxValue, long.MinValue })
            {
                data.Add(culture, count, PluralRules.Other);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_count_takes_the_CLDR_category_of_its_language(string culture, long count, string expected) =>
        Assert.Equal(expected, PluralRules.Category(culture, count));

    [Fact]
    public void Every_shipped_language_has_one_and_other() =>
        Assert.All(HearthLanguages.Shipped, l => Assert.Equal([PluralRules.One, PluralRules.Other], PluralRules.CategoriesOf(l)));
}

using Hearth.Core.FreeText;

namespace Hearth.Core.Tests.FreeText;

/// <summary>The one length rule: characters as a person sees them, and a ceiling for characters piled high with marks.</summary>
public sealed class TextLengthTests
{
    public static TheoryData<string, string, int> Seen => new()
    {
        { "letters", "hello", 5 },
        { "an accent written as two code points", "e\u0301", 1 },
        { "an emoji outside the first plane", "\U0001F60A", 1 },
        { "a heart with its colour selector", "\u2764\uFE0F", 1 },
        { "a flag", "\U0001F1F3\U0001F1FF", 1 },
        { "a family joined with zero-width joiners", "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466", 1 },
        { "a skin tone", "\U0001F44B\U0001F3FD", 1 },
        { "a line break", "a\nb", 3 },
    };

    [Theory]
    [MemberData(nameof(Seen))]
    public void A_character_is_what_a_person_sees(string what, string text, int length)
    {
        Assert.True(TextLength.Of(text) == length, what);
        Assert.Equal(TextFit.Fits, TextLength.Check(text, length));
        Assert.Equal(TextFit.TooLong, TextLength.Check(text, length - 1));
    }

    [Theory]
    [MemberData(nameof(Seen))]
    public void A_text_of_the_limit_in_any_everyday_character_fits(string what, string text, int length)
    {
        var full = string.Concat(Enumerable.Repeat(text, 1000 / length));
        Assert.True(TextLength.Check(full, 1000) == TextFit.Fits, what);
    }

    [Fact]
    public void One_character_piled_high_with_marks_is_too_dense_not_too_long()
    {
        var piled = "a" + new string('\u0301', 20_000);

        Assert.Equal(1, TextLength.Of(piled));
        Assert.Equal(TextFit.TooDense, TextLength.Check(piled, 1000));
    }
}

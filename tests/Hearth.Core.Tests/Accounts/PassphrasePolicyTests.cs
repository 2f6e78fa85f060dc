using Hearth.Core.Accounts;

namespace Hearth.Core.Tests.Accounts;

public class PassphrasePolicyTests
{
    private static readonly HashSet<string> Common = ["password", "iloveyou", "123456789012345", "correcthorsebatterystaple", "qwertyuiopasdfg"];

    private static PassphraseProblem Check(string? passphrase, string? email = "sam@example.org", bool secondFactor = false) =>
        PassphrasePolicy.Check(passphrase, email, secondFactor, Common.Contains);

    [Theory]
    [InlineData("river lantern pebble")]
    [InlineData("alllowercasewordsarefine")]
    [InlineData("tea at four on the balcony")]
    [InlineData("Ünïcödé wörds åre wélcome")]
    public void Long_passphrases_need_no_digits_symbols_or_capitals(string passphrase) =>
        Assert.Equal(PassphraseProblem.None, Check(passphrase));

    [Fact]
    public void Fifteen_characters_are_enough_and_fourteen_are_not()
    {
        Assert.Equal(PassphraseProblem.None, Check("plum tree stars"));
        Assert.Equal(PassphraseProblem.TooShort, Check("plum tree star"));
    }

    [Fact]
    public void Eight_characters_are_enough_once_there_is_a_second_factor()
    {
        Assert.Equal(PassphraseProblem.None, Check("zebra ok", secondFactor: true));
        Assert.Equal(PassphraseProblem.TooShort, Check("zebra o", secondFactor: true));
    }

    [Fact]
    public void Very_long_passphrases_are_allowed_up_to_256_characters()
    {
        var words = string.Join(' ', Enumerable.Repeat("meadow", 36)) + " sunrise";
        Assert.True(words.Length > 64);
        Assert.Equal(PassphraseProblem.None, Check(words[..Math.Min(words.Length, 256)]));
        Assert.Equal(PassphraseProblem.TooLong, Check(new string('x', 250) + " abcdefg"));
    }

    [Fact]
    public void Emoji_count_as_one_character_each()
    {
        // 14 visible characters: too short even though the UTF-16 length is larger.
        Assert.Equal(PassphraseProblem.TooShort, Check("🌻🌻🌻 sun moon 🌙"));
    }

    [Theory]
    [InlineData("correcthorsebatterystaple")]
    [InlineData("Correct Horse Battery Staple")]
    [InlineData("123456789012345")]
    [InlineData("passwordpasswordpassword")]
    [InlineData("iloveyouiloveyou")]
    public void Common_passwords_and_their_repeats_are_refused(string passphrase) =>
        Assert.Equal(PassphraseProblem.Common, Check(passphrase));

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaaaa")]
    [InlineData("abababababababababab")]
    [InlineData("abcdefghijklmnopqrs")]
    [InlineData("zyxwvutsrqponmlkj")]
    public void Repetitive_or_sequential_strings_are_refused(string passphrase) =>
        Assert.NotEqual(PassphraseProblem.None, Check(passphrase));

    [Fact]
    public void The_email_address_is_not_a_passphrase()
    {
        Assert.Equal(PassphraseProblem.ContainsEmail, Check("samantha.river@example.org", "samantha.river@example.org"));
        Assert.Equal(PassphraseProblem.ContainsEmail, Check("samantha.rivers", "samantha.rivers@example.org"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void An_empty_passphrase_is_refused(string? passphrase) => Assert.Equal(PassphraseProblem.Empty, Check(passphrase));

    [Fact]
    public void Every_problem_has_a_distinct_friendly_explanation()
    {
        var texts = Enum.GetValues<PassphraseProblem>().Select(p => PassphrasePolicy.Explain(p)).ToList();
        Assert.Equal(texts.Count, texts.Distinct().Count());
        Assert.Contains("15", PassphrasePolicy.Explain(PassphraseProblem.TooShort), StringComparison.Ordinal);
        Assert.Contains("8", PassphrasePolicy.Explain(PassphraseProblem.TooShort, hasSecondFactor: true), StringComparison.Ordinal);
    }
}

using System.Text.RegularExpressions;
using Hearth.Core.Learning;
using Hearth.Core.Practices;
using Hearth.Core.Prompts;

namespace Hearth.Core.Tests.ContentFiles;

/// <summary>
/// Every sentence a member reads in the daily-connection content follows VOICE.md: no assumptions
/// about gender, marriage, children, religion or money, and no scolding.
/// </summary>
public sealed partial class VoiceTests
{
    // Whole words only. Internal research sources are not user-facing and are not checked.
    [GeneratedRegex(
        @"\b(husband|wife|boyfriend|girlfriend|he|she|him|his|her|hers|married|marriage|spouse|kids|children|church|god|should|must|bedroom|streak|normal|cheap|expensive|money|failed|missed)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Assumptions();

    public static IEnumerable<string> UserFacingTexts()
    {
        foreach (var p in PromptCatalog.Default.Prompts)
        {
            yield return p.Text;
        }

        foreach (var p in PracticeCatalog.Default.Practices)
        {
            yield return p.Title;
            yield return p.HowTo;
            yield return p.Why;
        }

        var learn = LearnLibrary.Default;
        foreach (var c in learn.Cards)
        {
            yield return c.Title;
            yield return c.Body;
            yield return c.TryToday;
        }

        foreach (var q in learn.ReflectionQuestions)
        {
            yield return q.Text;
        }

        foreach (var s in learn.FirstSteps)
        {
            yield return s.Text;
        }
    }

    [Fact]
    public void No_text_assumes_gender_marriage_children_religion_or_money()
    {
        var offending = UserFacingTexts().Where(t => Assumptions().IsMatch(t)).ToList();
        Assert.Empty(offending);
    }

    [Fact]
    public void Texts_are_trimmed_and_free_of_doubled_spaces()
    {
        Assert.All(UserFacingTexts(), t =>
        {
            Assert.Equal(t.Trim(), t);
            Assert.DoesNotContain("  ", t, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_published_36_questions_are_not_reused()
    {
        // A few distinctive phrasings of Aron et al. (1997); our prompts must never echo them.
        string[] published =
        [
            "dinner guest", "would you like to be famous", "perfect day", "rehearse what you are going to say",
            "how you will die", "mind or body", "house, containing everything", "most treasured memory",
            "too serious to be joked about", "three things you and your partner appear to have in common",
        ];
        Assert.All(PromptCatalog.Default.Prompts, p =>
            Assert.DoesNotContain(published, phrase => p.Text.Contains(phrase, StringComparison.OrdinalIgnoreCase)));
    }
}

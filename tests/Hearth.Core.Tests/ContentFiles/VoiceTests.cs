using System.Text.RegularExpressions;
using Hearth.Core.Appreciation;
using Hearth.Core.Assessments;
using Hearth.Core.Debriefs;
using Hearth.Core.Learning;
using Hearth.Core.Memories;
using Hearth.Core.Practices;
using Hearth.Core.Prompts;
using Hearth.Core.QualityTime;
using Hearth.Core.Spaces;
using NodaTime;
using Dimension = Hearth.Core.Dimensions.Dimension;

namespace Hearth.Core.Tests.ContentFiles;

/// <summary>
/// Every sentence a member reads in the daily-connection content follows docs/product/voice.md: no assumptions
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

        foreach (var line in DebriefContent.Default.Lines)
        {
            yield return line.Text;
        }
    }

    [Fact]
    public void No_text_assumes_gender_marriage_children_religion_or_money()
    {
        var offending = UserFacingTexts().Where(t => Assumptions().IsMatch(t)).ToList();
        Assert.Empty(offending);
    }

    /// <summary>Sentences written in code: refusals, explanations, summaries, suggestions, notifications.</summary>
    public static IEnumerable<string> CodedTexts()
    {
        var now = Instant.FromUtc(2026, 1, 1, 12, 0);
        var today = new LocalDate(2026, 1, 1);
        yield return new QualityTimer(null).Stop(now).Error!.Message;
        yield return new QualityTimer(now).Start(now).Error!.Message;
        yield return new QualityTimer(now).Stop(now - Duration.FromMinutes(1)).Error!.Message;
        yield return new QualityTimer(now).Stop(now + Duration.FromHours(13)).Error!.Message;
        yield return new QualityTimer(now).Stop(now + Duration.FromMinutes(5), 9).Error!.Message;
        foreach (var minutes in new[] { -1, 0, 5000 })
        {
            yield return QualityTimeLog.Manual(today, minutes, today).Error!.Message;
        }

        yield return QualityTimeLog.Manual(today.PlusDays(9), 10, today).Error!.Message;
        yield return DailyGoal.Create(5).Error!.Message;

        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        yield return AppreciationNotes.Create(a, a, b, NoteKind.Appreciation, "", null, now).Error!.Message;
        yield return AppreciationNotes.Create(a, a, a, NoteKind.Appreciation, "Hi.", null, now).Error!.Message;
        yield return NoteNotification.Instance.Title;
        yield return NoteNotification.Instance.Body;
        foreach (var way in Enum.GetValues<CareWay>())
        {
            foreach (var kind in RelationshipKinds.All)
            {
                foreach (var suggestion in CareWaySuggestions.For(way, kind))
                {
                    yield return suggestion;
                }
            }
        }

        foreach (var error in MemoryRules.Create(a, today.PlusDays(5), (MemoryKind)9, "", new string('x', 5000), today).Errors)
        {
            yield return error.Message;
        }

        yield return MemoryRules.Create(a, today, MemoryKind.First, new string('x', 200), "", today).Errors.Single().Message;
        foreach (var kind in MemoryKinds.All)
        {
            yield return kind.Label();
        }

        var history = new List<PromptShown>();
        for (var i = 0; i < 60; i++)
        {
            var choice = DailyPromptRecommender.Choose(new DailyPromptRequest(
                a, today.PlusDays(i), RelationshipKind.Family, false, false, i % 2 == 0, [Dimension.Spiritual],
                new AnsweredByDepth(20, 20, 0), history.ToList()));
            history.Add(new PromptShown(choice.Prompt.Id, today.PlusDays(i)));
            yield return choice.Explanation;
        }

        yield return DailyPromptRecommender.DeepSkipNote;
    }

    [Fact]
    public void Sentences_written_in_code_make_no_assumptions_and_never_scold()
    {
        var texts = CodedTexts().ToList();
        Assert.True(texts.Count > 50);
        Assert.DoesNotContain(texts, t => Assumptions().IsMatch(t));
        Assert.All(texts, t => Assert.Equal(t.Trim(), t));
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

using Hearth.Core.Appreciation;
using Hearth.Core.Assessments;
using Hearth.Core.Spaces;
using NodaTime;

namespace Hearth.Core.Tests.Appreciation;

public sealed class AppreciationNoteTests
{
    private static readonly Guid Space = Guid.NewGuid();
    private static readonly Guid Ana = Guid.NewGuid();
    private static readonly Guid Sam = Guid.NewGuid();
    private static readonly Instant Now = Instant.FromUtc(2026, 6, 1, 9, 30);

    private static NoteResult Create(NoteKind kind, string? text, CareWay? way = null, Guid? to = null) =>
        AppreciationNotes.Create(Space, Ana, to ?? Sam, kind, text, way, Now);

    [Fact]
    public void An_appreciation_with_words_and_a_care_way_is_accepted_and_trimmed()
    {
        var result = Create(NoteKind.Appreciation, "  Thank you for the soup when I was ill.  ", CareWay.Acts);
        Assert.True(result.IsOk);
        var note = result.Note!;
        Assert.Equal("Thank you for the soup when I was ill.", note.Text);
        Assert.Equal(CareWay.Acts, note.CareWay);
        Assert.Equal(NoteKind.Appreciation, note.Kind);
        Assert.Equal(Ana, note.FromMemberId);
        Assert.Equal(Sam, note.ToMemberId);
        Assert.Equal(Now, note.SentAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void An_empty_appreciation_is_refused_with_a_specific_message(string? text)
    {
        var result = Create(NoteKind.Appreciation, text);
        Assert.False(result.IsOk);
        Assert.Equal(NoteProblem.EmptyText, result.Error!.Problem);
        Assert.Equal("Add a few words about what you appreciate. One sentence is plenty.", result.Error.Message);
    }

    [Fact]
    public void A_thinking_of_you_can_be_sent_with_one_tap()
    {
        var result = Create(NoteKind.ThinkingOfYou, "  ");
        Assert.True(result.IsOk);
        Assert.Equal(AppreciationNotes.DefaultThinkingOfYouText, result.Note!.Text);
    }

    [Fact]
    public void A_note_to_oneself_is_refused()
    {
        Assert.Equal(NoteProblem.SameMember, Create(NoteKind.Appreciation, "Hi.", to: Ana).Error!.Problem);
    }

    [Fact]
    public void Unknown_kinds_are_refused()
    {
        Assert.Equal(NoteProblem.UnknownKind, Create((NoteKind)99, "Hi.").Error!.Problem);
        Assert.Equal(NoteProblem.UnknownKind, Create(NoteKind.Appreciation, "Hi.", (CareWay)42).Error!.Problem);
    }

    [Theory]
    [InlineData(NoteKind.Appreciation, "I loved dancing with you in the rain.", CareWay.Time)]
    [InlineData(NoteKind.ThinkingOfYou, "Secret word: pineapple.", null)]
    public void The_notification_is_discreet_and_never_carries_the_note(NoteKind kind, string text, CareWay? way)
    {
        var note = Create(kind, text, way).Note!;
        var notification = NoteNotification.For(note);

        Assert.Equal("Something new in Hearth", notification.Title);
        var everything = notification.Title + " " + notification.Body;
        Assert.DoesNotContain(text, everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("pineapple", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("apprecia", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("thinking", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("note", everything, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(NoteNotification.Instance, notification);
    }

    [Fact]
    public void Kinds_have_stable_wire_names()
    {
        Assert.Equal("thinking-of-you", NoteKind.ThinkingOfYou.WireName());
        Assert.True(NoteKinds.TryParse("appreciation", out var kind));
        Assert.Equal(NoteKind.Appreciation, kind);
        Assert.False(NoteKinds.TryParse("love-letter", out _));
    }
}

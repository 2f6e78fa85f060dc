using Hearth.Core.Assessments;
using Hearth.Core.FreeText;
using NodaTime;

namespace Hearth.Core.Appreciation;

/// <summary>What a note is.</summary>
public enum NoteKind
{
    /// <summary>Thanks for something specific.</summary>
    Appreciation = 1,

    /// <summary>A small "I'm thinking of you", no reply needed.</summary>
    ThinkingOfYou = 2,
}

public static class NoteKinds
{
    public static string WireName(this NoteKind kind) => kind switch
    {
        NoteKind.Appreciation => "appreciation",
        NoteKind.ThinkingOfYou => "thinking-of-you",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string? value, out NoteKind kind)
    {
        foreach (var candidate in Enum.GetValues<NoteKind>())
        {
            if (string.Equals(candidate.WireName(), value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

public enum NoteProblem
{
    /// <summary>An appreciation note without words.</summary>
    EmptyText = 1,

    /// <summary>A note to oneself.</summary>
    SameMember = 3,

    /// <summary>A kind or care way outside the known values.</summary>
    UnknownKind = 4,
}

public sealed record NoteError(NoteProblem Problem, string Message);

/// <summary>A note from one member to the other. The text is private to the two of them.</summary>
/// <param name="SpaceId">The pair's space.</param>
/// <param name="FromMemberId">Who wrote it.</param>
/// <param name="ToMemberId">Who receives it.</param>
/// <param name="Kind">Appreciation or thinking-of-you.</param>
/// <param name="Text">The note, trimmed.</param>
/// <param name="CareWay">An optional tag: which way of caring the note is about (the assessment's five ways).</param>
/// <param name="SentAt">When it was sent (UTC instant, passed in by the caller).</param>
public sealed record AppreciationNote(
    Guid SpaceId,
    Guid FromMemberId,
    Guid ToMemberId,
    NoteKind Kind,
    string Text,
    CareWay? CareWay,
    Instant SentAt);

/// <summary>Either a note or the reason it was refused.</summary>
public sealed record NoteResult(AppreciationNote? Note, NoteError? Error)
{
    public bool IsOk => Error is null;
}

/// <summary>Rules for writing a note.</summary>
public static class AppreciationNotes
{
    /// <summary>
    /// Counted in characters as people see them (an emoji counts as one). The length is checked once,
    /// where the words come in (the notes service, with <see cref="TextLength.Check"/>), not again here.
    /// </summary>
    public const int MaxTextLength = 2000;

    /// <summary>The words a "thinking of you" carries when the sender adds none of their own.</summary>
    public const string DefaultThinkingOfYouText = "Thinking of you.";

    /// <summary>
    /// Checks and builds a note. An appreciation needs words; a "thinking of you" may be sent with a
    /// single tap, and then carries <see cref="DefaultThinkingOfYouText"/>. Text is trimmed first; its
    /// length (<see cref="MaxTextLength"/>) has been checked by the caller, as for every free text.
    /// </summary>
    public static NoteResult Create(
        Guid spaceId,
        Guid fromMemberId,
        Guid toMemberId,
        NoteKind kind,
        string? text,
        CareWay? careWay,
        Instant sentAt)
    {
        if (!Enum.IsDefined(kind) || (careWay is { } way && !Enum.IsDefined(way)))
        {
            return Fail(NoteProblem.UnknownKind, "Please choose the kind of note again.");
        }

        if (fromMemberId == toMemberId)
        {
            return Fail(NoteProblem.SameMember, "Notes go to the other person in your space.");
        }

        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            if (kind == NoteKind.Appreciation)
            {
                return Fail(NoteProblem.EmptyText, "Add a few words about what you appreciate. One sentence is plenty.");
            }

            trimmed = DefaultThinkingOfYouText;
        }

        return new NoteResult(new AppreciationNote(spaceId, fromMemberId, toMemberId, kind, trimmed, careWay, sentAt), null);
    }

    private static NoteResult Fail(NoteProblem problem, string message) => new(null, new NoteError(problem, message));
}

/// <summary>What a notification or e-mail about a note may say.</summary>
public sealed record DiscreetNotification(string Title, string Body);

/// <summary>
/// The notification the receiver gets. It is the same for every note: it never contains the note,
/// its kind, its care way or who sent it, because a lock screen or a shared inbox may be seen by others.
/// </summary>
public static class NoteNotification
{
    public static DiscreetNotification Instance { get; } = new("Something new in Hearth", "Open Hearth when you have a moment.");

    public static DiscreetNotification For(AppreciationNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        return Instance;
    }
}

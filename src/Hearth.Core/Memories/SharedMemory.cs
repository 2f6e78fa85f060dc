using System.Globalization;
using Hearth.Core.FreeText;
using NodaTime;

namespace Hearth.Core.Memories;

/// <summary>What kind of memory it is.</summary>
public enum MemoryKind
{
    /// <summary>A first: the first meeting, the first trip, the first inside joke.</summary>
    First = 1,

    /// <summary>Something you keep doing together.</summary>
    Tradition = 2,

    /// <summary>Something you did or went through together.</summary>
    SharedExperience = 3,

    /// <summary>A reflection on what brought you close.</summary>
    Reflection = 4,
}

public static class MemoryKinds
{
    public static IReadOnlyList<MemoryKind> All { get; } =
        [MemoryKind.First, MemoryKind.Tradition, MemoryKind.SharedExperience, MemoryKind.Reflection];

    public static string WireName(this MemoryKind kind) => kind switch
    {
        MemoryKind.First => "first",
        MemoryKind.Tradition => "tradition",
        MemoryKind.SharedExperience => "shared-experience",
        MemoryKind.Reflection => "reflection",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string? value, out MemoryKind kind)
    {
        foreach (var candidate in All)
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

    /// <summary>A short label to show next to the memory.</summary>
    public static string Label(this MemoryKind kind) => kind switch
    {
        MemoryKind.First => "A first",
        MemoryKind.Tradition => "A tradition",
        MemoryKind.SharedExperience => "Something we shared",
        MemoryKind.Reflection => "What brought us close",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

public enum MemoryProblem
{
    EmptyTitle = 1,
    TitleTooLong = 2,
    TextTooLong = 3,
    DateInFuture = 4,
    UnknownKind = 5,
    DateTooEarly = 6,
}

public sealed record MemoryError(MemoryProblem Problem, string Message);

/// <summary>A memory the pair keeps together.</summary>
/// <param name="Id">Stable id (made by the caller).</param>
/// <param name="Date">The day it happened, as the pair remembers it (a local date, no time zone).</param>
/// <param name="Kind">A first, a tradition, a shared experience, or a reflection.</param>
/// <param name="Title">A short title, up to <see cref="MemoryRules.MaxTitleLength"/> characters.</param>
/// <param name="Text">The story, optional, up to <see cref="MemoryRules.MaxTextLength"/> characters.</param>
public sealed record SharedMemory(Guid Id, LocalDate Date, MemoryKind Kind, string Title, string Text);

/// <summary>Either a memory or the reason it was refused. A form may show several problems at once.</summary>
public sealed record MemoryResult(SharedMemory? Memory, IReadOnlyList<MemoryError> Errors)
{
    public bool IsOk => Errors.Count == 0;
}

/// <summary>Rules for saving a memory.</summary>
public static class MemoryRules
{
    public const int MaxTitleLength = 120;
    public const int MaxTextLength = 4000;

    /// <summary>A memory may be dated at most one day after the member's today (the other member's day may already have begun).</summary>
    public const int MaxDaysAhead = 1;

    /// <summary>
    /// The earliest day a memory may have: a lifetime back is plenty, and anything earlier is almost
    /// always a slip of the keyboard (a date picker left at 0001-01-01) that would sort to the very end.
    /// </summary>
    public static readonly LocalDate EarliestDate = new(1900, 1, 1);

    /// <summary>Checks and builds a memory; title and text are trimmed, and lengths count characters as people see them.</summary>
    public static MemoryResult Create(Guid id, LocalDate date, MemoryKind kind, string? title, string? text, LocalDate today)
    {
        var errors = new List<MemoryError>();
        var cleanTitle = (title ?? string.Empty).Trim();
        var cleanText = (text ?? string.Empty).Trim();

        if (!Enum.IsDefined(kind))
        {
            errors.Add(new(MemoryProblem.UnknownKind, "Please choose what kind of memory this is."));
        }

        if (cleanTitle.Length == 0)
        {
            errors.Add(new(MemoryProblem.EmptyTitle, "Give this memory a short title, even just a few words."));
        }
        else if (TextLength.Check(cleanTitle, MaxTitleLength) is var titleFit && titleFit != TextFit.Fits)
        {
            errors.Add(new(MemoryProblem.TitleTooLong, titleFit == TextFit.TooLong
                ? Invariant($"Titles can be up to {MaxTitleLength} characters. The story itself can go below.")
                : TextLength.TooDenseMessage));
        }

        if (TextLength.Check(cleanText, MaxTextLength) is var textFit && textFit != TextFit.Fits)
        {
            errors.Add(new(MemoryProblem.TextTooLong, textFit == TextFit.TooLong
                ? Invariant($"A memory can hold up to {MaxTextLength:N0} characters. You could split it into two memories.")
                : TextLength.TooDenseMessage));
        }

        if (date < EarliestDate)
        {
            errors.Add(new(MemoryProblem.DateTooEarly, "Please choose a day from 1900 onwards. Earlier dates are usually a typo, and they'd sort your timeline oddly."));
        }

        if (date > today.PlusDays(MaxDaysAhead))
        {
            errors.Add(new(MemoryProblem.DateInFuture, "That date is still to come. Memories can be added once the day has happened."));
        }

        return errors.Count == 0
            ? new MemoryResult(new SharedMemory(id, date, kind, cleanTitle, cleanText), errors)
            : new MemoryResult(null, errors);
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}

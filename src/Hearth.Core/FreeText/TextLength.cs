using System.Globalization;
using System.Text;

namespace Hearth.Core.FreeText;

/// <summary>How a free text compares with its limit.</summary>
public enum TextFit
{
    /// <summary>Within the limit.</summary>
    Fits = 0,

    /// <summary>More characters, as a person sees them, than the limit.</summary>
    TooLong = 1,

    /// <summary>
    /// Within the limit as a person sees it, but one of its characters carries so many marks that it
    /// is bigger than any character in everyday use (<see cref="TextLength.MaxBytesPerCharacter"/>).
    /// </summary>
    TooDense = 2,
}

/// <summary>
/// The one length rule for every free text a person types (docs/product/voice.md, "Lengths"; ADR 22):
/// a limit counts characters as a person sees them (text elements: an emoji, a flag or a letter with
/// its accent is one), and no one character may take more than <see cref="MaxBytesPerCharacter"/>
/// bytes of UTF-8, so a "character" piled high with marks cannot fill the database. Every feature
/// checks its free text with <see cref="Check"/> and nothing else.
/// </summary>
public static class TextLength
{
    /// <summary>
    /// The most UTF-8 bytes one character may take: a letter takes 1 to 3, an emoji 4 to 8 (a heart
    /// with its colour 6), a family emoji 25, a family with skin tones 41, a flag of a region 28.
    /// </summary>
    public const int MaxBytesPerCharacter = 64;

    /// <summary>The message for <see cref="TextFit.TooDense"/>: the same in every field.</summary>
    public const string TooDenseMessage = "Some of these characters carry a lot of marks, more than this field can keep. Please shorten it a little.";

    /// <summary>Characters as a person sees them.</summary>
    public static int Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new StringInfo(text).LengthInTextElements;
    }

    /// <summary>Whether <paramref name="text"/> fits a limit of <paramref name="max"/> characters.</summary>
    public static TextFit Check(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var count = 0;
        var dense = false;
        var characters = StringInfo.GetTextElementEnumerator(text);
        while (characters.MoveNext())
        {
            count++;
            dense |= Encoding.UTF8.GetByteCount(characters.GetTextElement()) > MaxBytesPerCharacter;
        }

        return count > max ? TextFit.TooLong : dense ? TextFit.TooDense : TextFit.Fits;
    }
}

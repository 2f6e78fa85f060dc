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
    /// Within the limit as a person sees it, but its characters carry so many marks that it would
    /// take more room than a text of that length ever needs (<see cref="TextLength.MaxBytesPerCharacter"/>).
    /// </summary>
    TooDense = 2,
}

/// <summary>
/// The one length rule for every free text a person types (docs/product/voice-and-text.md, ADR 104):
/// a limit counts characters as a person sees them (text elements: an emoji, a flag or a letter with
/// its accent is one), and the text may take at most <see cref="MaxBytesPerCharacter"/> bytes of UTF-8
/// per allowed character, so one "character" piled high with marks cannot fill the database. Every
/// feature checks its free text with <see cref="Check"/> and nothing else.
/// </summary>
public static class TextLength
{
    /// <summary>
    /// The UTF-8 bytes a text may take per allowed character, on average over the whole text: a
    /// letter takes 1 to 3, an emoji 4 to 8 (a heart with its colour 6, a flag 8), a family emoji 25.
    /// </summary>
    public const int MaxBytesPerCharacter = 16;

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
        if (Of(text) > max)
        {
            return TextFit.TooLong;
        }

        return Encoding.UTF8.GetByteCount(text) > (long)max * MaxBytesPerCharacter ? TextFit.TooDense : TextFit.Fits;
    }
}

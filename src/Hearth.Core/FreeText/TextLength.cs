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
    /// take more room than the field keeps (four bytes a character).
    /// </summary>
    TooDense = 2,
}

/// <summary>
/// The one length rule for every free text a person types (docs/product/voice-and-text.md, ADR 104):
/// a limit counts characters as a person sees them (text elements: an emoji, a flag or a letter with
/// its accent is one), and the text may take at most <see cref="BytesPerCharacter"/> bytes of UTF-8
/// per allowed character, the room storage keeps for it. Every feature checks its free text with
/// <see cref="Check"/> and nothing else.
/// </summary>
public static class TextLength
{
    /// <summary>The UTF-8 room storage keeps for each allowed character.</summary>
    public const int BytesPerCharacter = 4;

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

        return Encoding.UTF8.GetByteCount(text) > (long)max * BytesPerCharacter ? TextFit.TooDense : TextFit.Fits;
    }
}

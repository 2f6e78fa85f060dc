namespace Hearth.Core.ContentFiles;

/// <summary>
/// A content file (prompts, practices, learn cards) is malformed. Raised when the content loads,
/// so a bad file fails fast, in tests first.
/// </summary>
public sealed class ContentFileException : Exception
{
    public ContentFileException()
    {
    }

    public ContentFileException(string message)
        : base(message)
    {
    }

    public ContentFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace Hearth.Web.Features.Memories;

/// <summary>The words of the memories pages and API: MemoriesText.resx (English) and its translations.</summary>
public sealed class MemoriesText;

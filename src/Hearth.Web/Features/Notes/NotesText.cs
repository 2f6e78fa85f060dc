namespace Hearth.Web.Features.Notes;

/// <summary>The words of the notes page and API, and the ideas for each way of caring: NotesText.resx (English) and its translations.</summary>
public sealed class NotesText;

namespace Hearth.Web.Features.Prompts;

/// <summary>The words of today's question from the service (API messages, why it was chosen, dimension titles, skip note): PromptsText.resx (English) and its translations. The Today page itself reads Daily/DailyPageText.</summary>
public sealed class PromptsText;

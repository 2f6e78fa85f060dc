namespace Hearth.Web.Features.Prompts;

/// <summary>The words of today's question (page, API messages, why it was chosen): PromptsText.resx (English) and its translations.</summary>
public sealed class PromptsText;

namespace Hearth.Web.Features.Debriefs;

/// <summary>The words of the debrief page, its summary and its API: DebriefsText.resx (English) and its translations.</summary>
public sealed class DebriefsText;

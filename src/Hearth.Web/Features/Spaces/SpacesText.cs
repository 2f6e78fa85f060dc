namespace Hearth.Web.Features.Spaces;

/// <summary>The words of the spaces pages (list, new, space, leave, closed) and the space service's messages: SpacesText.resx (English) and its translations. Kind-specific keys end in .romantic, .friends, .family (read with ForKind).</summary>
public sealed class SpacesText;

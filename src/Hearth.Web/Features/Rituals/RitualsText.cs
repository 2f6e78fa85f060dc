namespace Hearth.Web.Features.Rituals;

/// <summary>The words of the weekly check-in (ritual) page and its messages: RitualsText.resx (English) and its translations.</summary>
public sealed class RitualsText;

namespace Hearth.Web.Features.Learn;

/// <summary>The words of the learn page around its cards (the cards themselves are content): LearnText.resx (English) and its translations.</summary>
public sealed class LearnText;

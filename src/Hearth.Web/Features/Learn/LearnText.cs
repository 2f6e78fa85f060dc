namespace Hearth.Web.Features.Learn;

/// <summary>The words of the learn page around its cards: LearnText.resx (English) and its translations. The cards themselves are Core content (LearnLibrary).</summary>
public sealed class LearnText;

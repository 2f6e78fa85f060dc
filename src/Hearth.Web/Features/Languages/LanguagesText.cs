namespace Hearth.Web.Features.Languages;

/// <summary>The words of choosing a language: LanguagesText.resx (English) and its translations. "OwnName" is each language's name in itself.</summary>
public sealed class LanguagesText;

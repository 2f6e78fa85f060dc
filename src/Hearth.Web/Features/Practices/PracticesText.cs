namespace Hearth.Web.Features.Practices;

/// <summary>The words of the practices page and API: PracticesText.resx (English) and its translations.</summary>
public sealed class PracticesText;

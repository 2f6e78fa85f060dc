namespace Hearth.Web.Features.Home;

/// <summary>The words of the start page and the error and status pages: HomeText.resx (English) and its translations.</summary>
public sealed class HomeText;

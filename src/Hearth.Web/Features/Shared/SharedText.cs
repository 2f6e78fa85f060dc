namespace Hearth.Web.Features.Shared;

/// <summary>The words of the layout and other shared pieces: SharedText.resx (English) and its translations.</summary>
public sealed class SharedText;

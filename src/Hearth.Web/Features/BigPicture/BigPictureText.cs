namespace Hearth.Web.Features.BigPicture;

/// <summary>The words of "checking in on the big picture": BigPictureText.resx (English) and its translations.</summary>
public sealed class BigPictureText;

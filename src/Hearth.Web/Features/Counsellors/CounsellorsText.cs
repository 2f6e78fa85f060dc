namespace Hearth.Web.Features.Counsellors;

/// <summary>Marker for CounsellorsText.resx (English) and its translations.</summary>
public sealed class CounsellorsText;

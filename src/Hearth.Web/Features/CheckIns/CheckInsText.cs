namespace Hearth.Web.Features.CheckIns;

/// <summary>The words of the weekly check-in (page, API messages, import): CheckInsText.resx (English) and its translations.</summary>
public sealed class CheckInsText;

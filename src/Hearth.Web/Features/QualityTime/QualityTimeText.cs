namespace Hearth.Web.Features.QualityTime;

/// <summary>The words of time together (pages, API messages, durations and the week's sentence): QualityTimeText.resx (English) and its translations.</summary>
public sealed class QualityTimeText;

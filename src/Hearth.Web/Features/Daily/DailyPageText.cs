namespace Hearth.Web.Features.Daily;

/// <summary>
/// The words of today's page and the pair's settings page, and their messages: DailyPageText.resx
/// (English) and its translations. Not "DailyText": that name is already the pair kernel's
/// helper (Pair/DailyText.cs), which many features use beside this namespace.
/// </summary>
public sealed class DailyPageText;
